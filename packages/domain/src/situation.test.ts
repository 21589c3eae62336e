import { describe, expect, it } from "vitest";
import { WORKED_EXAMPLE_1 } from "./reference/worked-example.ts";
import {
  CostsSchema,
  InlineHostSchema,
  isPartnerHost,
  participantOf,
  SituationSchema,
} from "./situation.ts";

/** The request of ARCHITECTURE §4.1, verbatim. */
const EXAMPLE = WORKED_EXAMPLE_1;

const MINIMAL = {
  mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
};

const issuesOf = (input: unknown) => {
  const r = SituationSchema.safeParse(input);
  if (r.success) throw new Error("expected the situation to be rejected");
  return r.error.issues;
};

const withMobility = (mobility: object) => ({ mobility: { ...MINIMAL.mobility, ...mobility } });

describe("SituationSchema", () => {
  it("accepts the §4.1 example unchanged", () => {
    expect(SituationSchema.parse(EXAMPLE)).toEqual(EXAMPLE);
  });

  it("accepts a situation with only the dates and a destination", () => {
    const s = SituationSchema.parse(MINIMAL);
    expect(s.student).toBeUndefined();
    expect(isPartnerHost(s.mobility.host)).toBe(true);
  });

  it("accepts a stay of one day", () => {
    expect(SituationSchema.safeParse(withMobility({ end: "2027-02-01" })).success).toBe(true);
  });

  it("accepts an inline host, with or without coordinates", () => {
    const host = {
      name: "Universidad de Chile",
      country: "CL",
      city: "Santiago",
      lat: -33.4489,
      lon: -70.6693,
    };
    const s = SituationSchema.parse(withMobility({ host }));
    expect(s.mobility.host).toEqual(host);
    expect(isPartnerHost(s.mobility.host)).toBe(false);
    expect(SituationSchema.safeParse(withMobility({ host: { country: "JP" } })).success).toBe(true);
  });

  it.each([
    [{ ...EXAMPLE, extra: 1 }, [], "extra"],
    [{ ...EXAMPLE, mobility: { ...EXAMPLE.mobility, hots: {} } }, ["mobility"], "hots"],
    [
      { ...EXAMPLE, student: { ...EXAMPLE.student, programme: { level: "master", levl: "x" } } },
      ["student", "programme"],
      "levl",
    ],
    [
      { ...EXAMPLE, mobility: { ...EXAMPLE.mobility, costs: { rent: 1000 } } },
      ["mobility", "costs"],
      "rent",
    ],
  ])("rejects an unknown field %#, naming where it is and what it is", (input, path, key) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "unrecognized_keys", path, keys: [key] });
  });

  it("rejects a stay that ends before it starts, on mobility.end", () => {
    const issues = issuesOf(withMobility({ start: "2027-06-30", end: "2027-02-01" }));
    expect(issues).toEqual([
      expect.objectContaining({
        path: ["mobility", "end"],
        message: "the stay must end on or after its start date",
      }),
    ]);
  });

  it.each([
    [withMobility({ start: "2027-02-30" }), ["mobility", "start"]],
    [withMobility({ end: "2027-6-30" }), ["mobility", "end"]],
    [withMobility({ end: "30/06/2027" }), ["mobility", "end"]],
    [{ ...MINIMAL, asOf: "2026-13-01" }, ["asOf"]],
  ])("rejects a date that is not a calendar date (%#)", (input, path) => {
    const issues = issuesOf(input);
    expect(issues).toEqual([
      expect.objectContaining({ path, message: "must be a calendar date written YYYY-MM-DD" }),
    ]);
  });

  it.each([
    ["0000-01-01", "0000-12-31"],
    ["0001-01-01", "9999-12-31"],
    ["1999-12-31", "2027-06-30"],
    ["2027-02-01", "2101-01-01"],
  ])("rejects a stay from %s to %s outside 2000-2100, naming the date", (start, end) => {
    const issues = issuesOf(withMobility({ start, end }));
    const outside = [start, end].flatMap((d, i) =>
      d < "2000-01-01" || d > "2100-12-31" ? [["mobility", i === 0 ? "start" : "end"]] : [],
    );
    expect(issues).toEqual(
      outside.map((path) =>
        expect.objectContaining({ path, message: "must be a date from 2000-01-01 to 2100-12-31" }),
      ),
    );
  });

  it("accepts the first and last days of the range", () => {
    expect(
      SituationSchema.safeParse(withMobility({ start: "2000-01-01", end: "2100-12-31" })).success,
    ).toBe(true);
  });

  it.each([
    ["name", "x".repeat(201)],
    ["city", "x".repeat(201)],
  ])("rejects an inline host's %s longer than 200 characters", (field, value) => {
    const issues = issuesOf(withMobility({ host: { country: "DE", [field]: value } }));
    expect(issues).toEqual([
      expect.objectContaining({ path: ["mobility", "host", field], code: "too_big" }),
    ]);
  });

  it("rejects a partner id longer than 64 characters", () => {
    const issues = issuesOf(withMobility({ host: { partner: "x".repeat(65) } }));
    expect(issues).toEqual([
      expect.objectContaining({ path: ["mobility", "host", "partner"], code: "too_big" }),
    ]);
  });

  it("requires the dates and a destination", () => {
    const issues = issuesOf({ mobility: {} });
    expect(issues.map((i) => i.path.join("."))).toEqual([
      "mobility.host",
      "mobility.start",
      "mobility.end",
    ]);
    expect(issuesOf({}).map((i) => i.path)).toEqual([["mobility"]]);
  });

  it.each(["XX", "de", "DEU", "", "FX"])("rejects the country code %j", (country) => {
    const issues = issuesOf(withMobility({ host: { country } }));
    expect(issues).toEqual([
      expect.objectContaining({
        path: ["mobility", "host", "country"],
        message: "must be an ISO 3166-1 alpha-2 country code such as DE",
      }),
    ]);
  });

  it("rejects a host that is both a partner and an inline destination", () => {
    const issues = issuesOf(withMobility({ host: { partner: "tu-berlin", country: "DE" } }));
    expect(issues).toEqual([
      expect.objectContaining({ code: "invalid_union", path: ["mobility", "host"] }),
    ]);
  });

  it.each([
    [{ student: { crous: { echelon: "8" } } }, ["student", "crous", "echelon"]],
    [{ student: { programme: { level: "phd" } } }, ["student", "programme", "level"]],
    [{ student: { programme: { year: 0 } } }, ["student", "programme", "year"]],
    [{ student: { residenceRegion: "IDF" } }, ["student", "residenceRegion"]],
    [
      { student: { household: { quotientFamilial: 12000.5 } } },
      ["student", "household", "quotientFamilial"],
    ],
    [
      { student: { history: { erasmusDaysInCycle: -1 } } },
      ["student", "history", "erasmusDaysInCycle"],
    ],
  ])("rejects a bad student fact %#, naming its path", (input, path) => {
    const issues = issuesOf({ ...MINIMAL, ...input });
    expect(issues.map((i) => i.path)).toEqual([path]);
  });

  it.each([
    [{ kind: "exchange" }, ["mobility", "kind"]],
    [{ framework: "erasmus" }, ["mobility", "framework"]],
    [{ costs: { transport: -1 } }, ["mobility", "costs", "transport"]],
    [{ host: { country: "DE", lat: 91 } }, ["mobility", "host", "lat"]],
  ])("rejects a bad mobility fact %#, naming its path", (mobility, path) => {
    expect(issuesOf(withMobility(mobility)).map((i) => i.path)).toEqual([path]);
  });
});

describe("the parts of the situation", () => {
  it("CostsSchema takes whole cents only", () => {
    expect(CostsSchema.safeParse({ transport: 30000 }).success).toBe(true);
    expect(CostsSchema.safeParse({ transport: 300.5 }).success).toBe(false);
  });

  it("InlineHostSchema needs a country", () => {
    expect(InlineHostSchema.safeParse({ city: "Berlin" }).success).toBe(false);
  });
});

describe("SituationSchema: a member of the personnel (rulebook §10)", () => {
  const TEACHING = {
    personnel: { role: "teaching", activity: "teaching", teachingHours: 8 },
    mobility: MINIMAL.mobility,
  };

  it("accepts a personnel member's teaching stay, and reads it as theirs", () => {
    const s = SituationSchema.parse(TEACHING);
    expect(s.personnel?.role).toBe("teaching");
    expect(participantOf(s)).toBe("personnel");
  });

  it("reads a situation without personnel as a student's, as before", () => {
    expect(participantOf(SituationSchema.parse(MINIMAL))).toBe("student");
    expect(participantOf(SituationSchema.parse(EXAMPLE))).toBe("student");
  });

  it("refuses a situation that is both a student's and a personnel member's, naming personnel", () => {
    const issues = issuesOf({ ...TEACHING, student: { crous: { boursier: true } } });
    expect(issues.map((i) => i.path.join("."))).toEqual(["personnel"]);
    expect(issues[0]?.message).toMatch(/a student's or a personnel member's/);
  });

  it("keeps the activity and the hours with the personnel member, not in the stay", () => {
    const issues = issuesOf(withMobility({ activity: "training", teachingHours: 4 }));
    expect(issues).toMatchObject([
      { code: "unrecognized_keys", keys: ["activity", "teachingHours"], path: ["mobility"] },
    ]);
  });

  it("refuses negative or unbounded teaching hours and an unknown activity or role", () => {
    const paths = (input: unknown) => issuesOf(input).map((i) => i.path.join("."));
    expect(paths({ ...TEACHING, personnel: { ...TEACHING.personnel, teachingHours: -1 } })).toEqual(
      ["personnel.teachingHours"],
    );
    expect(
      paths({ ...TEACHING, personnel: { ...TEACHING.personnel, teachingHours: 481 } }),
    ).toEqual(["personnel.teachingHours"]);
    expect(
      paths({ ...TEACHING, personnel: { ...TEACHING.personnel, activity: "conference" } }),
    ).toEqual(["personnel.activity"]);
    expect(paths({ ...TEACHING, personnel: { role: "dean" } })).toEqual(["personnel.role"]);
  });
});
