import { formatInteger, formatMoney, type Lang } from "@envol/domain";

/**
 * A scheme's numeric options as form fields, read from their JSON Schema (`GET
 * /api/staff/schemes/{scheme}/options`, the input side): the name, whether it is money (a name
 * ending in `Cents`, typed in euros), whole or not, its bounds and default. Options that are not
 * numbers (years, yes/no, lists) are not offered: the what-if is about figures.
 */

export interface OptionField {
  readonly name: string;
  /** Cents in the API, euros in the form. */
  readonly money: boolean;
  readonly integer: boolean;
  /** In the form's unit (euros for money); null: no bound. */
  readonly min: number | null;
  readonly max: number | null;
}

/** Bounds past this are zod's "any safe integer", not a rule worth showing. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER / 2;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const bound = (v: unknown, money: boolean): number | null =>
  typeof v === "number" && Math.abs(v) < UNBOUNDED ? (money ? v / 100 : v) : null;

/** The numeric fields of an options schema, in the schema's order. */
export const optionFields = (schema: unknown): OptionField[] => {
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  return Object.entries(schema.properties).flatMap(([name, property]) => {
    if (!isRecord(property)) return [];
    if (property.type !== "integer" && property.type !== "number") return [];
    const money = name.endsWith("Cents");
    return [
      {
        name,
        money,
        integer: property.type === "integer",
        min: bound(property.minimum ?? property.exclusiveMinimum, money),
        max: bound(property.maximum ?? property.exclusiveMaximum, money),
      },
    ];
  });
};

/** The field's value in `options` (the options in force) as the form shows it; "" if none. */
export const fieldText = (field: OptionField, options: unknown): string => {
  const value = isRecord(options) ? options[field.name] : undefined;
  if (typeof value !== "number") return "";
  return String(field.money ? value / 100 : value);
};

export type FieldCheck = "required" | "number" | "whole" | "min" | "max";

/**
 * The options a form asks for: every field whose typed value differs from the options in force
 * (in the API's unit, cents for money), or what is wrong with each field that cannot be sent
 * (the API judges the rest and names `options.<name>`).
 */
export const optionsOf = (
  fields: readonly OptionField[],
  typed: Readonly<Record<string, string>>,
  inForce: unknown,
): { readonly options: Record<string, number>; readonly errors: Record<string, FieldCheck> } => {
  const options: Record<string, number> = {};
  const errors: Record<string, FieldCheck> = {};
  for (const field of fields) {
    const text = (typed[field.name] ?? fieldText(field, inForce)).trim().replace(",", ".");
    if (text === "") {
      errors[field.name] = "required";
      continue;
    }
    const n = Number(text);
    if (!Number.isFinite(n)) {
      errors[field.name] = "number";
      continue;
    }
    const value = field.money ? Math.round(n * 100) : n;
    if (field.integer && !Number.isInteger(value)) errors[field.name] = "whole";
    else if (field.min !== null && n < field.min) errors[field.name] = "min";
    else if (field.max !== null && n > field.max) errors[field.name] = "max";
    else {
      const current = isRecord(inForce) ? inForce[field.name] : undefined;
      if (value !== current) options[field.name] = value;
    }
  }
  return { options, errors };
};

/** Euros as typed ("12 000,50") in cents, or null when it is not an amount. */
export const centsOfText = (text: string): number | null => {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
  if (cleaned === "") return null;
  const n = Number(cleaned);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
};

/** What is wrong with an amount typed in euros ("" is none: fine), or null. */
export const amountCheck = (text: string): "number" | "notNegative" | null => {
  if (text.trim() === "" || centsOfText(text) !== null) return null;
  const n = Number(
    text
      .trim()
      .replace(/[\s\u00a0\u202f]/g, "")
      .replace(",", "."),
  );
  return Number.isFinite(n) && n < 0 ? "notNegative" : "number";
};

/** A field's bound as the reader writes it: euros for money, grouped digits otherwise. */
export const boundText = (field: OptionField, value: number, lang: Lang): string =>
  field.money
    ? formatMoney(Math.round(value * 100), lang)
    : Number.isInteger(value)
      ? formatInteger(value, lang)
      : new Intl.NumberFormat(lang).format(value);
