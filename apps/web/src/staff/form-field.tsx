import type { ReactNode } from "react";

/** What a field's control is given: its id and its ties to the field's hint and error. */
export interface ControlProps {
  readonly id: string;
  readonly className: string;
  readonly "aria-invalid": true | undefined;
  readonly "aria-describedby": string | undefined;
}

/**
 * A back-office form's field: its label, its hint, the control the caller draws with the props
 * that tie it to them, and the error under it (the API's words, or the form's own check).
 *
 * @example
 * <FormField id={`${id}-reason`} label={t("planner.move.reason")} error={reasonError}
 *   control={(props) => <textarea {...props} rows={3} value={reason} onChange={…} />} />
 */
export const FormField = ({
  id,
  label,
  hint,
  error,
  control,
}: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly control: (props: ControlProps) => ReactNode;
}) => {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__description">
          {hint}
        </p>
      )}
      {control({
        id,
        className: "field__input",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
};
