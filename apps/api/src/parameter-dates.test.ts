/**
 * Years and dates in paths and query strings keep to the range of every request date, as the
 * bodies' dates do (issue #10, item 8): the review found years 0000, 0001 and 9999 and
 * 30 February accepted with a 200 — a budget stored for 0000-0001 and listed first, the queue,
 * the budgets and the exports filtered on it, the schemes' figures "in force" in year 0, the
 * partner index asked for changes since year 0. Over real HTTP, each answer a 422 naming the
 * parameter; a real value still a 200.
 */
import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Listening, listen } from "./testing/listen.ts";
import { ANONYMOUS, type Caller, DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

/** Academic years with year 0, 1 or 9999 in them, one before the first and one that cannot be. */
const BAD_YEARS = ["0000-0001", "0001-0002", "9998-9999", "1998-1999", "2101-2102", "2027-2026"];
/** The first and the last academic year a date of the range falls in, and one in between. */
const GOOD_YEARS = ["1999-2000", "2026-2027", "2100-2101"];

/** Calendar dates of year 0, 1 and 9999, and one that does not exist. */
const BAD_DATES = ["0000-01-01", "0001-01-01", "9999-12-31", "2024-02-30", "1999-12-31"];
const BAD_MOMENTS = [
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2024-02-30T00:00:00Z",
  "2101-01-01T00:00:00+01:00",
];

const STAFF_YEAR_QUERIES = [
  "/api/staff/queue",
  "/api/staff/budgets",
  "/api/staff/exports/requests.csv",
  "/api/staff/exports/budgets.csv",
];

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "years and dates in paths and query strings over HTTP on %s",
  (_name, engine) => {
    let t: TestApp;
    let http: Listening;
    let staff: Caller;
    let berlin: Caller;

    const send = (caller: Caller, method: string, path: string, body?: unknown) =>
      fetch(`${http.url}${path}`, {
        method,
        headers: {
          ...caller.headers,
          ...(body !== undefined && { "content-type": "application/json" }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });

    /** A 422 in problem+json whose errors name `parameter`. */
    const expectRefused = async (r: Response, parameter: string) => {
      const text = await r.text();
      expect(r.status, text).toBe(422);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const errors = (JSON.parse(text) as { errors: { path: string }[] }).errors;
      expect(
        errors.map((e) => e.path),
        text,
      ).toContain(parameter);
    };

    const expectOk = async (r: Response) => {
      expect(r.status, await r.text()).toBe(200);
    };

    beforeAll(async () => {
      t = await openTestApp(engine);
      http = await listen(t.app);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      berlin = await t.partner("tu-berlin");
    });
    afterAll(async () => {
      await http?.close();
      await t?.dispose();
    });

    it.each(BAD_YEARS)("refuses to set an envelope for %s, and stores none", async (year) => {
      await expectRefused(
        await send(staff, "PUT", `/api/staff/budgets/idf/${year}`, { envelopeCents: 100 }),
        "academicYear",
      );
      const budgets = (await (await send(staff, "GET", "/api/staff/budgets")).json()) as {
        academicYear: string;
      }[];
      expect(budgets.map((b) => b.academicYear)).not.toContain(year);
    });

    it.each(GOOD_YEARS)("still sets an envelope for %s", async (year) => {
      await expectOk(
        await send(staff, "PUT", `/api/staff/budgets/idf/${year}`, { envelopeCents: 100 }),
      );
    });

    it.each(STAFF_YEAR_QUERIES.flatMap((path) => BAD_YEARS.map((year) => [path, year])))(
      "%s?academicYear=%s is refused",
      async (path, year) => {
        await expectRefused(
          await send(staff, "GET", `${path}?academicYear=${year}`),
          "academicYear",
        );
      },
    );

    it.each(STAFF_YEAR_QUERIES.flatMap((path) => GOOD_YEARS.map((year) => [path, year])))(
      "%s?academicYear=%s is still answered",
      async (path, year) => {
        await expectOk(await send(staff, "GET", `${path}?academicYear=${year}`));
      },
    );

    it.each(["/api/schemes", "/api/schemes/erasmus"].flatMap((p) => BAD_DATES.map((d) => [p, d])))(
      "%s?on=%s is refused",
      async (path, date) => {
        await expectRefused(await send(ANONYMOUS, "GET", `${path}?on=${date}`), "on");
      },
    );

    it.each(["/api/schemes", "/api/schemes/erasmus"])(
      "%s?on= a real date is still answered",
      async (path) => {
        await expectOk(await send(ANONYMOUS, "GET", `${path}?on=2027-02-01`));
        await expectOk(await send(ANONYMOUS, "GET", `${path}?on=2000-01-01`));
        await expectOk(await send(ANONYMOUS, "GET", `${path}?on=2100-12-31`));
      },
    );

    it.each(BAD_YEARS.map((y) => y.replace("-", "/")))(
      "the partner index for receiving_academic_year_id=%s is refused",
      async (year) => {
        await expectRefused(
          await send(
            berlin,
            "GET",
            `/api/partner/v1/omobilities?receiving_academic_year_id=${year}`,
          ),
          "receiving_academic_year_id",
        );
      },
    );

    it.each(BAD_MOMENTS)("the partner index modified_since=%s is refused", async (moment) => {
      await expectRefused(
        await send(
          berlin,
          "GET",
          `/api/partner/v1/omobilities?modified_since=${encodeURIComponent(moment)}`,
        ),
        "modified_since",
      );
    });

    it("the partner index still answers a real year and a real moment", async () => {
      const index = await send(
        berlin,
        "GET",
        `/api/partner/v1/omobilities?receiving_academic_year_id=2026/2027&modified_since=${encodeURIComponent("2026-01-01T00:00:00+01:00")}`,
      );
      const text = await index.text();
      expect(index.status, text).toBe(200);
      // the demo's mobility to TU Berlin is of 2026-2027 and changed since: the filters let it through
      const { omobilities } = JSON.parse(text) as { omobilities: unknown[] };
      expect(omobilities.length).toBeGreaterThan(0);
    });
  },
);
