import { Applications } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

// the demo's IDF envelope of 2026-2027 is 150 000 €; the stays below are of that year
const YEAR = "2026-2027";
const STAY = { start: "2027-02-01", end: "2027-06-30" } as const;

/** The NDJSON lines of a scenario's answer. */
// biome-ignore lint/suspicious/noExplicitAny: the lines are JSON
const lines = async (r: Response): Promise<any[]> =>
  (await r.text())
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l));

describe.each(testEngines().map((e) => [e.name, e] as const))("what-if on %s", (_name, engine) => {
  let t: TestApp;
  let staff: Caller;
  beforeAll(async () => {
    t = await openTestApp(engine);
    staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
  });
  afterAll(async () => t?.dispose());

  const decide = (request: string, decision: object) =>
    t.call(staff, "POST", `/api/staff/requests/${request}/decision`, decision);

  /** A new student's IDF request for the semester, submitted (and approved when asked). */
  const idfRequest = async (email: string, approve = false) => {
    const me = await t.newStudent(email);
    const app = await t.runtime.runPromise(
      Applications.use((a) =>
        a.create({
          studentId: me.userId ?? "",
          situation: semesterAt({ ...STAY, echelon: "4", residenceRegion: "11" }),
          schemes: ["idf"],
        }),
      ),
    );
    const request = app.requests[0]?.id ?? "";
    const submitted = await t.call(
      me,
      "POST",
      `/api/applications/${app.id}/requests/${request}/submit`,
    );
    expect(submitted.status).toBe(200);
    if (!approve) return { request, approvedCents: null };
    expect((await decide(request, { action: "start-review" })).status).toBe(200);
    const approved = await json(await decide(request, { action: "approve" }));
    return { request, approvedCents: approved.approvedCents as number };
  };

  const scenario = (body: object, headers: Record<string, string> = {}) =>
    t.call(staff, "POST", "/api/staff/scenarios", body, headers);

  it("reads a scheme's options with their JSON Schema, so the planner can offer the numbers", async () => {
    const r = await t.call(staff, "GET", "/api/staff/schemes/idf/options");
    expect(r.status).toBe(200);
    const body = await json(r);
    expect(body).toMatchObject({ scheme: "idf", periods: [] });
    expect(body.options.monthlyRateCents).toBe(45_000);
    expect(body.configuredOptions).toEqual(body.options);
    expect(body.firstPeriod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.schema.properties.monthlyRateCents).toMatchObject({
      type: "integer",
      maximum: 45_000,
    });
    expect(body.schema.properties.maxFundedDays.type).toBe("integer");
    const unknown = await t.call(staff, "GET", "/api/staff/schemes/nope/options");
    expect(unknown.status).toBe(422);
    expect((await json(unknown)).errors[0].path).toBe("scheme");
  });

  it("streams a what-if over the year's requests: progress, then each changed amount and who is funded", async () => {
    const a = await idfRequest("whatif.a@example.org");
    const b = await idfRequest("whatif.b@example.org");
    const r = await scenario({
      scheme: "idf",
      academicYear: YEAR,
      options: { monthlyRateCents: 40_000 },
      envelopeCents: 225_000,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/x-ndjson");
    const out = await lines(r);
    const first = out[0];
    expect(first).toMatchObject({ type: "progress", done: 0 });
    expect(out.at(-2)).toMatchObject({ type: "progress", done: first.total, total: first.total });
    const result = out.at(-1);
    expect(result.type).toBe("result");
    expect(result.summary.requests).toBe(first.total);
    expect(result.summary.rules).toEqual(["submitted-at"]);
    // 5 months at 450 € then 400 € a month
    const rowOf = (id: string) =>
      result.rows.find((x: { requestId: string }) => x.requestId === id);
    expect(rowOf(a.request)).toMatchObject({ baseCents: 225_000, scenarioCents: 200_000 });
    expect(rowOf(b.request)).toMatchObject({ baseCents: 225_000, scenarioCents: 200_000 });
    expect(result.summary.scenario.envelopeCents).toBe(225_000);
    expect(result.summary.base.envelopeCents).toBe(15_000_000);
    expect(result.summary.scenario.fundedCents).toBeLessThanOrEqual(225_000);
    // a 2 250 € envelope (less what decisions hold) funds at most one of the two at 2 000 €
    expect(result.summary.scenario.funded - result.summary.decided).toBeLessThanOrEqual(1);
    expect(result.summary.leaving).toBeGreaterThanOrEqual(1);
    expect(result.rowsOmitted).toBe(0);
  });

  it("ranks as the call's allocation does when the scenario names no rules of its own", async () => {
    await idfRequest("whatif.rules@example.org");
    const proposed = await t.call(staff, "PUT", `/api/staff/calls/idf/${YEAR}/allocation`, {
      rules: ["crous-echelon", "quotient-familial"],
    });
    expect(proposed.status).toBe(200);
    const run = async (body: object) =>
      (
        await lines(
          await scenario({
            scheme: "idf",
            academicYear: YEAR,
            options: { monthlyRateCents: 40_000 },
            ...body,
          }),
        )
      ).at(-1);
    expect((await run({})).summary.rules).toEqual(["crous-echelon", "quotient-familial"]);
    // rules given win over the call's
    expect((await run({ rules: ["first-mobility"] })).summary.rules).toEqual(["first-mobility"]);
  });

  it("says what is wrong with an option in the reader's language", async () => {
    const body = { scheme: "idf", academicYear: YEAR, options: { monthlyRateCents: 60_000 } };
    const fr = (await json(await scenario(body, { "accept-language": "fr" }))).errors[0];
    const en = (await json(await scenario(body, { "accept-language": "en" }))).errors[0];
    expect(fr.path).toBe("options.monthlyRateCents");
    expect(fr.message).toMatch(/^doit être/);
    expect(en.message).toMatch(/^must be/);
    const misspelt = await scenario({ ...body, options: { monthlyRate: 40_000 } });
    expect((await json(misspelt)).errors[0].path).toBe("options");
  });

  it("names each wrong field in a 422, before any line is streamed", async () => {
    const cases: [object, string][] = [
      [{ scheme: "nope", academicYear: YEAR }, "scheme"],
      [
        { scheme: "idf", academicYear: YEAR, options: { monthlyRateCents: 60_000 } },
        "options.monthlyRateCents",
      ],
      [{ scheme: "idf", academicYear: YEAR, since: "2001-01-01" }, "since"],
      [{ scheme: "idf", academicYear: "2040-2041" }, "envelopeCents"],
      [{ scheme: "idf", academicYear: YEAR, rules: ["height"] }, "rules.0"],
    ];
    for (const [body, path] of cases) {
      const r = await scenario(body, { "accept-language": "en" });
      expect(r.status, path).toBe(422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      expect((await json(r)).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it("saves a scenario as the options from a date: new stays get them, decisions taken keep their figures", async () => {
    const decided = await idfRequest("whatif.approved@example.org", true);
    expect(decided.approvedCents).toBe(225_000);
    const save = (body: object) =>
      t.call(staff, "POST", "/api/staff/schemes/idf/options", body, { "accept-language": "en" });

    const refused: [object, string][] = [
      [{ since: "2027-01-01", options: { monthlyRateCents: 40_000 }, reason: "  " }, "reason"],
      [{ since: "2001-01-01", options: { monthlyRateCents: 40_000 }, reason: "Vote" }, "since"],
      [
        { since: "2027-01-01", options: { monthlyRateCents: 1 }, reason: "Vote" },
        "options.monthlyRateCents",
      ],
      [{ since: "2027-02-30", options: {}, reason: "Vote" }, "since"],
    ];
    for (const [body, path] of refused) {
      const r = await save(body);
      expect(r.status, path).toBe(422);
      expect((await json(r)).errors.map((e: { path: string }) => e.path)).toContain(path);
    }

    const r = await save({
      since: "2027-01-01",
      options: { monthlyRateCents: 40_000 },
      reason: "Conseil d'administration du 12 mars",
    });
    expect(r.status).toBe(200);
    const saved = await json(r);
    expect(saved.options.monthlyRateCents).toBe(40_000);
    expect(saved.configuredOptions.monthlyRateCents).toBe(45_000);
    expect(saved.periods).toEqual([
      expect.objectContaining({
        since: "2027-01-01",
        reason: "Conseil d'administration du 12 mars",
        savedBy: staff.userId,
      }),
    ]);
    expect(saved.periods[0].options.monthlyRateCents).toBe(40_000);

    // audited: who, why, before and after
    const trail = await json(await t.call(staff, "GET", "/api/staff/audit/scheme/idf"));
    expect(trail.at(-1)).toMatchObject({
      action: "set-scheme-options",
      reason: "Conseil d'administration du 12 mars",
      actor: { kind: "staff", id: staff.userId },
    });
    expect(trail.at(-1).before.options.monthlyRateCents).toBe(45_000);
    expect(trail.at(-1).after.options.monthlyRateCents).toBe(40_000);

    // a new stay from that date is priced with the new rate; one before keeps the old
    const simulate = async (start: string, end: string) => {
      const report = await json(
        await t.call(staff, "POST", "/api/simulations", {
          ...semesterAt({ start, end, echelon: "4", residenceRegion: "11" }),
        }),
      );
      return report.schemes.find((s: { scheme: string }) => s.scheme === "idf").estimate.totalCents;
    };
    expect(await simulate(STAY.start, STAY.end)).toBe(200_000);
    expect(await simulate("2026-09-01", "2027-01-31")).toBe(225_000);

    // the approved grant keeps its amount, and its recalculation uses the options of its approval
    const detail = await json(
      await t.call(staff, "GET", `/api/staff/requests/${decided.request}/ledger`),
    );
    expect(
      detail.map((l: { kind: string; amountCents: number }) => [l.kind, l.amountCents]),
    ).toEqual([["commitment", 225_000]]);
    const recalculated = await t.call(
      staff,
      "POST",
      `/api/staff/requests/${decided.request}/recalculation`,
      {
        actualStart: STAY.start,
        actualEnd: STAY.end,
      },
    );
    expect(recalculated.status).toBe(200);
    expect(await json(recalculated)).toMatchObject({ approvedCents: 225_000, differenceCents: 0 });

    // a new approval of a stay from that date stores and grants the new figures
    const after = await idfRequest("whatif.after@example.org", true);
    expect(after.approvedCents).toBe(200_000);
  });

  it("previews what saving would make: the stored periods kept, an envelope alone changes no amount", async () => {
    const saved = await t.call(staff, "POST", "/api/staff/schemes/idf/options", {
      since: "2027-01-01",
      options: { monthlyRateCents: 40_000 },
      reason: "Vote du conseil",
    });
    expect(saved.status).toBe(200);
    const { request } = await idfRequest("whatif.periods@example.org");
    const resultOf = async (body: object) =>
      (await lines(await scenario({ scheme: "idf", academicYear: YEAR, ...body }))).at(-1);
    // no options: the scenario is today's rules, with another envelope
    const envelopeOnly = await resultOf({ envelopeCents: 10_000_000 });
    expect(envelopeOnly.summary.amountChanged).toBe(0);
    // a change from before the stored period stops where that period starts, as a save would
    const earlier = await resultOf({ since: "2026-09-01", options: { monthlyRateCents: 30_000 } });
    const row = earlier.rows.find((r: { requestId: string }) => r.requestId === request);
    expect(row).toBeUndefined();
    // and one from the stored period's own date replaces it
    const same = await resultOf({ since: "2027-01-01", options: { monthlyRateCents: 30_000 } });
    expect(same.rows.find((r: { requestId: string }) => r.requestId === request)).toMatchObject({
      baseCents: 200_000,
      scenarioCents: 150_000,
    });
  });
});
