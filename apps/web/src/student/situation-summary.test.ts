import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { personnelEn } from "../simulator/personnel/personnel.en.ts";
import { personnelFr } from "../simulator/personnel/personnel.fr.ts";
import { situationSummary } from "./situation-summary.ts";

const lookup = (tree: unknown, key: string): unknown =>
  key
    .split(".")
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);

describe("the summary of a situation", () => {
  it("lists a partner stay and the answers given, in the simulator's order", () => {
    const summary = situationSummary({
      mobility: {
        host: { partner: "tu-berlin" },
        start: "2027-01-18",
        end: "2027-04-30",
        kind: "study",
        framework: "inter-institution-agreement",
        greenTravel: false,
        costs: { transport: 12_000 },
      },
      student: {
        programme: { level: "engineering", year: 2 },
        crous: { boursier: true, echelon: "4" },
        household: { quotientFamilial: 900_000 },
        residenceRegion: "11",
        history: { erasmusDaysInCycle: 0 },
      },
    });
    expect(summary.stay).toEqual([
      { key: "partner", value: { kind: "partner", id: "tu-berlin" } },
      { key: "start", value: { kind: "date", iso: "2027-01-18" } },
      { key: "end", value: { kind: "date", iso: "2027-04-30" } },
      { key: "kind", value: { kind: "option", key: "fields.kind.study" } },
      {
        key: "framework",
        value: { kind: "option", key: "fields.framework.options.inter-institution-agreement" },
      },
      { key: "greenTravel", value: { kind: "yesNo", yes: false } },
      { key: "transport", value: { kind: "money", cents: 12_000 } },
    ]);
    expect(summary.student.map((r) => r.key)).toEqual([
      "level",
      "year",
      "region",
      "boursier",
      "echelon",
      "qf",
      "erasmusDays",
    ]);
  });

  it("lists a destination typed by hand, and nothing of a student who said nothing", () => {
    const summary = situationSummary({
      mobility: {
        host: { name: "Acme GmbH", country: "DE", city: " Berlin ", lat: 52.5, lon: 13.4 },
        start: "2027-05-10",
        end: "2027-06-30",
      },
    });
    expect(summary.stay.slice(0, 3)).toEqual([
      { key: "hostName", value: { kind: "text", text: "Acme GmbH" } },
      { key: "country", value: { kind: "country", code: "DE" } },
      { key: "city", value: { kind: "text", text: "Berlin" } },
    ]);
    expect(summary.student).toEqual([]);
  });

  it("names every option with a text that exists in both languages", () => {
    const summary = situationSummary({
      mobility: {
        host: { partner: "x" },
        start: "2027-01-01",
        end: "2027-02-01",
        kind: "internship",
        framework: "free-mover",
      },
      student: { programme: { level: "doctorate", mode: "apprenticeship" } },
    });
    const keys = [...summary.stay, ...summary.student].flatMap((r) =>
      r.value.kind === "option" ? [r.value.key] : [],
    );
    expect(keys).toHaveLength(4);
    for (const key of keys) {
      expect(typeof lookup(fr, key), key).toBe("string");
      expect(typeof lookup(en, key), key).toBe("string");
    }
  });

  it("lists a member of the personnel's answers, with who goes, and none of a student's", () => {
    const summary = situationSummary({
      personnel: { role: "teaching", activity: "teaching", teachingHours: 8 },
      mobility: { host: { partner: "tu-berlin" }, start: "2027-03-08", end: "2027-03-12" },
    });
    expect(summary.stay[0]).toEqual({
      key: "participant",
      value: { kind: "option", key: "fields.participant.personnel" },
    });
    expect(summary.student).toEqual([]);
    expect(summary.personnel.map((r) => [r.key, r.value])).toEqual([
      ["role", { kind: "option", key: "fields.role.options.teaching", ns: "personnel" }],
      ["teachingHours", { kind: "hours", hours: 8 }],
    ]);
    // the activity is the stay's, after its dates, as the simulator asks it in step 1
    expect(summary.stay.map((r) => r.key)).toEqual([
      "participant",
      "partner",
      "start",
      "end",
      "activity",
    ]);
    expect(summary.stay[4]?.value).toEqual({
      kind: "option",
      key: "fields.activity.options.teaching",
      ns: "personnel",
    });
    for (const row of [...summary.stay, ...summary.personnel]) {
      if (row.value.kind !== "option" || row.value.ns !== "personnel") continue;
      expect(typeof lookup(personnelFr, row.value.key), row.value.key).toBe("string");
      expect(typeof lookup(personnelEn, row.value.key), row.value.key).toBe("string");
    }
    // a student's summary says nothing of who goes: a situation is a student's by default
    const student = situationSummary({
      mobility: { host: { partner: "x" }, start: "2027-01-01", end: "2027-02-01" },
    });
    expect(student.stay.map((r) => r.key)).not.toContain("participant");
    expect(student.personnel).toEqual([]);
  });
});
