import { randomUUID } from "node:crypto";
import { Applications, Documents, Users } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import { evaluate, formatMoney, type Situation } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ANONYMOUS,
  type Caller,
  DEMO,
  openTestApp,
  type TestApp,
  TODAY,
} from "../../testing/test-app.ts";

/** A response's JSON, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions walk the JSON freely
const json = async (r: Response): Promise<any> => r.json();

/** An IDF-eligible student (Île-de-France resident, CROUS grant holder) going to `host`. */
const situation = (start: string, end: string, host?: Situation["mobility"]["host"]): Situation =>
  semesterAt({ host, start, end, echelon: "4", quotientFamilial: 900_000, residenceRegion: "11" });

interface Item {
  request: { id: string; scheme: string; state: string; updatedAt: string; applicationId: string };
  participant: "student" | "personnel";
  student: { name: string; email: string };
  startDate: string;
  academicYear: string;
  destinationCountry: string;
  hostPartnerId: string | null;
}

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "staff routes on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    const get = (path: string, headers: Record<string, string> = {}) =>
      t.call(staff, "GET", path, undefined, headers);
    const decide = (id: string, body: unknown, headers: Record<string, string> = {}) =>
      t.call(staff, "POST", `/api/staff/requests/${id}/decision`, body, headers);
    const setEnvelope = (scheme: string, year: string, body: unknown) =>
      t.call(staff, "PUT", `/api/staff/budgets/${scheme}/${year}`, body);
    const budgetOf = async (scheme: string, year: string) =>
      (await json(await get(`/api/staff/budgets?academicYear=${year}`))).find(
        (b: { scheme: string }) => b.scheme === scheme,
      );

    /** A new student's application, its requests submitted (what the student area does). */
    const filed = async (
      name: string,
      [start, end]: readonly [string, string],
      options: { schemes?: string[]; host?: Situation["mobility"]["host"]; submit?: boolean } = {},
    ) => {
      const email = `${randomUUID().slice(0, 8)}@example.org`;
      const run = t.runtime.runPromise;
      const student = await run(
        Users.use((u) => u.ensure({ email, name, role: "student", lang: "fr" })),
      );
      const app = await run(
        Applications.use((a) =>
          a.create({
            studentId: student.id,
            situation: situation(start, end, options.host),
            schemes: options.schemes ?? ["idf"],
          }),
        ),
      );
      if (options.submit !== false)
        for (const r of app.requests)
          await run(
            Applications.use((a) =>
              a.decide(r.id, { action: "submit" }, { kind: "student", userId: student.id }),
            ),
          );
      const first = app.requests[0];
      if (!first) throw new Error("no request filed");
      return { app, student, email, request: first };
    };

    /** A filed IDF request taken by the office to `approved` over HTTP. */
    const approved = async (
      name: string,
      dates: readonly [string, string],
      amountCents?: number,
      override?: { reason: string; grounds: string[] },
    ) => {
      const f = await filed(name, dates);
      expect((await decide(f.request.id, { action: "start-review" })).status).toBe(200);
      const r = await decide(f.request.id, {
        action: "approve",
        ...(amountCents !== undefined && { amountCents }),
        ...(override && { override }),
      });
      expect(r.status).toBe(200);
      return { ...f, approved: await json(r) };
    };

    it("lists the seeded queue with each student's name and email, filtered, sorted and paginated", async () => {
      const all = await json(await get("/api/staff/queue?view=all"));
      // the seed: Camille 3 requests (one a draft, which `all` leaves out), Lucas 2, Inès 2,
      // Emma 2, and the personnel's Claire 1 (ADR 016)
      expect(all).toMatchObject({ total: 9, limit: 50, offset: 0 });
      const items = all.items as Item[];
      expect(items).toHaveLength(9);
      expect(items.map((i) => i.request.state)).not.toContain("draft");
      const camille = items.filter((i) => i.student.name === "Camille Martin");
      expect(camille).toHaveLength(2);
      expect(camille[0]?.student.email).toBe(DEMO.student.email);
      const times = items.map((i) => Date.parse(i.request.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const query = async (q: string) =>
        (await json(await get(`/api/staff/queue?view=all&${q}`))) as {
          items: Item[];
          total: number;
        };
      const idf = await query("scheme=idf");
      expect(idf.total).toBe(3);
      expect(idf.items.every((i) => i.request.scheme === "idf")).toBe(true);
      const waiting = await query("state=waitlisted");
      expect(waiting.items.map((i) => [i.student.name, i.request.scheme])).toEqual([
        ["Inès Moreau", "fitec"],
      ]);
      expect((await query("scheme=idf&state=rejected")).items[0]?.student.name).toBe("Inès Moreau");
      const germany = await query("destination=DE");
      expect(germany.total).toBe(3);
      expect(germany.items.every((i) => i.hostPartnerId === "tu-berlin")).toBe(true);
      const kth = await query("partner=kth");
      expect(kth.items.map((i) => i.student.name)).toEqual(["Emma Wilson", "Emma Wilson"]);
      expect((await query("academicYear=2026-2027")).total).toBe(9);
      const personnel = await query("participant=personnel");
      expect(personnel.items.map((i) => [i.student.name, i.request.scheme, i.participant])).toEqual(
        [["Claire Martin", "erasmus-staff", "personnel"]],
      );
      const students = await query("participant=student");
      expect(students.total).toBe(8);
      expect(students.items.every((i) => i.participant === "student")).toBe(true);
      expect((await query("academicYear=2032-2033")).total).toBe(0);

      const byStart = (await query("sort=start-asc")).items.map((i) => i.startDate);
      expect(byStart).toEqual([...byStart].sort());
      expect(byStart[0]).toBe("2026-12-01");
      const oldest = (await query("sort=updated-asc")).items.map((i) =>
        Date.parse(i.request.updatedAt),
      );
      expect(oldest).toEqual([...oldest].sort((a, b) => a - b));

      const pageData = await Promise.all(
        [0, 4, 8].map(async (offset) =>
          json(await get(`/api/staff/queue?view=all&limit=4&offset=${offset}`)),
        ),
      );
      expect(pageData.map((p) => [p.items.length, p.total, p.limit, p.offset])).toEqual([
        [4, 9, 4, 0],
        [4, 9, 4, 4],
        [1, 9, 4, 8],
      ]);
      expect(pageData.flatMap((p) => p.items.map((i: Item) => i.request.id))).toEqual(
        items.map((i) => i.request.id),
      );

      for (const [q, field] of [
        ["limit=0", "limit"],
        ["limit=201", "limit"],
        ["offset=-1", "offset"],
        ["state=pending", "state"],
        ["state=submitted,nope", "state"],
        ["state=submitted&state=approved", "state"],
        ["view=mine", "view"],
        ["offset=1001", "offset"],
        [`search=${"x".repeat(201)}`, "search"],
        ["destination=XX", "destination"],
        ["academicYear=2026-2028", "academicYear"],
        ["sort=name", "sort"],
        ["participant=teacher", "participant"],
      ] as const) {
        const r = await get(`/api/staff/queue?${q}`);
        expect(r.status, q).toBe(422);
        expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        expect((await json(r)).errors.map((e: { path: string }) => e.path)).toContain(field);
      }
    });

    it("filters requests of its own making by year, and sorts them by start", async () => {
      const later = await filed("Zacharie Petit", ["2033-03-01", "2033-05-31"]);
      const sooner = await filed("Anna Petit", ["2033-01-10", "2033-04-30"], {
        schemes: ["idf", "erasmus"],
      });
      const page = await json(await get("/api/staff/queue?academicYear=2032-2033&sort=start-asc"));
      expect(page.total).toBe(3);
      expect(
        page.items.map((i: Item) => [i.student.name, i.request.scheme, i.request.state]),
      ).toEqual([
        ["Anna Petit", expect.any(String), "submitted"],
        ["Anna Petit", expect.any(String), "submitted"],
        ["Zacharie Petit", "idf", "submitted"],
      ]);
      expect(page.items[2].request.applicationId).toBe(later.app.id);
      expect(page.items[0].request.applicationId).toBe(sooner.app.id);
      const second = await json(
        await get("/api/staff/queue?academicYear=2032-2033&sort=start-asc&limit=1&offset=2"),
      );
      expect(second).toMatchObject({ total: 3, limit: 1, offset: 2 });
      expect(second.items.map((i: Item) => i.student.name)).toEqual(["Zacharie Petit"]);
    });

    it("opens on the requests to process, hides drafts unless named, takes several states and finds a student by name or e-mail", async () => {
      const dates = ["2035-02-01", "2035-05-31"] as const;
      const q = async (query: string) =>
        (await json(await get(`/api/staff/queue?academicYear=2034-2035&${query}`))) as {
          items: (Item & {
            documents: { complete: boolean | null; missing: { id: string; label: string }[] };
          })[];
          total: number;
          more: boolean;
        };
      const helene = await filed("Hélène Dupont-Aïssa", dates);
      const review = await filed("Marc Lefèvre", dates);
      expect((await decide(review.request.id, { action: "start-review" })).status).toBe(200);
      await filed("Chloé Martin", dates, { submit: false });
      const done = await filed("Noé Girard", dates);
      expect((await decide(done.request.id, { action: "start-review" })).status).toBe(200);
      expect(
        (await decide(done.request.id, { action: "waitlist", reason: "enveloppe épuisée" })).status,
      ).toBe(200);
      const names = (page: { items: Item[] }) => page.items.map((i) => i.student.name).sort();

      // no state nor view: the office's work, submitted and under review
      const toProcess = await q("");
      expect(names(toProcess)).toEqual(["Hélène Dupont-Aïssa", "Marc Lefèvre"]);
      expect(toProcess).toMatchObject({ total: 2, more: false });
      expect(names(await q("view=to-process"))).toEqual(names(toProcess));
      // every request but the drafts, then the drafts when named
      expect(names(await q("view=all"))).toEqual([
        "Hélène Dupont-Aïssa",
        "Marc Lefèvre",
        "Noé Girard",
      ]);
      expect(names(await q("state=draft"))).toEqual(["Chloé Martin"]);
      expect(names(await q("state=draft,waitlisted"))).toEqual(["Chloé Martin", "Noé Girard"]);
      expect(names(await q("state=submitted, under_review"))).toEqual(names(toProcess));
      // a state and a view: both apply
      expect(names(await q("view=to-process&state=under_review"))).toEqual(["Marc Lefèvre"]);

      // word prefixes of the name, any case, with or without accents; a prefix of the e-mail
      for (const search of ["helene", "HÉLÈNE dup", "dupont aissa", "aïss", "hel d"])
        expect(names(await q(`view=all&search=${encodeURIComponent(search)}`)), search).toEqual([
          "Hélène Dupont-Aïssa",
        ]);
      expect(names(await q(`state=draft&search=chloe`))).toEqual(["Chloé Martin"]);
      expect(names(await q(`search=${encodeURIComponent(helene.email.slice(0, 6))}`))).toEqual([
        "Hélène Dupont-Aïssa",
      ]);
      // inside a word is not a prefix; the search never reads a character as tsquery syntax
      for (const search of ["lene", "upont", "x & y", "'):*!|", "@example.org"])
        expect((await q(`view=all&search=${encodeURIComponent(search)}`)).total, search).toBe(0);
      const blank = await get("/api/staff/queue?search=%20%20");
      expect(blank.status).toBe(422);
      expect((await json(blank)).errors.map((e: { path: string }) => e.path)).toEqual(["search"]);
    });

    it("says whether a request's documents are complete, naming the missing ones in the reader's language", async () => {
      const f = await filed("Anaïs Benali", ["2027-10-01", "2028-02-29"]);
      const row = async (lang: string) =>
        (
          await json(
            await get(`/api/staff/queue?search=${encodeURIComponent(f.email)}`, {
              "accept-language": lang,
            }),
          )
        ).items[0];
      const before = await row("fr");
      expect(before.documents.complete).toBe(false);
      expect(before.documents.missing.length).toBeGreaterThan(0);
      const english = await row("en");
      expect(english.documents.missing.map((m: { id: string }) => m.id)).toEqual(
        before.documents.missing.map((m: { id: string }) => m.id),
      );
      expect(english.documents.missing[0].label).not.toBe(before.documents.missing[0].label);
      for (const [i, missing] of (before.documents.missing as { id: string }[]).entries()) {
        await t.runtime.runPromise(
          Documents.use((d) =>
            d.insert({
              applicationId: f.app.id,
              kind: missing.id,
              fileName: `${missing.id}.pdf`,
              mediaType: "application/pdf",
              sizeBytes: 100,
              sha256: "0".repeat(64),
              storageKey: randomUUID(),
              actor: { kind: "student", userId: f.student.id },
              quota: { maxDocuments: 20, maxBytes: 10_000_000 },
            }),
          ),
        );
        const now = await row("fr");
        const left = before.documents.missing.length - i - 1;
        expect(now.documents).toMatchObject({ complete: left === 0 });
        expect(now.documents.missing).toHaveLength(left);
      }
    });

    it("shows an application with its live eligibility, in French and in English", async () => {
      const [row] = (
        await json(
          await get("/api/staff/queue?partner=tu-berlin&scheme=idf&academicYear=2026-2027"),
        )
      ).items;
      const id = row.request.applicationId as string;
      const uploaded = await t.runtime.runPromise(
        Documents.use((d) =>
          d.insert({
            applicationId: id,
            kind: "learning-agreement",
            fileName: "contrat d'études.pdf",
            mediaType: "application/pdf",
            sizeBytes: 1234,
            sha256: "0".repeat(64),
            storageKey: randomUUID(),
            actor: { kind: "student", userId: row.student.id },
            quota: { maxDocuments: 20, maxBytes: 50 * 1024 * 1024 },
          }),
        ),
      );
      const fr = await get(`/api/staff/applications/${id}`);
      expect(fr.status).toBe(200);
      const detail = await json(fr);
      expect(detail.student).toMatchObject({ name: "Camille Martin", email: DEMO.student.email });
      expect(detail.application).toMatchObject({
        id,
        academicYear: "2026-2027",
        hostPartnerId: "tu-berlin",
        situation: { mobility: { host: { partner: "tu-berlin" } } },
      });
      // live: the stored situation evaluated now, on today's rules, in the caller's language
      const live = (lang: "fr" | "en") =>
        evaluate({ ...detail.application.situation, asOf: TODAY }, t.registry, {
          asOf: TODAY,
          lang,
        });
      expect(detail.eligibility).toEqual({ asOf: TODAY, report: live("fr") });
      const idfFr = detail.eligibility.report.schemes.find(
        (s: { scheme: string }) => s.scheme === "idf",
      );
      expect(idfFr.name).toBe("Bourse Mobilité Île-de-France");

      const en = await json(
        await get(`/api/staff/applications/${id}`, { "accept-language": "en-GB,en;q=0.9" }),
      );
      expect(en.eligibility).toEqual({ asOf: TODAY, report: live("en") });
      expect(
        en.eligibility.report.schemes.find((s: { scheme: string }) => s.scheme === "idf").name,
      ).toBe("Île-de-France mobility grant");

      const byScheme = Object.fromEntries(
        detail.requests.map((r: { scheme: string }) => [r.scheme, r]),
      );
      expect(byScheme.erasmus).toMatchObject({
        state: "approved",
        availableActions: ["sign-agreement", "cancel"],
        budget: { scheme: "erasmus", academicYear: "2026-2027", envelopeCents: 20_000_000 },
      });
      const erasmusBudget = byScheme.erasmus.budget;
      expect(erasmusBudget.committedCents).toBeGreaterThanOrEqual(byScheme.erasmus.approvedCents);
      expect(erasmusBudget.remainingCents).toBe(
        erasmusBudget.envelopeCents - erasmusBudget.committedCents,
      );
      expect(byScheme.idf).toMatchObject({
        state: "under_review",
        availableActions: ["approve", "reject", "waitlist", "cancel"],
        budget: { scheme: "idf", envelopeCents: 15_000_000 },
      });

      expect(detail.documents).toEqual([
        {
          id: uploaded.id,
          applicationId: id,
          kind: "learning-agreement",
          label: "Contrat pédagogique (Learning Agreement for Studies)",
          fileName: "contrat d'études.pdf",
          mediaType: "application/pdf",
          sizeBytes: 1234,
          sha256: "0".repeat(64),
          uploadedBy: row.student.id,
          uploadedAt: uploaded.uploadedAt,
          reviewedAt: null,
        },
      ]);
      expect(JSON.stringify(detail)).not.toContain("storageKey");
      const history = detail.history as { id: number; action: string; entityType: string }[];
      expect(history.map((e) => e.id)).toEqual([...history.map((e) => e.id)].sort((a, b) => a - b));
      expect(history[0]).toMatchObject({ action: "create-application", entityType: "application" });
      expect(history.filter((e) => e.entityType === "scheme_request").map((e) => e.action)).toEqual(
        expect.arrayContaining(["submit", "start-review", "approve"]),
      );
      expect(history.at(-1)).toMatchObject({ action: "upload-document", entityType: "document" });

      const missing = await get(`/api/staff/applications/${randomUUID()}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect((await get("/api/staff/applications/not-an-id")).status).toBe(422);
    });

    it("downloads a document of an application, and only through that application", async () => {
      const berlin = (
        await json(
          await get("/api/staff/queue?partner=tu-berlin&scheme=idf&academicYear=2026-2027"),
        )
      ).items[0];
      const other = await filed("Autre Étudiante", ["2027-02-01", "2027-06-30"]);
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0xff]);
      const run = t.runtime.runPromise;
      const storageKey = await run(t.files.put(bytes));
      const document = await run(
        Documents.use((d) =>
          d.insert({
            applicationId: berlin.request.applicationId,
            kind: "learning-agreement",
            fileName: "contrat d'études « final ».pdf",
            mediaType: "application/pdf",
            sizeBytes: bytes.length,
            sha256: "1".repeat(64),
            storageKey,
            actor: { kind: "student", userId: berlin.student.id },
            quota: { maxDocuments: 20, maxBytes: 50 * 1024 * 1024 },
          }),
        ),
      );
      const path = (applicationId: string, documentId: string) =>
        `/api/staff/applications/${applicationId}/documents/${documentId}`;

      const res = await get(path(berlin.request.applicationId, document.id));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="contrat d'_tudes _ final _.pdf"; filename*=UTF-8''contrat%20d%27%C3%A9tudes%20%C2%AB%20final%20%C2%BB.pdf`,
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
      // the download is in the audit trail, as the office's, and in the application's history
      const history = (
        await json(await get(`/api/staff/applications/${berlin.request.applicationId}`))
      ).history as { action: string; entityId: string; actor: { kind: string } }[];
      expect(history.at(-1)).toMatchObject({
        action: "download-document",
        entityType: "document",
        entityId: document.id,
        actor: { kind: "staff" },
        after: { fileName: "contrat d'études « final ».pdf", kind: "learning-agreement" },
      });

      // the document is not another application's, and an unknown one is not anybody's
      for (const [applicationId, documentId] of [
        [other.app.id, document.id],
        [berlin.request.applicationId, randomUUID()],
        [randomUUID(), document.id],
      ] as const) {
        const missing = await get(path(applicationId, documentId));
        expect(missing.status).toBe(404);
        expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      }
      expect((await get(path(berlin.request.applicationId, "nope"))).status).toBe(422);
    });

    it("approves within the envelope, refuses beyond it saying how much is left, and promotes when it grows", async () => {
      const year = "2027-2028";
      const set = await setEnvelope("idf", year, { envelopeCents: 300_000 });
      expect(set.status).toBe(200);
      expect(await json(set)).toEqual({
        budget: {
          scheme: "idf",
          academicYear: year,
          envelopeCents: 300_000,
          committedCents: 0,
          paidCents: 0,
          remainingCents: 300_000,
        },
        promoted: [],
      });

      // 1 October 2027 to 29 February 2028: 150 days at 450 € a month
      const first = await approved("Alice Durand", ["2027-10-01", "2028-02-29"]);
      expect(first.approved).toMatchObject({ state: "approved", approvedCents: 225_000 });
      expect(await budgetOf("idf", year)).toMatchObject({
        committedCents: 225_000,
        remainingCents: 75_000,
      });

      const second = await filed("Bruno Durand", ["2027-10-01", "2028-02-29"]);
      await decide(second.request.id, { action: "start-review" });
      const beyond = await decide(second.request.id, { action: "approve" });
      expect(beyond.status).toBe(409);
      expect(beyond.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const refused = await json(beyond);
      expect(refused.type).toMatch(/budget$/);
      expect(refused.detail).toContain(formatMoney(75_000, "fr"));
      const inEnglish = await json(
        await decide(second.request.id, { action: "approve" }, { "accept-language": "en" }),
      );
      expect(inEnglish.detail).toContain(`Only ${formatMoney(75_000, "en")} is left`);
      expect(await budgetOf("idf", year)).toMatchObject({ committedCents: 225_000 });

      const below = await setEnvelope("idf", year, { envelopeCents: 200_000 });
      expect(below.status).toBe(409);
      expect((await json(below)).detail).toBe(
        `L'enveloppe idf de ${year} ne peut pas être de ${formatMoney(200_000, "fr")} : ${formatMoney(225_000, "fr")} sont déjà engagés.`,
      );

      const waitlisted = await decide(second.request.id, { action: "waitlist" });
      expect(await json(waitlisted)).toMatchObject({ state: "waitlisted", approvedCents: null });
      const raised = await setEnvelope("idf", year, {
        envelopeCents: 500_000,
        promoteWaitlisted: true,
      });
      expect(raised.status).toBe(200);
      expect(await json(raised)).toEqual({
        budget: expect.objectContaining({
          envelopeCents: 500_000,
          committedCents: 450_000,
          remainingCents: 50_000,
        }),
        promoted: [second.request.id],
      });

      expect((await setEnvelope("nope", year, { envelopeCents: 1 })).status).toBe(404);
      expect((await setEnvelope("idf", "2027-2029", { envelopeCents: 1 })).status).toBe(422);
      const negative = await setEnvelope("idf", year, { envelopeCents: -1 });
      expect((await json(negative)).errors[0].path).toBe("envelopeCents");
      expect((await decide(randomUUID(), { action: "start-review" })).status).toBe(404);
    });

    it("refuses a rejection without a reason, naming the field, and records one with it", async () => {
      const f = await filed("Chloé Roux", ["2033-09-15", "2034-01-31"]);
      await decide(f.request.id, { action: "start-review" });
      for (const body of [{ action: "reject" }, { action: "reject", reason: "   " }]) {
        const r = await decide(f.request.id, body);
        expect(r.status).toBe(422);
        expect((await json(r)).errors.map((e: { path: string }) => e.path)).toEqual(["reason"]);
      }
      const unknown = await decide(f.request.id, { action: "approve-everything" });
      expect(unknown.status).toBe(422);
      expect((await json(unknown)).errors[0].path).toBe("action");

      const rejected = await decide(f.request.id, {
        action: "reject",
        reason: "Dossier incomplet : relevé de notes manquant",
      });
      expect(await json(rejected)).toMatchObject({ state: "rejected" });
      const again = await decide(f.request.id, { action: "approve" });
      expect(again.status).toBe(409);
      expect((await json(again)).detail).toBe(
        "Impossible d'accorder cette demande : elle est à l'état « refusée » ; c'est possible seulement à l'état « en instruction ».",
      );
      const trail = await json(await get(`/api/staff/audit/scheme_request/${f.request.id}`));
      expect(trail.at(-1)).toMatchObject({
        action: "reject",
        reason: "Dossier incomplet : relevé de notes manquant",
        actor: { kind: "staff", id: staff.userId },
      });
    });

    it("recalculates on the actual dates over HTTP: 150 approved days, 130 actual, 1 950 € with the ledger line explained", async () => {
      const year = "2025-2026";
      expect((await setEnvelope("idf", year, { envelopeCents: 1_000_000 })).status).toBe(200);
      const { request, approved: granted } = await approved("Denis Lefèvre", [
        "2026-02-01",
        "2026-06-30",
      ]);
      expect(granted.approvedCents).toBe(225_000);

      const wrong = await t.call(staff, "POST", `/api/staff/requests/${request.id}/recalculation`, {
        actualStart: "2026-06-10",
        actualEnd: "2026-02-01",
      });
      expect(wrong.status).toBe(422);
      expect((await json(wrong)).errors[0].path).toBe("actualEnd");

      const r = await t.call(staff, "POST", `/api/staff/requests/${request.id}/recalculation`, {
        actualStart: "2026-02-01",
        actualEnd: "2026-06-10",
      });
      expect(r.status).toBe(200);
      const done = await json(r);
      const eur = (c: number) => formatMoney(c, "fr");
      expect(done).toMatchObject({
        request: { id: request.id, state: "approved", approvedCents: 195_000 },
        previousCents: 225_000,
        approvedCents: 195_000,
        differenceCents: -30_000,
        // lowered but nothing paid yet: all of it is still to pay, nothing to recover
        remaining: { kind: "to-pay", cents: 195_000 },
      });
      expect(done.explanation).toEqual([
        {
          label: "Avant (du 1er février 2026 au 30 juin 2026) : Bourse mensuelle",
          amountCents: 225_000,
          basis: `${eur(45_000)} × 150/30 jours`,
        },
        {
          label: "Après (du 1er février 2026 au 10 juin 2026) : Bourse mensuelle",
          amountCents: 195_000,
          basis: `${eur(45_000)} × 130/30 jours`,
        },
        {
          label: "Différence : bourse réduite",
          amountCents: -30_000,
          basis: `${eur(195_000)} − ${eur(225_000)}`,
        },
        {
          label: "Reste à verser",
          amountCents: 195_000,
          basis: `${eur(195_000)} − ${eur(0)} déjà versés`,
        },
      ]);

      const ledger = await json(await get(`/api/staff/requests/${request.id}/ledger`));
      expect(
        ledger.map((l: { kind: string; amountCents: number }) => [l.kind, l.amountCents]),
      ).toEqual([
        ["commitment", 225_000],
        ["recalculation", -30_000],
      ]);
      expect(ledger[1].explanation).toEqual(done.explanation);
      // the ledger keeps keys: an English reader reads the same lines in English
      const inEnglish = await json(
        await get(`/api/staff/requests/${request.id}/ledger`, { "accept-language": "en" }),
      );
      const en = (c: number) => formatMoney(c, "en");
      expect(inEnglish[0].explanation).toEqual([
        {
          label: "Committed against the envelope",
          amountCents: 225_000,
          basis: "Request approved",
        },
      ]);
      expect(inEnglish[1].explanation).toEqual([
        {
          label: "Before (1 February 2026 to 30 June 2026): Monthly grant",
          amountCents: 225_000,
          basis: `${en(45_000)} × 150/30 days`,
        },
        {
          label: "After (1 February 2026 to 10 June 2026): Monthly grant",
          amountCents: 195_000,
          basis: `${en(45_000)} × 130/30 days`,
        },
        {
          label: "Difference: grant lowered",
          amountCents: -30_000,
          basis: `${en(195_000)} − ${en(225_000)}`,
        },
        {
          label: "Still to pay",
          amountCents: 195_000,
          basis: `${en(195_000)} − ${en(0)} already paid`,
        },
      ]);
      expect(await budgetOf("idf", year)).toMatchObject({ committedCents: 195_000 });
      expect((await get(`/api/staff/requests/${randomUUID()}/ledger`)).status).toBe(404);

      const draft = await filed("Eve Lefèvre", ["2026-02-01", "2026-06-30"], { submit: false });
      const notYet = await t.call(
        staff,
        "POST",
        `/api/staff/requests/${draft.request.id}/recalculation`,
        {
          actualStart: "2026-02-01",
          actualEnd: "2026-06-10",
        },
      );
      expect(notYet.status).toBe(409);
    });

    it("pays the advance, then the balance that completes the grant", async () => {
      const year = "2024-2025";
      await setEnvelope("idf", year, { envelopeCents: 2_000_000 });
      const { request } = await approved("Fanny Girard", ["2025-02-01", "2025-06-30"]);
      const paidBefore = (await budgetOf("idf", year)).paidCents as number;
      const pay = (body: unknown) =>
        t.call(staff, "POST", `/api/staff/requests/${request.id}/payments`, body);

      // no advance before the grant agreement is signed
      expect((await pay({ instalment: "advance" })).status).toBe(409);
      expect(await json(await decide(request.id, { action: "sign-agreement" }))).toMatchObject({
        state: "agreed",
      });
      const due = async () => json(await get(`/api/staff/requests/${request.id}/payments`));
      // what the office confirms before paying: the advance's default, then the balance
      expect(await due()).toEqual({
        paidCents: 0,
        advanceCents: 180_000,
        remaining: { kind: "to-pay", cents: 225_000 },
      });
      const advance = await pay({ instalment: "advance" });
      expect(advance.status).toBe(200);
      expect(await json(advance)).toMatchObject({
        request: { state: "advance_paid", approvedCents: 225_000 },
        payment: { kind: "payment", instalment: "advance", amountCents: 180_000 },
      });

      const withAmount = await pay({ instalment: "balance", amountCents: 45_000 });
      expect(withAmount.status).toBe(422);
      expect((await json(withAmount)).errors[0].path).toBe("amountCents");
      expect(await due()).toMatchObject({
        paidCents: 180_000,
        remaining: { kind: "to-pay", cents: 45_000 },
      });
      const balance = await pay({ instalment: "balance" });
      expect(balance.status).toBe(200);
      expect(await json(balance)).toMatchObject({
        request: { state: "completed" },
        payment: { kind: "payment", instalment: "balance", amountCents: 45_000 },
      });
      expect((await budgetOf("idf", year)).paidCents - paidBefore).toBe(225_000);
      const ledger = await json(await get(`/api/staff/requests/${request.id}/ledger`));
      expect(
        ledger.map((l: { kind: string; instalment: string | null; amountCents: number }) => [
          l.kind,
          l.instalment,
          l.amountCents,
        ]),
      ).toEqual([
        ["commitment", null, 225_000],
        ["payment", "advance", 180_000],
        ["payment", "balance", 45_000],
      ]);
      expect((await pay({ instalment: "balance" })).status).toBe(409);
      expect(await due()).toMatchObject({ paidCents: 225_000, remaining: { kind: "settled" } });
      expect((await get(`/api/staff/requests/${randomUUID()}/payments`)).status).toBe(404);
    });

    it("exports CSV that a French Excel opens: BOM, semicolons, CRLF, decimal commas, accents and quoting", async () => {
      const year = "2030-2031";
      await setEnvelope("idf", year, { envelopeCents: 1_000_000 });
      // IDF's rules do not reach 2031 yet: an override, the CSV only needs a grant
      const quoted = await approved(
        'Zoé "Zaza" Dupont; fils',
        ["2031-02-01", "2031-06-30"],
        123_456,
        { reason: "test", grounds: ["not-eligible", "above-estimate"] },
      );
      const typed = await filed("=1+2", ["2031-02-01", "2031-06-30"], {
        host: { name: "Université d'Été; campus", country: "ES", city: "Sevilla" },
      });

      const r = await get(
        `/api/staff/exports/requests.csv?view=all&academicYear=${year}&sort=start-asc`,
      );
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(r.headers.get("content-disposition")).toBe(
        `attachment; filename="envol-demandes-${TODAY}.csv"`,
      );
      const bytes = new Uint8Array(await r.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
      // CRLF only, and one after the last row
      expect(csv.endsWith("\r\n")).toBe(true);
      expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
      const lines = csv.split("\r\n").slice(0, -1);
      expect(lines[0]).toBe(
        "Dossier;Candidat ou candidate;Email;Aide;État;Année universitaire;Pays;Établissement d'accueil;Début;Fin;Arrivée réelle;Départ réel;Estimation (€);Accordé (€);Versé (€);Reste à verser (€);À récupérer (€);Participant",
      );

      expect(lines).toHaveLength(3);
      const zoe = lines.find((l) => l.includes("Zaza"));
      expect(zoe).toBe(
        [
          quoted.app.id,
          '"Zoé ""Zaza"" Dupont; fils"',
          quoted.email,
          "Bourse Mobilité Île-de-France",
          "Accordée",
          year,
          "DE",
          "Technische Universität Berlin",
          "2031-02-01",
          "2031-06-30",
          // no actual dates confirmed yet
          "",
          "",
          // the scheme's rules stop at 2027-2028: no estimate, an amount the office decided
          "",
          "1234,56",
          // nothing paid: all of it still to pay, nothing to recover
          "0,00",
          "1234,56",
          "0,00",
          "Étudiant",
        ].join(";"),
      );
      const formula = lines.find((l) => l.includes(typed.app.id));
      // a name that looks like a formula is shown, never run; a host with a semicolon is quoted
      expect(formula).toContain(";'=1+2;");
      expect(formula).toContain(';"Université d\'Été; campus";');
      expect(formula).toMatch(/;Envoyée;2030-2031;ES;/);

      // the queue's filters apply
      const idfOnly = await get("/api/staff/exports/requests.csv?scheme=idf&state=rejected");
      const rejected = (await idfOnly.text()).split("\r\n").filter((l) => l !== "");
      expect(rejected).toHaveLength(3);
      expect(rejected.slice(1).join("\n")).toContain("Inès Moreau");

      const budgets = await get("/api/staff/exports/budgets.csv?academicYear=2026-2027");
      expect(budgets.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(budgets.headers.get("content-disposition")).toBe(
        'attachment; filename="envol-budgets-2026-2027.csv"',
      );
      const bBytes = new Uint8Array(await budgets.arrayBuffer());
      expect([...bBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const bLines = new TextDecoder().decode(bBytes).split("\r\n");
      expect(bLines[0]).toBe(
        "Code;Aide;Année universitaire;Enveloppe (€);Engagé (€);Versé (€);Restant (€)",
      );
      const idfBudget = await budgetOf("idf", "2026-2027");
      const cell = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, "0")}`;
      expect(bLines).toContain(
        [
          "idf",
          "Bourse Mobilité Île-de-France",
          "2026-2027",
          "150000,00",
          cell(idfBudget.committedCents),
          cell(idfBudget.paidCents),
          cell(idfBudget.remainingCents),
        ].join(";"),
      );
      const english = await get("/api/staff/exports/budgets.csv", { "accept-language": "en" });
      expect((await english.text()).split("\r\n")[0]).toBe(
        "Code;Scheme;Academic year;Envelope (€);Committed (€);Paid (€);Remaining (€)",
      );
    });

    it("issues a partner key whose secret is shown once, lists it without it, and revokes it", async () => {
      const created = await t.call(staff, "POST", "/api/staff/partner-keys", {
        partnerId: "kth",
        label: "Clé de KTH",
      });
      expect(created.status).toBe(201);
      const { key, secret } = await json(created);
      expect(secret).toMatch(/^envol_pk_/);
      expect(key).toMatchObject({
        partnerId: "kth",
        label: "Clé de KTH",
        prefix: secret.slice(0, 15),
        createdBy: staff.userId,
        revokedAt: null,
      });

      const listed = await get("/api/staff/partner-keys?partner=kth");
      const text = await listed.text();
      expect(text).not.toContain(secret);
      expect(JSON.parse(text).map((k: { id: string }) => k.id)).toEqual([key.id]);
      const all = await json(await get("/api/staff/partner-keys"));
      expect(all.map((k: { partnerId: string }) => k.partnerId)).toEqual(
        expect.arrayContaining(["kth", "tu-berlin"]),
      );

      const revoked = await t.call(staff, "DELETE", `/api/staff/partner-keys/${key.id}`);
      expect(revoked.status).toBe(200);
      expect((await json(revoked)).revokedAt).toEqual(expect.any(String));
      expect((await json(await get("/api/staff/partner-keys?partner=kth")))[0].revokedAt).toEqual(
        expect.any(String),
      );
      const trail = await json(await get(`/api/staff/audit/partner_api_key/${key.id}`));
      expect(trail.map((e: { action: string }) => e.action)).toEqual([
        "create-partner-key",
        "revoke-partner-key",
      ]);

      expect(
        (await t.call(staff, "DELETE", `/api/staff/partner-keys/${randomUUID()}`)).status,
      ).toBe(404);
      const unknown = await t.call(staff, "POST", "/api/staff/partner-keys", {
        partnerId: "nowhere",
        label: "x",
      });
      expect(unknown.status).toBe(422);
      expect((await json(unknown)).errors[0].path).toBe("partnerId");
      const unlabelled = await t.call(staff, "POST", "/api/staff/partner-keys", {
        partnerId: "kth",
      });
      expect((await json(unlabelled)).errors[0].path).toBe("label");
    });

    it("pages through the audit trail, newest first", async () => {
      const first = await json(await get("/api/staff/audit?limit=3"));
      expect(first.items).toHaveLength(3);
      const ids = first.items.map((e: { id: number }) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(first.nextBefore).toBe(ids[2]);
      const next = await json(await get(`/api/staff/audit?limit=3&before=${first.nextBefore}`));
      expect(next.items).toHaveLength(3);
      expect(next.items[0].id).toBeLessThan(ids[2]);
      expect((await get("/api/staff/audit?limit=0")).status).toBe(422);
    });

    it("answers 401 to anonymous callers and 403 to students and the personnel on every staff route", async () => {
      const doc = await json(await t.app.request("/api/openapi.json"));
      const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .filter(([path]) => path.startsWith("/api/staff/"))
        .flatMap(([path, operations]) => Object.keys(operations).map((m) => [m, path] as const));
      // the office's calls (GET and PUT) since the personnel's routes were counted, a call's
      // allocation (propose, read, CSV, apply) and the what-if's three (a scheme's options read
      // and saved, a scenario run)
      expect(routes).toHaveLength(31);
      const student = await t.signIn(DEMO.student.email, DEMO.student.password);
      const personnel = await t.signIn(DEMO.personnel.email, DEMO.personnel.password);
      const sample: Record<string, string> = {
        id: randomUUID(),
        documentId: randomUUID(),
        scheme: "idf",
        academicYear: "2026-2027",
        entityType: "scheme_request",
        entityId: randomUUID(),
      };
      for (const [method, template] of routes) {
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? name);
        const body = method === "get" || method === "delete" ? undefined : {};
        const anonymous = await t.call(ANONYMOUS, method.toUpperCase(), path, body);
        expect(anonymous.status, `${method} ${path} anonymous`).toBe(401);
        expect(anonymous.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        const asStudent = await t.call(student, method.toUpperCase(), path, body);
        expect(asStudent.status, `${method} ${path} student`).toBe(403);
        const asPersonnel = await t.call(personnel, method.toUpperCase(), path, body);
        expect(asPersonnel.status, `${method} ${path} personnel`).toBe(403);
      }
    });

    it("refuses an approval above the estimate or beside an exclusive grant with a 409 in the reader's language, and takes it with an override", async () => {
      const year = "2027-2028";
      for (const scheme of ["idf", "fitec", "mic"])
        expect((await setEnvelope(scheme, year, { envelopeCents: 100_000_000 })).status).toBe(200);

      const f = await filed("Chloé Lambert", ["2027-10-01", "2028-02-29"]);
      const estimate = f.request.estimatedCents as number;
      await decide(f.request.id, { action: "start-review" });
      const above = { action: "approve", amountCents: 14_000_000 };
      const fr = await decide(f.request.id, above);
      expect(fr.status).toBe(409);
      expect(fr.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const frBody = await json(fr);
      expect(frBody).toMatchObject({
        type: expect.stringMatching(/override-required$/),
        title: "Dérogation motivée nécessaire",
        grounds: [{ kind: "above-estimate", amountCents: 14_000_000, estimateCents: estimate }],
      });
      expect(frBody.detail).toContain(
        `le montant de ${formatMoney(14_000_000, "fr")} dépasse l'estimation du dispositif, ${formatMoney(estimate, "fr")}`,
      );
      const en = await json(await decide(f.request.id, above, { "accept-language": "en" }));
      expect(en.detail).toContain(
        `the amount of ${formatMoney(14_000_000, "en")} is above the scheme's estimate, ${formatMoney(estimate, "en")}`,
      );
      const tooLong = await decide(f.request.id, {
        ...above,
        override: { reason: "x".repeat(2001), grounds: ["above-estimate"] },
      });
      expect(tooLong.status).toBe(422);
      const blank = await decide(f.request.id, {
        ...above,
        override: { reason: " ", grounds: ["above-estimate"] },
      });
      expect(blank.status).toBe(422);
      // an override must name what it accepts: none, or an unknown ground, is refused
      for (const grounds of [[], ["all"]]) {
        const unnamed = await decide(f.request.id, {
          ...above,
          override: { reason: "Frais de visa exceptionnels", grounds },
        });
        expect(unnamed.status).toBe(422);
      }
      // a ground the clerk did not accept is still refused, listed
      const otherGround = await decide(f.request.id, {
        ...above,
        override: { reason: "Frais de visa exceptionnels", grounds: ["not-eligible"] },
      });
      expect(otherGround.status).toBe(409);
      expect(await json(otherGround)).toMatchObject({
        grounds: [{ kind: "above-estimate", amountCents: 14_000_000 }],
      });
      const overridden = await decide(f.request.id, {
        ...above,
        override: { reason: "Frais de visa exceptionnels", grounds: ["above-estimate"] },
      });
      expect(overridden.status).toBe(200);
      expect(await json(overridden)).toMatchObject({
        state: "approved",
        approvedCents: 14_000_000,
      });
      const detail = await json(await get(`/api/staff/applications/${f.app.id}`));
      expect(detail.history.at(-1)).toMatchObject({
        action: "approve",
        reason: "Frais de visa exceptionnels",
        after: { override: { reason: "Frais de visa exceptionnels" } },
      });

      const both = await filed("Diego Lambert", ["2027-10-01", "2028-02-29"], {
        schemes: ["fitec", "mic"],
        host: { partner: "usp" },
      });
      const [fitec, mic] = ["fitec", "mic"].map(
        (s) => both.app.requests.find((r) => r.scheme === s)?.id as string,
      );
      for (const id of [fitec, mic]) await decide(id as string, { action: "start-review" });
      expect((await decide(fitec as string, { action: "approve" })).status).toBe(200);
      const second = await decide(
        mic as string,
        { action: "approve" },
        { "accept-language": "en" },
      );
      expect(second.status).toBe(409);
      const secondBody = await json(second);
      // the other grant by its scheme and its stay's dates, never its id
      expect(secondBody.detail).not.toContain(fitec);
      expect(secondBody.detail).toContain(
        "FITEC grant is already granted for the stay from 1 October 2027 to 29 February 2028",
      );
      expect(secondBody.detail).toContain("the two do not combine");
      const withOverride = await decide(mic as string, {
        action: "approve",
        override: { reason: "Cumul voté en jury", grounds: ["exclusive"] },
      });
      expect(withOverride.status).toBe(200);
    });
  },
);
