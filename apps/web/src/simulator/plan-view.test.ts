import type { SchemeResult, SimulationReport } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { announcementOf, planView } from "./plan-view.ts";

const scheme = (id: string, over: Partial<SchemeResult> = {}): SchemeResult => ({
  scheme: id,
  name: id.toUpperCase(),
  verdict: "incomplete",
  criteria: [],
  missing: [],
  estimate: null,
  upToCents: null,
  documents: [],
  ...over,
});

const report = (schemes: SchemeResult[], plan: SimulationReport["plan"]): SimulationReport => ({
  academicYear: "2026-2027",
  fundedDays: 150,
  distanceKm: 890,
  schemes,
  plan,
});

describe("planView", () => {
  it("shows the best combination at its most when nothing is acquired yet, with the questions that would settle each", () => {
    const view = planView(
      report(
        [
          scheme("erasmus", { missing: ["student.programme.level"], upToCents: 312_700 }),
          scheme("idf", { missing: ["student.household.quotientFamilial"], upToCents: 225_000 }),
        ],
        {
          items: [],
          totalCents: 0,
          excluded: [],
          upTo: {
            items: [
              { scheme: "erasmus", amountCents: 312_700, pending: true },
              { scheme: "idf", amountCents: 225_000, pending: true },
            ],
            totalCents: 537_700,
          },
        },
      ),
    );
    expect(view.certain).toEqual([]);
    expect(view.pending).toEqual([
      {
        scheme: "erasmus",
        name: "ERASMUS",
        upToCents: 312_700,
        missing: ["student.programme.level"],
      },
      {
        scheme: "idf",
        name: "IDF",
        upToCents: 225_000,
        missing: ["student.household.quotientFamilial"],
      },
    ]);
    expect(view.upToCents).toBe(537_700);
  });

  it("keeps what is acquired apart from what is still open", () => {
    const view = planView(
      report([scheme("idf", { verdict: "eligible" }), scheme("ami", { upToCents: 200_000 })], {
        items: [{ scheme: "idf", amountCents: 225_000 }],
        totalCents: 225_000,
        excluded: [],
        upTo: {
          items: [
            { scheme: "ami", amountCents: 200_000, pending: true },
            { scheme: "idf", amountCents: 225_000, pending: false },
          ],
          totalCents: 425_000,
        },
      }),
    );
    expect(view.certain).toEqual([{ scheme: "idf", name: "IDF", amountCents: 225_000 }]);
    expect(view.certainCents).toBe(225_000);
    expect(view.pending.map((p) => p.scheme)).toEqual(["ami"]);
    expect(view.upToCents).toBe(425_000);
  });

  it("has no upper total when the open questions could add nothing", () => {
    const view = planView(
      report([scheme("idf", { verdict: "eligible" })], {
        items: [{ scheme: "idf", amountCents: 225_000 }],
        totalCents: 225_000,
        excluded: [],
        upTo: null,
      }),
    );
    expect(view.pending).toEqual([]);
    expect(view.upToCents).toBeNull();
  });
});

describe("announcementOf", () => {
  const incomplete = scheme("erasmus-staff", { missing: ["personnel.teachingHours"] });
  const ineligible = scheme("erasmus", { verdict: "ineligible" });

  it("says the most the open questions could lead to, and counts the grants waiting for answers as possible", () => {
    const open = report([incomplete, ineligible], {
      items: [],
      totalCents: 0,
      excluded: [],
      upTo: {
        items: [{ scheme: "erasmus-staff", amountCents: 239_700, pending: true }],
        totalCents: 239_700,
      },
    });
    expect(announcementOf(open, [incomplete, ineligible])).toEqual({
      totalCents: 239_700,
      upTo: true,
      possible: 1,
    });
  });

  it("says what is acquired once nothing is left open", () => {
    const eligible = scheme("erasmus-staff", { verdict: "eligible" });
    const settled = report([eligible], {
      items: [{ scheme: "erasmus-staff", amountCents: 156_900 }],
      totalCents: 156_900,
      excluded: [],
      upTo: null,
    });
    expect(announcementOf(settled, [eligible])).toEqual({
      totalCents: 156_900,
      upTo: false,
      possible: 1,
    });
  });
});
