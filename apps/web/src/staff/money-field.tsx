import type { Ref } from "react";
import { FieldError, Input, Label, NumberField, Text } from "react-aria-components";

/**
 * An amount in euros, typed and shown in the reader's language ("1 460,50 €", "€1,460.50") by
 * React Aria's NumberField; the value is in euros (null when empty), converted to cents by the
 * caller (`centsOf`).
 */
export const MoneyField = ({
  label,
  description,
  value,
  onChange,
  onBlur,
  error,
  name,
  inputRef,
  minValue = 0,
}: {
  readonly label: string;
  readonly description?: string;
  readonly value: number | null;
  readonly onChange: (euros: number | null) => void;
  readonly onBlur?: () => void;
  readonly error?: string | undefined;
  readonly name?: string;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly minValue?: number;
}) => (
  <NumberField
    className="field"
    name={name}
    value={value ?? Number.NaN}
    onChange={(n) => onChange(Number.isNaN(n) ? null : n)}
    onBlur={onBlur}
    minValue={minValue}
    formatOptions={{ style: "currency", currency: "EUR", maximumFractionDigits: 2 }}
    isInvalid={error !== undefined}
    validationBehavior="aria"
  >
    <Label className="field__label">{label}</Label>
    {description && (
      <Text slot="description" className="field__description">
        {description}
      </Text>
    )}
    <Input ref={inputRef} className="field__input field__input--number" />
    <FieldError className="field__error">{error}</FieldError>
  </NumberField>
);
