import { Result } from "effect";
import { describe, expect, it } from "vitest";
import type { Student } from "../situation.ts";
import {
  type AllocationCandidate,
  AllocationCandidateSchema,
  type PriorityRules,
  PriorityRulesSchema,
} from "./priority-rules.ts";
import { type Ranking, rank } from "./rank.ts";

const MOBILITY = {
  host: { country: "DE" },
  start: "2027-09-01",
  end: "2028-01-31",
} as const;

/** A candidate with a student's answers; submitted on 3 March 2027 at 9:00 unless said. */
const candidate = (
  requestId: string,
  student: Student | undefined,
  submittedAt = "2027-03-03T09:00:00Z",
  amountCents = 100_000,
): AllocationCandidate => ({
  requestId,
  situation: { ...(student && { student }), mobility: MOBILITY },
  submittedAt,
  amountCents,
});

const ranked = (r: Result.Result<Ranking, unknown>): Ranking => {
  if (Result.isFailure(r)) throw new Error(`expected a ranking, got ${String(r.failure)}`);
  return r.success;
};

const order = (candidates: readonly AllocationCandidate[], rules: PriorityRules): string[] =>
  ranked(rank(candidates, rules)).ranked.map((c) => c.requestId);

describe("PriorityRulesSchema", () => {
  it("takes one to five rules, in order", () => {
    expect(PriorityRulesSchema.parse(["quotient-familial", "crous-echelon"])).toEqual([
      "quotient-familial",
      "crous-echelon",
    ]);
  });

  it.each([
    ["no rule", []],
    ["a rule twice", ["crous-echelon", "quotient-familial", "crous-echelon"]],
    ["a rule outside the vocabulary", ["grade-average"]],
  ])("refuses %s", (_, rules) => {
    expect(PriorityRulesSchema.safeParse(rules).success).toBe(false);
  });

  it("says a duplicate in both languages' words", () => {
    const r = PriorityRulesSchema.safeParse(["first-mobility", "first-mobility"]);
    expect(r.error?.issues[0]?.message).toBe("must not name the same rule twice");
  });
});

describe("AllocationCandidateSchema", () => {
  it("takes a candidate and refuses an amount that is not whole cents, naming the field", () => {
    const c = candidate("r-1", { crous: { echelon: "5" } });
    expect(AllocationCandidateSchema.parse(c)).toEqual(c);
    const r = AllocationCandidateSchema.safeParse({ ...c, amountCents: 10.5 });
    expect(r.error?.issues[0]?.path).toEqual(["amountCents"]);
    const t = AllocationCandidateSchema.safeParse({ ...c, submittedAt: "3 March 2027" });
    expect(t.error?.issues[0]?.path).toEqual(["submittedAt"]);
  });
});

describe("rank: the CROUS rule", () => {
  it("higher échelon first, 0bis the lowest of the grant holders, then a grant without échelon, then no grant, then unknown", () => {
    const cohort = [
      candidate("unknown", undefined),
      candidate("no-grant", { crous: { boursier: false } }),
      candidate("e0bis", { crous: { echelon: "0bis" } }),
      candidate("e7", { crous: { echelon: "7" } }),
      candidate("grant-no-echelon", { crous: { boursier: true } }),
      candidate("e1", { crous: { boursier: true, echelon: "1" } }),
      candidate("e5", { crous: { echelon: "5" } }),
    ];
    expect(order(cohort, ["crous-echelon"])).toEqual([
      "e7",
      "e5",
      "e1",
      "e0bis",
      "grant-no-echelon",
      "no-grant",
      "unknown",
    ]);
  });

  it("an explicit 'no grant' wins over an échelon, as the crousBoursier fact reads it", () => {
    const r = ranked(
      rank([candidate("r", { crous: { boursier: false, echelon: "6" } })], ["crous-echelon"]),
    );
    expect(r.ranked[0]?.values).toEqual([{ rule: "crous-echelon", value: "not-boursier" }]);
  });
});

describe("rank: the other rules", () => {
  it("quotient familial: lower first, unknown last", () => {
    const cohort = [
      candidate("unknown", { crous: { echelon: "3" } }),
      candidate("qf-12000", { household: { quotientFamilial: 1_200_000 } }),
      candidate("qf-0", { household: { quotientFamilial: 0 } }),
      candidate("qf-8400", { household: { quotientFamilial: 840_000 } }),
    ];
    expect(order(cohort, ["quotient-familial"])).toEqual([
      "qf-0",
      "qf-8400",
      "qf-12000",
      "unknown",
    ]);
  });

  it("fewer opportunities: yes first (any ground), then no (every ground known false), then unknown", () => {
    const allNo = {
      crous: { boursier: false },
      fewerOpportunities: { disability: false, qpv: false, zrr: false },
    };
    const cohort = [
      candidate("unknown", { fewerOpportunities: { qpv: false } }),
      candidate("no", allNo),
      candidate("yes-echelon-7", { crous: { echelon: "7" } }),
      candidate("yes-zrr", { fewerOpportunities: { zrr: true } }),
    ];
    expect(order(cohort, ["fewer-opportunities"])).toEqual([
      "yes-echelon-7",
      "yes-zrr",
      "no",
      "unknown",
    ]);
  });

  it("first mobility: no Erasmus+ days in the cycle first, then some, then not answered (unknown, not zero)", () => {
    const cohort = [
      candidate("not-answered", { history: {} }),
      candidate("days-120", { history: { erasmusDaysInCycle: 120 } }),
      candidate("days-0", { history: { erasmusDaysInCycle: 0 } }),
      candidate("days-5", { history: { erasmusDaysInCycle: 5 } }),
    ];
    // 120 and 5 days are both "not a first mobility": equal on the rule, so by submission
    expect(order(cohort, ["first-mobility"])).toEqual([
      "days-0",
      "days-120",
      "days-5",
      "not-answered",
    ]);
  });

  it("submitted-at: earlier first, comparing instants across offsets, not their text", () => {
    const cohort = [
      candidate("b", undefined, "2027-03-03T10:30:00+02:00"), // 08:30Z
      candidate("a", undefined, "2027-03-03T09:00:00Z"),
      candidate("c", undefined, "2027-03-01T23:59:59.999Z"),
    ];
    expect(order(cohort, ["submitted-at"])).toEqual(["c", "b", "a"]);
  });

  it("a personnel member's situation has no student answers: unknown on every student rule", () => {
    const staff: AllocationCandidate = {
      requestId: "p-1",
      situation: { personnel: { role: "teaching" }, mobility: MOBILITY },
      submittedAt: "2027-03-03T09:00:00Z",
      amountCents: 50_000,
    };
    const r = ranked(
      rank(
        [staff],
        ["crous-echelon", "quotient-familial", "fewer-opportunities", "first-mobility"],
      ),
    );
    expect(r.ranked[0]?.values.map((v) => v.value)).toEqual([null, null, null, null]);
  });
});

describe("rank: rules in order, then the tie-break", () => {
  it("compares on the second rule only among equals on the first", () => {
    const cohort = [
      candidate("e5-qf9000", { crous: { echelon: "5" }, household: { quotientFamilial: 900_000 } }),
      candidate("e4-qf100", { crous: { echelon: "4" }, household: { quotientFamilial: 10_000 } }),
      candidate("e5-qf8400", { crous: { echelon: "5" }, household: { quotientFamilial: 840_000 } }),
    ];
    expect(order(cohort, ["crous-echelon", "quotient-familial"])).toEqual([
      "e5-qf8400",
      "e5-qf9000",
      "e4-qf100",
    ]);
    expect(order(cohort, ["quotient-familial", "crous-echelon"])).toEqual([
      "e4-qf100",
      "e5-qf8400",
      "e5-qf9000",
    ]);
  });

  it("equal on every rule: the earlier submission, then the request id (code-unit order)", () => {
    const same = { crous: { echelon: "5" as const } };
    const cohort = [
      candidate("r-b", same, "2027-03-03T09:00:00Z"),
      candidate("r-a", same, "2027-03-03T09:00:00Z"),
      candidate("r-c", same, "2027-03-02T09:00:00Z"),
      candidate("R-z", same, "2027-03-03T09:00:00Z"),
    ];
    expect(order(cohort, ["crous-echelon"])).toEqual(["r-c", "R-z", "r-a", "r-b"]);
  });

  it("two unknown quotients are equal, and the tie-break decides", () => {
    const cohort = [
      candidate("late", undefined, "2027-03-04T09:00:00Z"),
      candidate("early", undefined, "2027-03-02T09:00:00Z"),
    ];
    expect(order(cohort, ["quotient-familial"])).toEqual(["early", "late"]);
  });

  it("gives ranks 1..n, each candidate with its rule values, in rank order", () => {
    const r = ranked(
      rank(
        [
          candidate("b", { crous: { echelon: "2" } }, "2027-03-03T09:00:00Z", 120_000),
          candidate("a", { crous: { echelon: "6" } }, "2027-03-04T09:00:00Z", 90_000),
        ],
        ["crous-echelon", "submitted-at"],
      ),
    );
    expect(r.rules).toEqual(["crous-echelon", "submitted-at"]);
    expect(r.ranked).toEqual([
      {
        requestId: "a",
        rank: 1,
        submittedAt: "2027-03-04T09:00:00Z",
        amountCents: 90_000,
        values: [
          { rule: "crous-echelon", value: "6" },
          { rule: "submitted-at", value: "2027-03-04T09:00:00Z" },
        ],
      },
      {
        requestId: "b",
        rank: 2,
        submittedAt: "2027-03-03T09:00:00Z",
        amountCents: 120_000,
        values: [
          { rule: "crous-echelon", value: "2" },
          { rule: "submitted-at", value: "2027-03-03T09:00:00Z" },
        ],
      },
    ]);
  });

  it("no candidate: an empty ranking", () => {
    expect(ranked(rank([], ["crous-echelon"])).ranked).toEqual([]);
  });
});

describe("rank: candidates it cannot take", () => {
  it.each([
    ["a request id twice", [candidate("r-1", undefined), candidate("r-1", undefined)], "requestId"],
    ["an instant it cannot read", [candidate("r-1", undefined, "soon")], "submittedAt"],
    [
      "an amount in fractions of a cent",
      [candidate("r-1", undefined, undefined, 10.5)],
      "amountCents",
    ],
    ["a negative amount", [candidate("r-1", undefined, undefined, -1)], "amountCents"],
  ])("refuses %s, naming the request and the field", (_, cohort, field) => {
    const r = rank(cohort, ["crous-echelon"]);
    if (Result.isSuccess(r)) throw new Error("expected CandidateInvalid");
    expect(r.failure._tag).toBe("CandidateInvalid");
    expect(r.failure.requestId).toBe("r-1");
    expect(r.failure.field).toBe(field);
  });
});
