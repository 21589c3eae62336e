import { FieldError, Input, Label, NumberField, Text } from "react-aria-components";
import { type QuestionProps, useQuestion } from "./use-question.ts";

/**
 * A number, read and written in the student's language ("12 000,50" in French, "12,000.50" in
 * English) by React Aria's NumberField; an empty field is unanswered (null). With `minValue` or
 * `maxValue`, NumberField refuses or clamps what is out of range; without them the value stays
 * as typed and the schema names the problem next to the field (`invalidMessage`, when given,
 * in place of the generic sentence).
 */
export const NumberQuestion = ({
  minValue,
  maxValue,
  fractionDigits = 0,
  invalidMessage,
  ...props
}: QuestionProps & {
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly fractionDigits?: number;
  readonly invalidMessage?: string;
}) => {
  const question = useQuestion(props);
  const { field, label, description } = question;
  const error = question.error && (invalidMessage ?? question.error);
  const value = field.value as number | null;
  return (
    <NumberField
      className="field"
      name={field.name}
      value={value ?? Number.NaN}
      onChange={(n) => field.onChange(Number.isNaN(n) ? null : n)}
      onBlur={field.onBlur}
      minValue={minValue}
      maxValue={maxValue}
      formatOptions={{ maximumFractionDigits: fractionDigits }}
      isInvalid={error !== undefined}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <Text slot="description" className="field__description">
        {description}
      </Text>
      <Input ref={field.ref} className="field__input field__input--number" />
      <FieldError className="field__error">{error}</FieldError>
    </NumberField>
  );
};
