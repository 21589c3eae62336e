import { Database, schema } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import type { CrousEchelon } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

/** Reads the French-Excel CSV back: `;` cells, CRLF rows, the BOM off (no quoted cell here). */
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((l) => l !== "")
    .map((l) => l.split(";"));

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "call allocations on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    const base = (year: string, scheme = "erasmus") =>
      `/api/staff/calls/${scheme}/${year}/allocation`;
    let n = 0;
    /** A new student's submitted Erasmus+ request in the year that starts in `start`'s autumn. */
    const submitted = async (startYear: number, echelon: CrousEchelon) => {
      n += 1;
      const email = `alloc-${n}@example.org`;
      const me = await t.newStudent(email);
      const created = await json(
        await t.call(me, "POST", "/api/applications", {
          situation: semesterAt({
            start: `${startYear + 1}-02-01`,
            end: `${startYear + 1}-06-30`,
            echelon,
          }),
          schemes: ["erasmus"],
        }),
      );
      const request = created.requests[0];
      const r = await t.call(
        me,
        "POST",
        `/api/applications/${created.id}/requests/${request.id}/submit`,
      );
      expect(r.status).toBe(200);
      return {
        me,
        email,
        applicationId: created.id as string,
        requestId: request.id as string,
        cents: request.estimatedCents as number,
      };
    };
    const envelope = (year: string, cents: number) =>
      t.call(staff, "PUT", `/api/staff/budgets/erasmus/${year}`, { envelopeCents: cents });

    it("proposes, reads (JSON and CSV, the same figures), applies once, and each student reads only their own standing", async () => {
      const year = "2028-2029";
      const a = await submitted(2028, "5");
      const b = await submitted(2028, "3");
      const c = await submitted(2028, "1");
      expect((await envelope(year, 2 * a.cents)).status).toBe(200);
      expect((await t.call(staff, "GET", base(year))).status).toBe(404);

      const put = await t.call(
        staff,
        "PUT",
        base(year),
        {
          rules: ["crous-echelon", "quotient-familial"],
          moves: [{ requestId: c.requestId, to: "waitlist", reason: "Avis confidentiel du jury" }],
        },
        { "accept-language": "fr" },
      );
      expect(put.status).toBe(200);
      const proposal = await json(put);
      expect(proposal).toMatchObject({
        scheme: "erasmus",
        academicYear: year,
        status: "proposed",
        version: 1,
        rules: ["crous-echelon", "quotient-familial"],
        envelopeCents: 2 * a.cents,
        allocatedCents: a.cents + b.cents,
        remainingCents: 2 * a.cents - a.cents - b.cents,
        lastFundedRank: 2,
        appliedAt: null,
      });
      expect(
        proposal.rows.map((r: Record<string, unknown>) => [
          r.requestId,
          r.rank,
          r.total,
          r.funded,
          r.waitlistPosition,
          r.byHand,
        ]),
      ).toEqual([
        [a.requestId, 1, 3, true, null, false],
        [b.requestId, 2, 3, true, null, false],
        [c.requestId, 3, 3, false, 1, true],
      ]);
      expect(proposal.rows[2].reason).toBe("Avis confidentiel du jury");
      expect(proposal.rows[0].explanation).toMatch(
        /^1er sur 3\u00a0: échelon 5, quotient familial/,
      );
      expect(proposal.rows[0].values[0]).toEqual({ rule: "crous-echelon", value: "5" });
      expect(proposal.rows[0].applicantName).toBe(`alloc-${n - 2}`);

      const read = await json(
        await t.call(staff, "GET", base(year), undefined, { "accept-language": "en" }),
      );
      expect(read.rows[0].explanation).toMatch(/^1st of 3: CROUS échelon 5, family quotient/);

      // the CSV says what the JSON says, in the reader's language
      const csv = await t.call(staff, "GET", `${base(year)}.csv`, undefined, {
        "accept-language": "en",
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const [header, ...rows] = csvRows(await csv.text());
      expect(header?.slice(0, 7)).toEqual([
        "Rank",
        "Of",
        "Request",
        "Application",
        "Applicant",
        "Amount (€)",
        "Funded",
      ]);
      expect(rows).toHaveLength(read.rows.length);
      rows.forEach((cells, i) => {
        const row = read.rows[i];
        expect(cells.slice(0, 10)).toEqual([
          String(row.rank),
          String(row.total),
          row.requestId,
          row.applicationId,
          row.applicantName,
          (row.amountCents / 100).toFixed(2).replace(".", ","),
          row.funded ? "yes" : "no",
          row.waitlistPosition === null ? "" : String(row.waitlistPosition),
          row.byHand ? "yes" : "no",
          row.reason ?? "",
        ]);
      });
      const sum = rows
        .filter((r) => r[6] === "yes")
        .reduce((s, r) => s + Math.round(Number(r[5]?.replace(",", ".")) * 100), 0);
      expect(sum).toBe(read.allocatedCents);
      const fr = csvRows(
        await (
          await t.call(staff, "GET", `${base(year)}.csv`, undefined, { "accept-language": "fr" })
        ).text(),
      );
      expect(fr[0]?.[0]).toBe("Rang");

      // nothing to read before it is applied
      expect(await json(await t.call(a.me, "GET", "/api/me/standings"))).toEqual({ standings: [] });

      const stale = await t.call(staff, "POST", `${base(year)}/apply`, { version: 2 });
      expect(stale.status).toBe(409);
      const [one, two] = await Promise.all([
        t.call(staff, "POST", `${base(year)}/apply`, { version: 1 }),
        t.call(staff, "POST", `${base(year)}/apply`, { version: 1 }),
      ]);
      expect([one.status, two.status].sort()).toEqual([200, 409]);
      const applied = await json(one.status === 200 ? one : two);
      expect(applied).toMatchObject({ status: "applied", version: 1 });
      expect(typeof applied.appliedAt).toBe("string");
      expect((await t.call(staff, "POST", `${base(year)}/apply`, { version: 1 })).status).toBe(409);
      expect((await t.call(staff, "PUT", base(year), { rules: ["crous-echelon"] })).status).toBe(
        409,
      );

      const mine = await json(
        await t.call(c.me, "GET", "/api/me/standings", undefined, { "accept-language": "en" }),
      );
      expect(mine.standings).toEqual([
        {
          applicationId: c.applicationId,
          requestId: c.requestId,
          scheme: "erasmus",
          schemeName: expect.any(String),
          academicYear: year,
          rank: 3,
          total: 3,
          funded: false,
          waitlistPosition: 1,
          lastFundedRank: 2,
          byHand: true,
          explanation: expect.stringContaining(
            "the office placed your request on the waitlist, where it is 1st",
          ),
        },
      ]);
      const text = JSON.stringify(mine);
      expect(text).not.toContain("confidentiel");
      expect(text).not.toContain(a.requestId);
      expect(text).not.toContain(b.requestId);
      const theirs = await json(await t.call(a.me, "GET", "/api/me/standings"));
      expect(theirs.standings.map((s: { requestId: string }) => s.requestId)).toEqual([
        a.requestId,
      ]);
      expect(theirs.standings[0]).toMatchObject({ funded: true, waitlistPosition: null, rank: 1 });

      // the requests were decided as by hand
      const detail = await json(
        await t.call(staff, "GET", `/api/staff/applications/${a.applicationId}`),
      );
      expect(detail.requests[0]).toMatchObject({ state: "approved", approvedCents: a.cents });
    });

    it("applies nothing when a request was withdrawn since the proposal, naming it", async () => {
      const year = "2029-2030";
      const a = await submitted(2029, "5");
      const b = await submitted(2029, "3");
      await envelope(year, 3 * a.cents);
      const p = await json(await t.call(staff, "PUT", base(year), { rules: ["crous-echelon"] }));
      const w = await t.call(
        b.me,
        "POST",
        `/api/applications/${b.applicationId}/requests/${b.requestId}/withdraw`,
        { reason: "plus besoin" },
      );
      expect(w.status).toBe(200);
      const r = await t.call(
        staff,
        "POST",
        `${base(year)}/apply`,
        { version: p.version },
        { "accept-language": "en" },
      );
      expect(r.status).toBe(409);
      const problem = await json(r);
      expect(problem).toMatchObject({ requestId: b.requestId, applicationId: b.applicationId });
      expect(problem.detail).toContain("it changed since the proposal");
      const detail = await json(
        await t.call(staff, "GET", `/api/staff/applications/${a.applicationId}`),
      );
      expect(detail.requests[0].state).toBe("submitted");
      expect((await json(await t.call(staff, "GET", base(year)))).status).toBe("proposed");
    });

    it("tells a student waitlisted by hand before the call was ranked their rank, once, as the office's view and CSV give it", async () => {
      const year = "2031-2032";
      const early = await submitted(2031, "1");
      expect((await envelope(year, 0)).status).toBe(200);
      const decide = (body: unknown) =>
        t.call(staff, "POST", `/api/staff/requests/${early.requestId}/decision`, body);
      expect((await decide({ action: "start-review" })).status).toBe(200);
      expect((await decide({ action: "waitlist" })).status).toBe(200);
      const high = await submitted(2031, "5");
      await submitted(2031, "3");
      expect((await envelope(year, high.cents)).status).toBe(200);
      const p = await json(await t.call(staff, "PUT", base(year), { rules: ["crous-echelon"] }));
      const { db } = await t.runtime.runPromise(Database);
      const mailsTo = async (recipient: string) =>
        (await db.select().from(schema.outbox)).filter((m) => m.recipient === recipient);
      const before = (await mailsTo(early.email)).length;
      expect(
        (await t.call(staff, "POST", `${base(year)}/apply`, { version: p.version })).status,
      ).toBe(200);

      const sent = (await mailsTo(early.email)).slice(before);
      expect(sent.map((m) => [m.topic, m.lang])).toEqual([["request.waitlist", "fr"]]);
      const fr = { "accept-language": "fr" };
      const row = (await json(await t.call(staff, "GET", base(year), undefined, fr))).rows.find(
        (r: { requestId: string }) => r.requestId === early.requestId,
      );
      expect(row).toMatchObject({ rank: 3, total: 3, funded: false, waitlistPosition: 2 });
      expect(sent[0]?.body).toContain(row.explanation);
      expect(row.explanation).toContain("3e sur 3\u00a0: échelon 1");
      const csv = await (await t.call(staff, "GET", `${base(year)}.csv`, undefined, fr)).text();
      const cells = csvRows(csv).find((c) => c[2] === early.requestId);
      expect([cells?.[0], cells?.[1], cells?.[7]]).toEqual(["3", "3", "2"]);
      expect(csv).toContain(row.explanation);
      const mine = await json(await t.call(early.me, "GET", "/api/me/standings", undefined, fr));
      expect(mine.standings[0]).toMatchObject({ rank: 3, waitlistPosition: 2 });
      expect(mine.standings[0].explanation).toBe(row.explanation);
    });

    it("names each wrong field in a 422, and is the office's only", async () => {
      const year = "2030-2031";
      const a = await submitted(2030, "5");
      await envelope(year, a.cents);
      const bad = await t.call(staff, "PUT", base(year), {
        rules: ["crous-echelon", "crous-echelon", "height"],
        moves: [{ requestId: "", to: "elsewhere", reason: "  " }],
      });
      expect(bad.status).toBe(422);
      expect(bad.headers.get("content-type")).toContain("application/problem+json");
      const paths = (await json(bad)).errors.map((e: { path: string }) => e.path).sort();
      expect(paths).toEqual(
        expect.arrayContaining(["rules.2", "moves.0.requestId", "moves.0.to", "moves.0.reason"]),
      );

      const unknown = await t.call(staff, "PUT", base(year), {
        rules: ["crous-echelon"],
        moves: [
          { requestId: a.requestId, to: "funded", reason: "ok" },
          { requestId: "00000000-0000-4000-8000-000000000000", to: "funded", reason: "ok" },
        ],
      });
      expect(unknown.status).toBe(422);
      expect((await json(unknown)).errors.map((e: { path: string }) => e.path)).toEqual([
        "moves.1.requestId",
      ]);

      const twice = await t.call(staff, "PUT", base(year), {
        rules: ["crous-echelon"],
        moves: [
          { requestId: a.requestId, to: "funded", reason: "ok" },
          { requestId: a.requestId, to: "waitlist", reason: "ok" },
        ],
      });
      expect((await json(twice)).errors.map((e: { path: string }) => e.path)).toEqual([
        "moves.1.requestId",
      ]);

      const scheme = await t.call(staff, "PUT", base(year, "nope"), { rules: ["crous-echelon"] });
      expect((await json(scheme)).errors.map((e: { path: string }) => e.path)).toEqual(["scheme"]);
      const version = await t.call(staff, "POST", `${base(year)}/apply`, { version: "one" });
      expect((await json(version)).errors.map((e: { path: string }) => e.path)).toEqual([
        "version",
      ]);
      const noEnvelope = await t.call(staff, "PUT", base("2035-2036"), {
        rules: ["crous-echelon"],
      });
      expect(noEnvelope.status).toBe(409);

      expect((await t.call(a.me, "GET", base(year))).status).toBe(403);
      expect((await t.call(a.me, "PUT", base(year), { rules: ["crous-echelon"] })).status).toBe(
        403,
      );
      expect((await t.call(ANONYMOUS, "GET", "/api/me/standings")).status).toBe(401);
      expect((await t.call(staff, "GET", "/api/me/standings")).status).toBe(403);
      const personnel = await t.newPersonnel("alloc-personnel@example.org");
      expect(await json(await t.call(personnel, "GET", "/api/me/standings"))).toEqual({
        standings: [],
      });
    });
  },
);
