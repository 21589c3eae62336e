import { randomUUID } from "node:crypto";
import { Applications, Database, Users } from "@envol/db";
import { seedQueueVolume, testEngines } from "@envol/db/testing";
import type { Situation } from "@envol/domain";
import { parse } from "csv-parse/sync";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";
import { euros, frenchExcelCsv } from "./staff.csv.ts";
import { EXPORT_BATCH } from "./staff.handlers.ts";

/** What a spreadsheet would run: a cell starting like a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** An amount as the exports write it: a number, never a formula. */
const AMOUNT = /^-?\d+,\d{2}$/;

/** The export as a spreadsheet reads it: BOM, `;`, quoted fields that may hold line breaks. */
const parseCsv = (csv: string): string[][] =>
  parse(csv, { bom: true, delimiter: ";", relax_column_count: false });

const hasLineBreak = (value: string) => /[\r\n]/.test(value);
/** A cell as it should read: text starting like a formula gets a leading apostrophe. */
const shown = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** Text people typed that starts like a formula, or hides one after a line break. */
const HOSTILE = [
  "=2+5",
  "+33 6 12 34 56 78",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "\uFF1D1+1",
  "\uFF0B1",
  "\uFF0D1",
  "\uFF20SUM(A1)",
  "TU Berlin\n=2+5",
  "TU Berlin\r\n=2+5",
  "TU Berlin\r=2+5",
];

describe("CSV that no spreadsheet runs", () => {
  it("neutralises every cell starting like a formula, quotes every line break, and keeps negative amounts numbers", () => {
    const rows = HOSTILE.map((s) => [s, euros(-1250), euros(99)]);
    const cells = parseCsv(frenchExcelCsv(["text", "amount", "other"], rows));
    expect(cells).toHaveLength(HOSTILE.length + 1);
    for (const [i, value] of HOSTILE.entries()) {
      const row = cells[i + 1];
      expect(row).toHaveLength(3);
      const [cell, negative, positive] = row ?? [];
      // the same text, shown (a leading apostrophe where it started like a formula), never run
      expect(cell).toBe(shown(value));
      expect(negative).toBe("-12,50");
      expect(positive).toBe("0,99");
    }
    // a line break inside a field is quoted, so that no reader starts a row there
    const raw = frenchExcelCsv(
      ["t"],
      HOSTILE.map((s) => [s]),
    );
    for (const value of HOSTILE.filter(hasLineBreak)) expect(raw).toContain(`"${shown(value)}"`);
  });
});

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "the requests export on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    /** A student named `name` with one IDF request going to a host named `hostName`. */
    const filed = async (name: string, hostName: string) => {
      const run = t.runtime.runPromise;
      const email = `${randomUUID().slice(0, 8)}@example.org`;
      const student = await run(Users.use((u) => u.ensure({ email, name, role: "student" })));
      const situation: Situation = {
        asOf: "2026-11-26",
        student: {
          programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
          residenceRegion: "11",
        },
        mobility: {
          kind: "study",
          framework: "inter-institution-agreement",
          host: { name: hostName, country: "DE", city: "Berlin" },
          start: "2033-02-01",
          end: "2033-06-30",
        },
      };
      return run(
        Applications.use((a) => a.create({ studentId: student.id, situation, schemes: ["idf"] })),
      );
    };

    it("parses to the database's rows and columns, with no formula cell, whatever names and hosts hold", async () => {
      for (const [i, value] of HOSTILE.entries()) await filed(value, HOSTILE.at(-1 - i) ?? "");

      const r = await t.call(
        staff,
        "GET",
        "/api/staff/exports/requests.csv?state=draft&academicYear=2032-2033&sort=start-asc",
      );
      expect(r.status).toBe(200);
      const csv = await r.text();
      for (const value of HOSTILE.filter(hasLineBreak)) expect(csv).toContain(`"${shown(value)}"`);
      const [header, ...rows] = parseCsv(csv);
      expect(header).toHaveLength(18);
      // the participant, added with the personnel, comes last: the columns before keep their place
      expect(header?.at(-1)).toBe("Participant");

      const queue = await t.call(
        staff,
        "GET",
        "/api/staff/queue?state=draft&academicYear=2032-2033&limit=100",
      );
      const { items } = (await queue.json()) as {
        items: { request: { applicationId: string }; student: { name: string } }[];
      };
      expect(items).toHaveLength(HOSTILE.length);
      expect(rows).toHaveLength(items.length);
      expect(rows.map((row) => row[0]).sort()).toEqual(
        items.map((i) => i.request.applicationId).sort(),
      );
      for (const row of rows) expect(row).toHaveLength(18);
      // the names and hosts are the ones stored, each shown as text
      expect(rows.map((row) => row[1]).sort()).toEqual(HOSTILE.map(shown).sort());
      expect(rows.map((row) => row[7]).sort()).toEqual(HOSTILE.map(shown).sort());
      const formulas = rows.flat().filter((cell) => FORMULA_START.test(cell) && !AMOUNT.test(cell));
      expect(formulas).toEqual([]);
    });

    it("streams the export batch by batch: the first part holds one batch, the whole holds every row once", async () => {
      const applications = Math.ceil((EXPORT_BATCH * 2.5) / 1.35);
      await t.runtime.runPromise(
        Database.use(({ db }) =>
          Effect.promise(() =>
            seedQueueVolume(db, {
              applications,
              schemes: ["idf", "erasmus"],
              partners: [{ id: "tu-berlin", country: "DE" }],
              tag: "csv-stream",
              firstYear: 2040,
            }),
          ),
        ),
      );
      const query = "view=all&sort=start-asc";
      const r = await t.call(staff, "GET", `/api/staff/exports/requests.csv?${query}`);
      expect(r.status).toBe(200);
      const reader = (r.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      const first = await reader.read();
      const firstLines = decoder.decode(first.value, { stream: true }).split("\r\n");
      // the header and one batch, nothing more, before the client asks for the rest
      expect(firstLines.slice(1).filter((l) => l !== "")).toHaveLength(EXPORT_BATCH);
      let rest = "";
      for (;;) {
        const part = await reader.read();
        if (part.done) break;
        rest += decoder.decode(part.value, { stream: true });
      }
      const rows = parseCsv(decoder.decode(first.value) + rest).slice(1);
      const ids = await t.runtime.runPromise(
        Applications.use((a) => a.queueAfter({ view: "all", sort: "start-asc" }, null, 100_000)),
      );
      expect(ids.rows.length).toBeGreaterThan(EXPORT_BATCH * 2);
      // every row once, in the queue's order, across the batches' edges
      expect(rows.map((row) => `${row[0]} ${row[3]}`)).toEqual(
        ids.rows.map(
          (row) =>
            `${row.request.applicationId} ${t.registry.byId.get(row.request.scheme)?.name.fr}`,
        ),
      );
      // paid, still to pay and to recover as the ledger says: a completed grant is settled, one
      // with its advance paid still owes the rest
      const completed = rows.filter((row) => row[4] === "Soldée");
      expect(completed.length).toBeGreaterThan(0);
      for (const row of completed)
        expect([row[14], row[15], row[16]]).toEqual([row[13], "0,00", "0,00"]);
      const cents = (cell: string | undefined) => Math.round(Number(cell?.replace(",", ".")) * 100);
      const advanced = rows.filter((row) => row[4] === "Avance versée");
      expect(advanced.length).toBeGreaterThan(0);
      for (const row of advanced) {
        expect(cents(row[14])).toBeGreaterThan(0);
        expect(cents(row[14]) + cents(row[15])).toBe(cents(row[13]));
        expect(row[16]).toBe("0,00");
      }

      // the other orders too, each read from where the last batch ended
      for (const sort of ["updated-desc", "updated-asc"] as const) {
        const csv = await (
          await t.call(staff, "GET", `/api/staff/exports/requests.csv?view=all&sort=${sort}`)
        ).text();
        const whole = await t.runtime.runPromise(
          Applications.use((a) => a.queueAfter({ view: "all", sort }, null, 100_000)),
        );
        expect(
          parseCsv(csv)
            .slice(1)
            .map((row) => row[0]),
          sort,
        ).toEqual(whole.rows.map((row) => row.request.applicationId));
      }
    });
  },
);
