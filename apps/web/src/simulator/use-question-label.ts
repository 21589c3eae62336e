import { useTranslation } from "react-i18next";
import { usePersonnelTranslation } from "./personnel/personnel-texts.ts";
import type { Question } from "./questions.ts";

/**
 * A question's label, wherever a missing answer is named (the results, the office's report):
 * a personnel member's questions have their texts in the `personnel` namespace, loaded here
 * (suspending the first time in English) so that their names never show as keys.
 */
export const useQuestionLabel = (): ((question: Question) => string) => {
  usePersonnelTranslation();
  const { t } = useTranslation();
  return (question) =>
    question.ns
      ? t(`fields.${question.key}.label`, { ns: question.ns })
      : t(`fields.${question.key}.label`);
};
