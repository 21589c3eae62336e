// their stylesheet (fields.css) comes with the entry, boot.ts: every form of the app uses it
import { type ReactNode, type Ref, useId } from "react";
import { useTranslation } from "react-i18next";
import { type QuestionProps, UNKNOWN, useQuestion } from "./use-question.ts";

/**
 * The simple questions, as native HTML fields: a text or date input with its label, a group of
 * radio buttons in a fieldset. The browser makes them accessible and keyboard-usable by itself,
 * at no cost to the first screen; React Aria provides what HTML lacks (the searchable list in
 * `search-question.tsx`, the locale-aware number in `number-question.tsx`).
 */

const FieldError = ({ id, error }: { readonly id: string; readonly error: string | undefined }) =>
  error ? (
    <p id={id} className="field__error">
      {error}
    </p>
  ) : null;

export const TextQuestion = ({
  type = "text",
  autoComplete,
  ...props
}: QuestionProps & { readonly type?: "text" | "date"; readonly autoComplete?: string }) => {
  const { field, label, description, error, ids } = useQuestion(props);
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field__label" htmlFor={ids.input}>
        {label}
      </label>
      <p id={ids.description} className="field__description">
        {description}
      </p>
      <input
        ref={field.ref}
        id={ids.input}
        className="field__input"
        type={type}
        name={field.name}
        autoComplete={autoComplete}
        value={(field.value as string | undefined) ?? ""}
        onChange={(e) => field.onChange(e.currentTarget.value)}
        onBlur={field.onBlur}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
      />
      <FieldError id={ids.error} error={error} />
    </div>
  );
};

export interface Option {
  readonly id: string;
  readonly label: string;
  /** Other words a search finds it by (a partner's short name, its id: "cvut"), not shown. */
  readonly keywords?: string;
}

/** A choice among a few options, as radio buttons; with `unknown`, "I don't know" is one of them. */
export const ChoiceQuestion = ({
  options,
  unknown,
  ...props
}: QuestionProps & { readonly options: readonly Option[]; readonly unknown?: string }) => {
  const { field, label, description, error, ids } = useQuestion(props);
  const value = field.value as string;
  const checked = value === "" && unknown !== undefined ? UNKNOWN : value;
  const all = unknown === undefined ? options : [...options, { id: UNKNOWN, label: unknown }];
  // react-hook-form focuses a field through its ref: the group's checked radio, or its first
  const focusRef: Ref<HTMLFieldSetElement> = (el) =>
    field.ref(
      el && {
        focus: () =>
          (
            el.querySelector<HTMLInputElement>("input:checked") ??
            el.querySelector<HTMLInputElement>("input")
          )?.focus(),
      },
    );
  return (
    <fieldset
      ref={focusRef}
      className="field field--choice"
      aria-describedby={ids.describedBy}
      data-invalid={error ? true : undefined}
    >
      <legend className="field__label">{label}</legend>
      <p id={ids.description} className="field__description">
        {description}
      </p>
      <div className="choices">
        {all.map((option) => (
          <label key={option.id} className="choice">
            <input
              type="radio"
              className="choice__input"
              name={field.name}
              value={option.id}
              checked={checked === option.id}
              onChange={() => field.onChange(option.id === UNKNOWN ? "" : option.id)}
              onBlur={field.onBlur}
            />
            <span className="choice__label">{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={ids.error} error={error} />
    </fieldset>
  );
};

/** A yes/no question that may stay unanswered. */
export const AnswerQuestion = (props: QuestionProps) => {
  const { t } = useTranslation();
  return (
    <ChoiceQuestion
      {...props}
      options={[
        { id: "yes", label: t("simulator.answer.yes") },
        { id: "no", label: t("simulator.answer.no") },
      ]}
      unknown={t("simulator.answer.unknown")}
    />
  );
};

/** Questions that belong together (the city's coordinates, the costs), under one legend. */
export const FieldGroup = ({
  label,
  description,
  children,
}: {
  readonly label: string;
  readonly description: string;
  readonly children: ReactNode;
}) => {
  const id = useId();
  return (
    <fieldset className="field-group" aria-describedby={id}>
      <legend className="field__label">{label}</legend>
      <p id={id} className="field__description">
        {description}
      </p>
      <div className="field-row">{children}</div>
    </fieldset>
  );
};
