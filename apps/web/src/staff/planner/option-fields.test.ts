import { formatMoney } from "@envol/domain";
import { describe, expect, it } from "vitest";
import {
  amountCheck,
  boundText,
  centsOfText,
  fieldText,
  optionFields,
  optionsOf,
} from "./option-fields.ts";

/** The IDF options' schema as the API sends it (zod's JSON Schema, input side). */
const IDF_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    monthlyRateCents: { default: 45_000, type: "integer", minimum: 25_000, maximum: 45_000 },
    maxFundedDays: { default: 300, type: "integer", minimum: 30, maximum: 360 },
    annualCapCents: {
      default: 450_000,
      type: "integer",
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
    },
    partnerYears: { type: "array", items: { type: "string" } },
    requireResidence: { default: true, type: "boolean" },
  },
  additionalProperties: false,
};

const IN_FORCE = { monthlyRateCents: 45_000, maxFundedDays: 300, annualCapCents: 450_000 };

describe("optionFields", () => {
  const fields = optionFields(IDF_SCHEMA);

  it("offers the numeric options only, money in euros with its bounds, no bound for 'any integer'", () => {
    expect(fields).toEqual([
      { name: "monthlyRateCents", money: true, integer: true, min: 250, max: 450 },
      { name: "maxFundedDays", money: false, integer: true, min: 30, max: 360 },
      { name: "annualCapCents", money: true, integer: true, min: 0, max: null },
    ]);
  });

  it("offers nothing for a schema that is not an object's", () => {
    expect(optionFields(null)).toEqual([]);
    expect(optionFields({ type: "string" })).toEqual([]);
  });

  it("shows the options in force in the form's unit", () => {
    expect(fields.map((f) => fieldText(f, IN_FORCE))).toEqual(["450", "300", "4500"]);
    expect(fieldText(fields[0] as never, {})).toBe("");
  });

  it("sends only what changed, money back in cents (a comma as decimal point)", () => {
    expect(optionsOf(fields, { monthlyRateCents: "400" }, IN_FORCE)).toEqual({
      options: { monthlyRateCents: 40_000 },
      errors: {},
    });
    expect(optionsOf(fields, { annualCapCents: "4000,5" }, IN_FORCE).options).toEqual({
      annualCapCents: 400_050,
    });
    expect(optionsOf(fields, {}, IN_FORCE)).toEqual({ options: {}, errors: {} });
  });

  it("names each field it cannot send: empty, not a number, out of bounds, not whole", () => {
    const { options, errors } = optionsOf(
      fields,
      { monthlyRateCents: "500", maxFundedDays: "12.5", annualCapCents: "" },
      IN_FORCE,
    );
    expect(options).toEqual({});
    expect(errors).toEqual({
      monthlyRateCents: "max",
      maxFundedDays: "whole",
      annualCapCents: "required",
    });
    expect(optionsOf(fields, { maxFundedDays: "abc" }, IN_FORCE).errors).toEqual({
      maxFundedDays: "number",
    });
    expect(optionsOf(fields, { maxFundedDays: "10" }, IN_FORCE).errors).toEqual({
      maxFundedDays: "min",
    });
  });
});

describe("centsOfText", () => {
  it("reads euros as typed in either language", () => {
    expect(centsOfText("12 000,50")).toBe(1_200_050);
    expect(centsOfText("12\u202f000")).toBe(1_200_000);
    expect(centsOfText("0.1")).toBe(10);
    expect(centsOfText("")).toBeNull();
    expect(centsOfText("-5")).toBeNull();
    expect(centsOfText("douze")).toBeNull();
  });
});

describe("amountCheck", () => {
  it("takes an empty field, zero and amounts as typed", () => {
    expect(amountCheck("")).toBeNull();
    expect(amountCheck("0")).toBeNull();
    expect(amountCheck("12 000,50")).toBeNull();
  });

  it("says a negative amount must be zero or more, and other text is not a number", () => {
    expect(amountCheck("-100")).toBe("notNegative");
    expect(amountCheck("-0,5")).toBe("notNegative");
    expect(amountCheck("abc")).toBe("number");
  });
});

describe("boundText", () => {
  const money = { name: "monthlyRateCents", money: true, integer: true, min: 0, max: 20_000 };
  const days = { name: "maxDays", money: false, integer: true, min: 0, max: 100_000 };

  it("writes euros with the locale's money format", () => {
    expect(boundText(money, 20_000, "fr")).toBe(formatMoney(2_000_000, "fr"));
    expect(boundText(money, 20_000, "en")).toBe("€20,000");
  });

  it("groups the digits of other figures as the reader does", () => {
    expect(boundText(days, 100_000, "en")).toBe("100,000");
    expect(boundText(days, 100_000, "fr")).toMatch(/^100[\u00a0\u202f]000$/);
  });
});
