import { useId } from "react";
import { type FieldPath, useController } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { QuestionKey } from "./questions.ts";
import type { SituationForm } from "./situation-form.ts";
import type { ErrorKey } from "./situation-issues.ts";

export interface QuestionProps {
  readonly name: FieldPath<SituationForm>;
  readonly question: QuestionKey;
}

/** Not answered: the value a radio group or a list uses for "I don't know". */
export const UNKNOWN = "unknown";

/**
 * A question bound to react-hook-form: its field, its texts (label, one-line explanation, error
 * translated in the current language) and the ids that tie them to the input.
 */
export const useQuestion = ({ name, question }: QuestionProps) => {
  const { t } = useTranslation();
  const id = useId();
  const { field, fieldState } = useController<SituationForm>({ name });
  const key = fieldState.error?.message as ErrorKey | undefined;
  const error = key ? t(`errors.${key}`, { defaultValue: t("errors.invalid") }) : undefined;
  return {
    field,
    label: t(`fields.${question}.label`),
    description: t(`fields.${question}.description`),
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
