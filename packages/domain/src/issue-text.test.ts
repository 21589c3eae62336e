import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldText, issueText } from "./issue-text.ts";
import { SituationSchema } from "./situation.ts";

/** The texts of every issue `schema` finds in `input`. */
const textsOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("the input was valid");
  return parsed.error.issues.map((i) => ({ path: i.path.join("."), ...issueText(i, input) }));
};

describe("issueText", () => {
  const Body = z.strictObject({
    amountCents: z.number().int().positive(),
    reason: z.string().min(1).max(5).optional(),
    tags: z.array(z.string()).max(2).optional(),
    instalment: z.enum(["advance", "balance"]).optional(),
    share: z.number().max(1).optional(),
  });

  it("says a whole number beyond the safe range is too large, without zod's figure", () => {
    expect(textsOf(Body, { amountCents: 1e300 })).toEqual([
      { path: "amountCents", fr: "est trop grand", en: "is too large" },
    ]);
  });

  it("tells a missing field from one of the wrong type", () => {
    expect(textsOf(Body, {})).toEqual([
      { path: "amountCents", fr: "est obligatoire", en: "is required" },
    ]);
    expect(textsOf(Body, { amountCents: "12" })).toEqual([
      { path: "amountCents", fr: "doit être un nombre", en: "must be a number" },
    ]);
    expect(textsOf(Body, { amountCents: 1.5 })).toEqual([
      { path: "amountCents", fr: "doit être un nombre entier", en: "must be a whole number" },
    ]);
  });

  it("says bounds with the reader's figures and units", () => {
    expect(textsOf(Body, { amountCents: 0 })[0]).toMatchObject({
      fr: "doit être supérieur à 0",
      en: "must be greater than 0",
    });
    expect(textsOf(Body, { amountCents: 1, reason: "" })[0]).toMatchObject({
      fr: "ne doit pas être vide",
      en: "must not be empty",
    });
    expect(textsOf(Body, { amountCents: 1, reason: "abcdefgh" })[0]).toMatchObject({
      fr: "doit compter au plus 5 caractères",
      en: "must be at most 5 characters long",
    });
    expect(textsOf(Body, { amountCents: 1, tags: ["a", "b", "c"] })[0]).toMatchObject({
      fr: "doit compter au plus 2 éléments",
      en: "must be at most 2 items long",
    });
    expect(textsOf(Body, { amountCents: 1, share: 1.5 })[0]).toMatchObject({
      fr: "doit être au plus 1",
      en: "must be at most 1",
    });
  });

  it("names the accepted values and the unknown fields", () => {
    expect(textsOf(Body, { amountCents: 1, instalment: "all" })[0]).toMatchObject({
      fr: 'doit valoir "advance" ou "balance"',
      en: 'must be "advance" or "balance"',
    });
    expect(textsOf(Body, { amountCents: 1, amount: 2 })[0]).toMatchObject({
      fr: 'champ inconnu : "amount"',
      en: 'unknown field: "amount"',
    });
  });

  it("finds both languages of a message said with fieldText, whatever the check", () => {
    const Year = z
      .string()
      .regex(/^\d{4}$/, fieldText({ fr: "doit être une année", en: "must be a year" }));
    expect(textsOf(Year, "2O27")).toEqual([
      { path: "", fr: "doit être une année", en: "must be a year" },
    ]);
  });

  it("refuses one English message said in two French ways", () => {
    fieldText({ fr: "doit être pair", en: "must be even" });
    expect(() => fieldText({ fr: "doit être divisible par deux", en: "must be even" })).toThrow(
      /must be even/,
    );
  });

  it("says every problem of a situation in French", () => {
    const texts = textsOf(SituationSchema, {
      mobility: { host: { country: "XX" }, start: "2027-02-30", end: "2027-01-01", extra: 1 },
    });
    expect(texts.map((t) => [t.path, t.fr])).toEqual([
      ["mobility.host.country", "doit être un code pays ISO 3166-1 alpha-2, comme DE"],
      ["mobility.start", "doit être une date écrite AAAA-MM-JJ"],
      ["mobility", 'champ inconnu : "extra"'],
    ]);
  });
});
