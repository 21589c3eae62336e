import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.ts";
import { formatOrdinal } from "./ordinal.ts";
import { type RuleValue, sayRuleValue } from "./priority-rules.ts";
import { rank } from "./rank.ts";
import { explainRank, type RankStanding, standingsOf } from "./rank-explanation.ts";

// Intl's French spacing: a narrow no-break space groups thousands, a no-break space precedes €
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatOrdinal", () => {
  it.each([
    [1, "1er", "1st"],
    [2, "2e", "2nd"],
    [3, "3e", "3rd"],
    [4, "4e", "4th"],
    [11, "11e", "11th"],
    [12, "12e", "12th"],
    [13, "13e", "13th"],
    [21, "21e", "21st"],
    [22, "22e", "22nd"],
    [23, "23e", "23rd"],
    [101, "101e", "101st"],
    [111, "111e", "111th"],
    [112, "112e", "112th"],
    [10_001, `10${NNBSP}001e`, "10,001st"],
  ])("%i is %s and %s", (n, fr, en) => {
    expect(formatOrdinal(n, "fr")).toBe(fr);
    expect(formatOrdinal(n, "en")).toBe(en);
  });
});

describe("sayRuleValue", () => {
  it.each<[RuleValue, string, string]>([
    [{ rule: "crous-echelon", value: "5" }, "échelon 5", "CROUS échelon 5"],
    [{ rule: "crous-echelon", value: "0bis" }, "échelon 0bis", "CROUS échelon 0bis"],
    [
      { rule: "crous-echelon", value: "boursier" },
      "bourse CROUS, échelon non renseigné",
      "CROUS grant, échelon not given",
    ],
    [{ rule: "crous-echelon", value: "not-boursier" }, "sans bourse CROUS", "no CROUS grant"],
    [
      { rule: "crous-echelon", value: null },
      "bourse CROUS non renseignée",
      "CROUS grant not given",
    ],
    [
      { rule: "quotient-familial", value: 840_000 },
      `quotient familial 8${NNBSP}400${NBSP}€`,
      "family quotient €8,400",
    ],
    [
      { rule: "quotient-familial", value: null },
      "quotient familial non renseigné",
      "family quotient not given",
    ],
    [
      { rule: "fewer-opportunities", value: true },
      "moins d'opportunités\u00a0: oui",
      "fewer opportunities: yes",
    ],
    [
      { rule: "fewer-opportunities", value: false },
      "moins d'opportunités\u00a0: non",
      "fewer opportunities: no",
    ],
    [
      { rule: "fewer-opportunities", value: null },
      "moins d'opportunités\u00a0: non renseigné",
      "fewer opportunities: not given",
    ],
    [
      { rule: "first-mobility", value: true },
      "première mobilité\u00a0: oui",
      "first mobility: yes",
    ],
    [
      { rule: "first-mobility", value: false },
      "première mobilité\u00a0: non",
      "first mobility: no",
    ],
    [
      { rule: "submitted-at", value: "2027-03-03T09:15:00Z" },
      "déposé le 3 mars 2027",
      "submitted on 3 March 2027",
    ],
    // a quarter to midnight in UTC is already the next day at the office, in Paris
    [
      { rule: "submitted-at", value: "2027-02-28T23:45:00Z" },
      "déposé le 1er mars 2027",
      "submitted on 1 March 2027",
    ],
  ])("%o reads %s / %s", (value, fr, en) => {
    expect(sayRuleValue(value, "fr")).toBe(fr);
    expect(sayRuleValue(value, "en")).toBe(en);
  });
});

const standing = (over: Partial<RankStanding>): RankStanding => ({
  requestId: "r-12",
  rank: 12,
  total: 58,
  values: [
    { rule: "crous-echelon", value: "5" },
    { rule: "quotient-familial", value: 840_000 },
  ],
  outcome: { kind: "funded", amountCents: 146_000, byHand: false },
  lastFundedRank: 40,
  ...over,
});

describe("explainRank", () => {
  it("a student funded by rank: the rank out of the total, the rules' values, the cut-off", () => {
    expect(explainRank(standing({}), "fr")).toBe(
      `12e sur 58\u00a0: échelon 5, quotient familial 8${NNBSP}400${NBSP}€\u00a0; le dernier dossier retenu est le 40e.`,
    );
    expect(explainRank(standing({}), "en")).toBe(
      "12th of 58: CROUS échelon 5, family quotient €8,400; the last request funded is 40th.",
    );
  });

  it("the first of a thousand: 1er, 1st, and the total grouped", () => {
    const s = standing({ rank: 1, total: 1_000, values: [{ rule: "crous-echelon", value: "7" }] });
    expect(explainRank(s, "fr")).toBe(
      `1er sur 1${NNBSP}000\u00a0: échelon 7\u00a0; le dernier dossier retenu est le 40e.`,
    );
    expect(explainRank(s, "en")).toBe(
      "1st of 1,000: CROUS échelon 7; the last request funded is 40th.",
    );
  });

  it("a waitlisted student is told her place on the waitlist", () => {
    const s = standing({ rank: 43, outcome: { kind: "waitlisted", position: 3, byHand: false } });
    expect(explainRank(s, "fr")).toBe(
      `43e sur 58\u00a0: échelon 5, quotient familial 8${NNBSP}400${NBSP}€\u00a0; le dernier dossier retenu est le 40e\u00a0; votre dossier est le 3e de la liste d'attente.`,
    );
    expect(explainRank(s, "en")).toBe(
      "43rd of 58: CROUS échelon 5, family quotient €8,400; the last request funded is 40th; your request is 3rd on the waitlist.",
    );
  });

  it("a request moved by hand says the office decided, never the office's reason", () => {
    const funded = standing({
      rank: 45,
      outcome: { kind: "funded", amountCents: 1, byHand: true },
    });
    expect(explainRank(funded, "fr")).toMatch(
      /le dernier dossier retenu est le 40e\u00a0; la DRI a retenu votre dossier hors classement\.$/,
    );
    expect(explainRank(funded, "en")).toMatch(
      /the last request funded is 40th; the office funded your request outside the ranking\.$/,
    );
    const waiting = standing({ outcome: { kind: "waitlisted", position: 1, byHand: true } });
    expect(explainRank(waiting, "fr")).toMatch(
      /; la DRI a placé votre dossier sur la liste d'attente, où il est le 1er\.$/,
    );
    expect(explainRank(waiting, "en")).toMatch(
      /; the office placed your request on the waitlist, where it is 1st\.$/,
    );
  });

  it("no one funded by rank: says so instead of a cut-off", () => {
    const s = standing({
      lastFundedRank: null,
      outcome: { kind: "waitlisted", position: 12, byHand: false },
    });
    expect(explainRank(s, "fr")).toMatch(
      /\u00a0; aucun dossier n'est retenu au classement\u00a0; votre dossier est le 12e de la liste d'attente\.$/,
    );
    expect(explainRank(s, "en")).toMatch(
      /; no request is funded by rank; your request is 12th on the waitlist\.$/,
    );
  });
});

describe("standingsOf", () => {
  it("puts a ranking and its allocation together, request by request, with the move's reason kept out", () => {
    const mobility = { host: { country: "DE" }, start: "2027-09-01", end: "2028-01-31" } as const;
    const ranking = rank(
      [
        {
          requestId: "a",
          situation: { student: { crous: { echelon: "6" } }, mobility },
          submittedAt: "2027-03-03T09:00:00Z",
          amountCents: 200_000,
        },
        {
          requestId: "b",
          situation: { student: { crous: { echelon: "2" } }, mobility },
          submittedAt: "2027-03-02T09:00:00Z",
          amountCents: 150_000,
        },
        {
          requestId: "c",
          situation: { student: { crous: { boursier: false } }, mobility },
          submittedAt: "2027-03-01T09:00:00Z",
          amountCents: 50_000,
        },
      ],
      ["crous-echelon"],
    );
    if (Result.isFailure(ranking)) throw new Error("expected a ranking");
    const allocation = allocate(ranking.success, 300_000, [
      { requestId: "c", to: "funded", reason: "Avis de l'assistante sociale, confidentiel" },
    ]);
    if (Result.isFailure(allocation)) throw new Error("expected an allocation");
    const standings = standingsOf(ranking.success, allocation.success);
    expect(standings.get("a")).toEqual({
      requestId: "a",
      rank: 1,
      total: 3,
      values: [{ rule: "crous-echelon", value: "6" }],
      outcome: { kind: "funded", amountCents: 200_000, byHand: false },
      lastFundedRank: 1,
    });
    expect(standings.get("b")?.outcome).toEqual({ kind: "waitlisted", position: 1, byHand: false });
    const c = standings.get("c");
    if (c === undefined) throw new Error("expected c's standing");
    expect(explainRank(c, "en")).toBe(
      "3rd of 3: no CROUS grant; the last request funded is 1st; the office funded your request outside the ranking.",
    );
    expect(JSON.stringify(c)).not.toContain("assistante");
  });
});
