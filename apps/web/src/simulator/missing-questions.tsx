import "./missing-questions.css";
import { useFormContext } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { QUESTIONS, type Question, questionFor } from "./questions.ts";
import type { SituationForm } from "./situation-form.ts";
import { useQuestionLabel } from "./use-question-label.ts";

const formOrder = new Map(QUESTIONS.map((q, i) => [q.name, i]));

/**
 * The questions that would complete the picture (the schemes' `missing` fields), in the order
 * of the form, each a button that takes the student to the question. `summary` is the list
 * above the cards; `inline`, a line in a card.
 */
export const MissingQuestions = ({
  paths,
  onAnswer,
  variant,
}: {
  readonly paths: readonly string[];
  readonly onAnswer: (path: string) => void;
  readonly variant: "summary" | "inline";
}) => {
  const { t } = useTranslation();
  const label = useQuestionLabel();
  const { getValues } = useFormContext<SituationForm>();
  const destination = getValues("mobility.destination");
  const byName = new Map<string, { path: string; question: Question }>();
  for (const path of paths) {
    const question = questionFor(path, destination);
    if (question && !byName.has(question.name)) byName.set(question.name, { path, question });
  }
  const questions = [...byName.values()].sort(
    (a, b) => (formOrder.get(a.question.name) ?? 0) - (formOrder.get(b.question.name) ?? 0),
  );
  if (questions.length === 0) return null;
  const buttons = questions.map(({ path, question }) => (
    <li key={question.name}>
      <button type="button" className="link-button" onClick={() => onAnswer(path)}>
        <span className="visually-hidden">{t("results.missing.answer")} </span>
        {label(question)}
      </button>
    </li>
  ));
  if (variant === "inline")
    return (
      <div className="missing missing--inline">
        <h4 className="missing__title">{t("results.missing.inline")}</h4>
        <ul className="missing__list">{buttons}</ul>
      </div>
    );
  return (
    <div className="missing">
      <h3 className="missing__title">{t("results.missing.title")}</h3>
      <p className="missing__intro">{t("results.missing.intro")}</p>
      <ul className="missing__list">{buttons}</ul>
    </div>
  );
};
