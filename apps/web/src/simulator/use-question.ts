import { useId } from "react";
import { type FieldPath, useController } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { PersonnelQuestionKey, QuestionKey } from "./questions.ts";
import type { SituationForm } from "./situation-form.ts";
import type { ErrorKey } from "./situation-issues.ts";

export type QuestionProps = { readonly name: FieldPath<SituationForm> } & (
  | { readonly question: QuestionKey; readonly ns?: undefined }
  // a personnel member's question: its texts are in the `personnel` namespace
  | { readonly question: PersonnelQuestionKey; readonly ns: "personnel" }
  // the stay's questions (destination, dates): texts in both, the personnel's with their own hints
  | { readonly question: QuestionKey & PersonnelQuestionKey; readonly ns?: "personnel" }
);

/** Not answered: the value a radio group or a list uses for "I don't know". */
export const UNKNOWN = "unknown";

/**
 * A question bound to react-hook-form: its field, its texts (label, one-line explanation, error
 * translated in the current language) and the ids that tie them to the input.
 */
export const useQuestion = ({ name, question, ns }: QuestionProps) => {
  const { t } = useTranslation();
  const id = useId();
  const { field, fieldState } = useController<SituationForm>({ name });
  const key = fieldState.error?.message as ErrorKey | undefined;
  const error = key ? t(`errors.${key}`, { defaultValue: t("errors.invalid") }) : undefined;
  return {
    field,
    label: ns ? t(`fields.${question}.label`, { ns }) : t(`fields.${question}.label`),
    description: ns
      ? t(`fields.${question}.description`, { ns })
      : t(`fields.${question}.description`),
    error,
    ids: {
      input: `${id}-input`,
      description: `${id}-description`,
      error: `${id}-error`,
      /** what `aria-describedby` lists: the explanation, then the error when there is one */
      describedBy: error ? `${id}-description ${id}-error` : `${id}-description`,
    },
  };
};
