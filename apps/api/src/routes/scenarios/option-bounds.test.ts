/**
 * Every money and duration option of every plugin has an upper bound (issue #15, F6): a what-if
 * or a save with a huge figure (the largest safe integer) is a 422 naming `options.<path>`,
 * before any line is streamed and before anything is stored, never a stream that ends in an
 * error line nor a registry built on an amount no sum can hold. At the bound, a what-if runs to
 * its summary.
 */
import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

const YEAR = "2026-2027";
const HUGE = Number.MAX_SAFE_INTEGER;

// biome-ignore lint/suspicious/noExplicitAny: a scheme's options as the API returns them
type Options = Record<string, any>;

/** A top-level option set to `value`. */
const top =
  (field: string, value: number) =>
  (_: Options): Options => ({ [field]: value });

/** A field of the first entry of a dated list (Erasmus+ rates, AMI periods) set to `value`. */
const first =
  (list: string, field: string, value: number) =>
  (current: Options): Options => ({
    [list]: (current[list] as Options[]).map((e, i) => (i === 0 ? { ...e, [field]: value } : e)),
  });

/** [scheme, the change from the options in force, the path the 422 names] */
const HUGE_OPTIONS: [string, (current: Options) => Options, string][] = [
  ["mic", top("monthlyRateCents", HUGE), "options.monthlyRateCents"],
  ["mic", top("fewerOpportunitiesTopUpCents", HUGE), "options.fewerOpportunitiesTopUpCents"],
  ["fitec", top("travelLumpSumCents", HUGE), "options.travelLumpSumCents"],
  ["fitec", top("semesterStipendCents", HUGE), "options.semesterStipendCents"],
  ["fitec", top("minDays", HUGE), "options.minDays"],
  ["fitec", top("oneSemesterMaxDays", HUGE), "options.oneSemesterMaxDays"],
  ["alumni", top("qfCeilingCents", HUGE), "options.qfCeilingCents"],
  ["alumni", top("capEuropeCents", HUGE), "options.capEuropeCents"],
  ["alumni", top("capOutsideEuropeCents", HUGE), "options.capOutsideEuropeCents"],
  ["idf", top("annualCapCents", HUGE), "options.annualCapCents"],
  ["idf", top("qfCeilingCents", HUGE), "options.qfCeilingCents"],
  ["erasmus", first("rates", "group1Cents", HUGE), "options.rates.0.group1Cents"],
  ["erasmus", first("rates", "group3Cents", HUGE), "options.rates.0.group3Cents"],
  ["erasmus", top("internshipTopUpCents", HUGE), "options.internshipTopUpCents"],
  ["erasmus", top("fewerOpportunitiesTopUpCents", HUGE), "options.fewerOpportunitiesTopUpCents"],
  ["erasmus-staff", top("group1DailyRateCents", HUGE), "options.group1DailyRateCents"],
  ["erasmus-staff", top("group2DailyRateCents", HUGE), "options.group2DailyRateCents"],
  ["erasmus-staff", top("group3DailyRateCents", HUGE), "options.group3DailyRateCents"],
  ["mic-staff", top("dailyRateCents", HUGE), "options.dailyRateCents"],
  // the AMI is disabled in the configuration, so the API does not offer it: its bounds are
  // tested in plugins/ami
];

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "options' upper bounds on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    const current = async (scheme: string) =>
      json(await t.call(staff, "GET", `/api/staff/schemes/${scheme}/options`));
    const paths = async (r: Response): Promise<string[]> =>
      (await json(r)).errors.map((e: { path: string }) => e.path);

    it("refuses a huge figure in a what-if with a 422 naming the option, before any line", async () => {
      for (const [scheme, change, path] of HUGE_OPTIONS) {
        const options = change((await current(scheme)).options);
        const r = await t.call(
          staff,
          "POST",
          "/api/staff/scenarios",
          { scheme, academicYear: YEAR, options },
          { "accept-language": "en" },
        );
        expect(r.status, path).toBe(422);
        expect(r.headers.get("content-type"), path).toContain("application/problem+json");
        expect(await paths(r), `${scheme} ${path}`).toContain(path);
      }
    });

    it("refuses to save a huge figure from a date, and stores nothing", async () => {
      for (const [scheme, change, path] of HUGE_OPTIONS) {
        const options = change((await current(scheme)).options);
        const r = await t.call(
          staff,
          "POST",
          `/api/staff/schemes/${scheme}/options`,
          { since: "2027-09-01", options, reason: "Essai" },
          { "accept-language": "en" },
        );
        expect(r.status, `${scheme} ${path}`).toBe(422);
        expect(await paths(r), `${scheme} ${path}`).toContain(path);
        expect((await current(scheme)).periods, scheme).toEqual([]);
      }
    });

    it("publishes each bound in the options' JSON Schema, refuses one cent above it and runs a what-if at it", async () => {
      const mic = await current("mic");
      const bound = mic.schema.properties.monthlyRateCents.maximum as number;
      expect(bound).toBeGreaterThanOrEqual(mic.options.monthlyRateCents);
      const scenario = (options: object) =>
        t.call(staff, "POST", "/api/staff/scenarios", {
          scheme: "mic",
          academicYear: YEAR,
          options,
        });
      const above = await scenario({ monthlyRateCents: bound + 1 });
      expect(above.status).toBe(422);
      expect(await paths(above)).toContain("options.monthlyRateCents");
      const at = await scenario({ monthlyRateCents: bound });
      expect(at.status).toBe(200);
      const lines = (await at.text())
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.type)).not.toContain("error");
      expect(lines.at(-1)?.type).toBe("result");
      // every plugin's figures in cents or days say their ceiling to the planner
      for (const [scheme, field] of [
        ["fitec", "semesterStipendCents"],
        ["fitec", "oneSemesterMaxDays"],
        ["alumni", "capOutsideEuropeCents"],
        ["idf", "annualCapCents"],
        ["erasmus-staff", "group1DailyRateCents"],
        ["mic-staff", "dailyRateCents"],
      ] as const) {
        const o = await current(scheme);
        expect(o.schema.properties[field].maximum, `${scheme}.${field}`).toBeGreaterThanOrEqual(
          o.options[field],
        );
      }
    });
  },
);
