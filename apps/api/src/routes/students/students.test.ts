import { readFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Applications, Documents, Users } from "@envol/db";
import { BERLIN_SEMESTER, semesterAt, testEngines } from "@envol/db/testing";
import type { Actor } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryFileStore, FilesDirServed } from "../../lib/file-store.ts";
import { type Caller, DEMO, openTestApp, type TestApp, TODAY } from "../../testing/test-app.ts";
import { MAX_DOCUMENT_BYTES } from "./students.routes.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../..");

/** Where the server serves files from (config.ts: ENVOL_WEB_DIR), and the API's own sources. */
const SERVED = [
  resolve(REPO, "apps/web/dist"),
  resolve(REPO, "apps/web"),
  resolve(REPO, "apps/api"),
];

// ---------------------------------------------------------------- files

const ascii = (s: string) => new TextEncoder().encode(s);

/** A minimal valid PDF: one empty page, with a cross-reference table at the right offsets. */
const minimalPdf = (): Uint8Array => {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return ascii(out);
};

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** The start of a JFIF JPEG: SOI, the APP0 segment, EOI. */
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);

/** `size` bytes that are a PDF by their content (the header), padded with spaces. */
const pdfOfSize = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(minimalPdf());
  return bytes;
};

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "student routes on %s",
  (_name, engine) => {
    let t: TestApp;
    let staff: Actor;
    beforeAll(async () => {
      t = await openTestApp(engine);
      const user = await t.runtime.runPromise(Users.use((u) => u.findByEmail(DEMO.staff.email)));
      staff = { kind: "staff", userId: user?.id ?? "" };
    });
    afterAll(async () => t?.dispose());

    const create = async (caller: Caller, schemes = ["erasmus", "idf"], body = BERLIN_SEMESTER) => {
      const r = await t.call(caller, "POST", "/api/applications", { situation: body, schemes });
      expect(r.status).toBe(201);
      return (await r.json()) as {
        id: string;
        situation: unknown;
        requests: { id: string; scheme: string; state: string; actions: string[] }[];
      };
    };

    const detail = async (caller: Caller, id: string, lang = "fr") => {
      const r = await t.call(caller, "GET", `/api/applications/${id}`, undefined, {
        "accept-language": lang,
      });
      expect(r.status).toBe(200);
      return (await r.json()) as {
        requests: { id: string; scheme: string; state: string; actions: string[] }[];
        eligibility: {
          schemes: { scheme: string; name: string; verdict: string }[];
          plan: { items: { scheme: string }[]; totalCents: number };
        };
        eligibilityAsOf: string;
        checklist: {
          id: string;
          label: string;
          schemes: string[];
          uploaded: boolean;
          documents: { id: string }[];
        }[];
        history: {
          action: string;
          actor: { kind: string; id?: string };
          entityType: string;
          entityId: string;
          reason: string | null;
        }[];
      };
    };

    const upload = (
      caller: Caller,
      applicationId: string,
      kind: string,
      bytes: Uint8Array,
      fileName: string,
      declaredType = "application/octet-stream",
    ) => {
      const form = new FormData();
      form.set("kind", kind);
      form.set(
        "file",
        new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: declaredType }),
      );
      return t.app.request(`/api/applications/${applicationId}/documents`, {
        method: "POST",
        headers: caller.headers,
        body: form,
      });
    };

    const expectProblem = async (r: Response, status: number) => {
      expect(r.status).toBe(status);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      const body = (await r.json()) as {
        status: number;
        type: string;
        title: string;
        detail?: string;
        otherApplicationId?: string;
      };
      expect(body.status).toBe(status);
      return body;
    };

    const byScheme = <T extends { scheme: string }>(xs: readonly T[], scheme: string) => {
      const x = xs.find((r) => r.scheme === scheme);
      if (!x) throw new Error(`no ${scheme} in ${JSON.stringify(xs)}`);
      return x;
    };

    it("carries a student from a simulation to a withdrawal: create, edit the draft, submit, review, withdraw", async () => {
      const me = await t.newStudent("journey@example.org");
      const app = await create(me);
      // the situation is stored exactly as submitted
      expect(app.situation).toEqual(BERLIN_SEMESTER);
      expect(app.requests.map((r) => [r.scheme, r.state])).toEqual([
        ["erasmus", "draft"],
        ["idf", "draft"],
      ]);
      expect(byScheme(app.requests, "erasmus").actions).toEqual(["submit", "withdraw"]);
      expect(app).not.toHaveProperty("studentId");

      const edited = await t.call(me, "PUT", `/api/applications/${app.id}`, {
        situation: semesterAt({ end: "2027-05-31" }),
      });
      expect(edited.status).toBe(200);
      const afterEdit = (await edited.json()) as { situation: { mobility: { end: string } } };
      expect(afterEdit.situation.mobility.end).toBe("2027-05-31");

      const list = await t.call(me, "GET", "/api/applications");
      expect(list.status).toBe(200);
      expect(((await list.json()) as { id: string }[]).map((a) => a.id)).toEqual([app.id]);

      const erasmus = byScheme(app.requests, "erasmus");
      const submitted = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${erasmus.id}/submit`,
      );
      expect(submitted.status).toBe(200);
      expect(await submitted.json()).toMatchObject({
        id: erasmus.id,
        state: "submitted",
        actions: ["withdraw"],
      });
      // no longer a draft: the situation is what the office reviews, and the student is told
      // why in their language
      const notEditable = await expectProblem(
        await t.call(me, "PUT", `/api/applications/${app.id}`, { situation: BERLIN_SEMESTER }),
        409,
      );
      expect(notEditable.detail).toBe(
        "Ce dossier ne peut plus être modifié : seul un brouillon peut l'être, et ses demandes sont à l'état « envoyée ».",
      );
      // submitting twice is a conflict, not a silent success
      const twice = await expectProblem(
        await t.call(me, "POST", `/api/applications/${app.id}/requests/${erasmus.id}/submit`),
        409,
      );
      expect(twice.detail).toBe(
        "Impossible d'envoyer cette demande : elle est à l'état « envoyée » ; c'est possible seulement à l'état « brouillon ».",
      );
      const inEnglish = await expectProblem(
        await t.call(
          { headers: { ...me.headers, "accept-language": "en" } },
          "POST",
          `/api/applications/${app.id}/requests/${erasmus.id}/submit`,
        ),
        409,
      );
      expect(inEnglish.detail).toBe(
        "Cannot submit this request: its state is “submitted”; this is possible only in the state “draft”.",
      );

      await t.runtime.runPromise(
        Applications.use((a) => a.decide(erasmus.id, { action: "start-review" }, staff)),
      );
      const reviewed = await detail(me, app.id);
      expect(byScheme(reviewed.requests, "erasmus")).toMatchObject({
        state: "under_review",
        actions: ["withdraw"],
      });
      expect(byScheme(reviewed.requests, "idf").state).toBe("draft");

      const withdrawn = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${erasmus.id}/withdraw`,
        { reason: "I found another grant" },
      );
      expect(withdrawn.status).toBe(200);
      expect(await withdrawn.json()).toMatchObject({ state: "withdrawn", actions: [] });
      await expectProblem(
        await t.call(me, "POST", `/api/applications/${app.id}/requests/${erasmus.id}/withdraw`),
        409,
      );

      // the history: every step, in order, by whom, with the reason
      const final = await detail(me, app.id);
      expect(final.history.map((e) => [e.action, e.actor.kind])).toEqual([
        ["create-application", "student"],
        ["update-draft", "student"],
        ["submit", "student"],
        ["start-review", "staff"],
        ["withdraw", "student"],
      ]);
      expect(final.history.at(-1)?.reason).toBe("I found another grant");
      // who in the office acted is not the student's to know
      expect(final.history.every((e) => e.actor.id === undefined)).toBe(true);
    });

    it("withdraws without a reason, and signs the grant agreement once approved", async () => {
      const me = await t.newStudent("signs@example.org");
      const app = await create(me);
      const [erasmus, idf] = [byScheme(app.requests, "erasmus"), byScheme(app.requests, "idf")];
      const withdrawn = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${idf.id}/withdraw`,
      );
      expect(withdrawn.status).toBe(200);
      expect(await withdrawn.json()).toMatchObject({ state: "withdrawn" });

      await t.call(me, "POST", `/api/applications/${app.id}/requests/${erasmus.id}/submit`);
      for (const action of ["start-review", "approve"] as const)
        await t.runtime.runPromise(
          Applications.use((a) => a.decide(erasmus.id, { action }, staff)),
        );
      const approved = await detail(me, app.id);
      expect(byScheme(approved.requests, "erasmus").actions).toEqual([
        "sign-agreement",
        "withdraw",
      ]);
      const signed = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${erasmus.id}/sign-agreement`,
      );
      expect(signed.status).toBe(200);
      expect(await signed.json()).toMatchObject({ state: "agreed" });
    });

    it("refuses an invalid application: no scheme, an unknown scheme, a bad situation", async () => {
      const me = await t.newStudent("invalid@example.org");
      const none = await expectProblem(
        await t.call(me, "POST", "/api/applications", { situation: BERLIN_SEMESTER, schemes: [] }),
        422,
      );
      expect(JSON.stringify(none)).toContain("schemes");
      await expectProblem(
        await t.call(me, "POST", "/api/applications", {
          situation: BERLIN_SEMESTER,
          schemes: ["no-such-scheme"],
        }),
        422,
      );
      const bad = await t.call(me, "POST", "/api/applications", {
        situation: {
          ...BERLIN_SEMESTER,
          mobility: { ...BERLIN_SEMESTER.mobility, start: "tomorrow" },
        },
        schemes: ["erasmus"],
      });
      const body = (await expectProblem(bad, 422)) as unknown as { errors: { path: string }[] };
      expect(body.errors.map((e) => e.path)).toContain("situation.mobility.start");
      expect(
        (await (await t.call(me, "GET", "/api/applications")).json()) as unknown[],
      ).toHaveLength(0);
    });

    it("shows the live eligibility of the requested schemes, in the caller's language", async () => {
      const me = await t.newStudent("eligibility@example.org");
      const app = await create(me);
      const fr = await detail(me, app.id, "fr");
      const en = await detail(me, app.id, "en-GB,en;q=0.9");
      expect(fr.eligibilityAsOf).toBe(TODAY);
      // only the requested schemes, not the three others the school offers
      expect(fr.eligibility.schemes.map((s) => s.scheme).sort()).toEqual(["erasmus", "idf"]);
      expect(fr.eligibility.plan.items.map((i) => i.scheme).sort()).toEqual(["erasmus", "idf"]);
      expect(byScheme(fr.eligibility.schemes, "idf")).toMatchObject({
        name: "Bourse Mobilité Île-de-France",
        verdict: "eligible",
      });
      expect(byScheme(en.eligibility.schemes, "idf").name).toBe("Île-de-France mobility grant");
      const la = (c: typeof fr) => c.checklist.find((i) => i.id === "learning-agreement")?.label;
      expect(la(fr)).toBe("Contrat pédagogique (Learning Agreement for Studies)");
      expect(la(en)).toBe("Learning Agreement for Studies");
    });

    it("lists each document of the requested schemes once, and marks the uploaded ones", async () => {
      const me = await t.newStudent("checklist@example.org");
      const app = await create(me, ["erasmus", "idf", "alumni"]);
      const before = await detail(me, app.id);
      // in the schemes' order; the bank details both idf and the alumni aid ask for, once
      expect(before.checklist.map((i) => i.id)).toEqual([
        "tax-notice",
        "bank-details",
        "acceptance-letter",
        "stay-report",
        "learning-agreement",
        "grant-agreement",
        "attendance-certificate",
        "participant-report",
        "crous-notification",
        "receipts",
      ]);
      expect(before.checklist.find((i) => i.id === "bank-details")?.schemes).toEqual([
        "idf",
        "alumni",
      ]);
      expect(before.checklist.every((i) => !i.uploaded)).toBe(true);

      const r = await upload(me, app.id, "learning-agreement", minimalPdf(), "LA.pdf");
      expect(r.status).toBe(201);
      const document = (await r.json()) as { id: string };
      const after = await detail(me, app.id);
      const la = after.checklist.find((i) => i.id === "learning-agreement");
      expect(la).toMatchObject({ uploaded: true, schemes: ["erasmus"] });
      expect(la?.documents.map((d) => d.id)).toEqual([document.id]);
      expect(after.checklist.filter((i) => i.uploaded).map((i) => i.id)).toEqual([
        "learning-agreement",
      ]);
      // the upload is in the history
      expect(after.history.map((e) => [e.action, e.entityType, e.entityId])).toContainEqual([
        "upload-document",
        "document",
        document.id,
      ]);

      // a kind that is not in the checklist is a field error
      const wrong = await upload(me, app.id, "passport", minimalPdf(), "passport.pdf");
      const problem = (await expectProblem(wrong, 422)) as unknown as {
        errors: { path: string }[];
      };
      expect(problem.errors.map((e) => e.path)).toEqual(["kind"]);
    });

    it("accepts a PDF, a PNG and a JPEG by their content, stores them under random names outside any served folder, and gives back the same bytes", async () => {
      const me = await t.newStudent("uploads@example.org");
      const app = await create(me);
      const files = [
        { bytes: minimalPdf(), name: "Learning agreement – signé.pdf", type: "application/pdf" },
        { bytes: PNG, name: "rib.png", type: "image/png" },
        { bytes: JPEG, name: "acceptance.jpg", type: "image/jpeg" },
      ];
      for (const [i, f] of files.entries()) {
        const kind = ["learning-agreement", "bank-details", "acceptance-letter"][i] as string;
        // the declared type and the name say nothing: the content decides
        const r = await upload(me, app.id, kind, f.bytes, f.name, "text/plain");
        expect(r.status).toBe(201);
        const meta = (await r.json()) as Record<string, unknown> & { id: string };
        expect(meta).toMatchObject({
          applicationId: app.id,
          kind,
          fileName: f.name,
          mediaType: f.type,
          sizeBytes: f.bytes.length,
        });
        expect(meta).not.toHaveProperty("storageKey");

        const stored = await t.runtime.runPromise(Documents.use((d) => d.get(app.id, meta.id)));
        const path = t.files.pathOf(stored.storageKey);
        expect(relative(t.filesDir, path)).toBe(basename(path));
        expect(basename(path)).toMatch(/^[A-Za-z0-9_-]{43}$/);
        for (const served of SERVED) expect(relative(served, path).startsWith("..")).toBe(true);
        expect(new Uint8Array(readFileSync(path))).toEqual(f.bytes);
        // nothing serves the store's folder
        expect((await t.call(me, "GET", `/${basename(path)}`)).status).toBe(404);

        const back = await t.call(me, "GET", `/api/applications/${app.id}/documents/${meta.id}`);
        expect(back.status).toBe(200);
        expect(back.headers.get("content-type")).toBe(f.type);
        expect(back.headers.get("x-content-type-options")).toBe("nosniff");
        const disposition = back.headers.get("content-disposition") ?? "";
        expect(disposition).toMatch(/^attachment; /);
        expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(f.name)}`);
        expect(new Uint8Array(await back.arrayBuffer())).toEqual(f.bytes);
      }
      const random = new Set(
        (await t.runtime.runPromise(Documents.use((d) => d.list(app.id)))).map((d) => d.id),
      );
      expect(random.size).toBe(3);
    });

    it("refuses a file whose content is not a PDF, a JPEG or a PNG, whatever its name", async () => {
      const me = await t.newStudent("fake@example.org");
      const app = await create(me);
      for (const [bytes, name, type] of [
        [ascii("just some text, not a PDF"), "learning-agreement.pdf", "application/pdf"],
        [ascii("<html><script>alert(1)</script></html>"), "scan.png", "image/png"],
        [Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "doc.jpg", "image/jpeg"],
        [new Uint8Array(0), "empty.pdf", "application/pdf"],
      ] as const) {
        const r = await upload(me, app.id, "learning-agreement", bytes, name, type);
        const problem = await expectProblem(r, 415);
        expect(problem.type).toMatch(/unsupported-media-type$/);
      }
      expect(await t.runtime.runPromise(Documents.use((d) => d.list(app.id)))).toHaveLength(0);
    });

    it("accepts 10 MiB and refuses 10 MiB + 1 byte with a 413", async () => {
      const me = await t.newStudent("large@example.org");
      const app = await create(me);
      const exact = await upload(
        me,
        app.id,
        "learning-agreement",
        pdfOfSize(MAX_DOCUMENT_BYTES),
        "big.pdf",
      );
      expect(exact.status).toBe(201);
      const over = await upload(
        me,
        app.id,
        "learning-agreement",
        pdfOfSize(MAX_DOCUMENT_BYTES + 1),
        "too-big.pdf",
      );
      await expectProblem(over, 413);
      expect(await t.runtime.runPromise(Documents.use((d) => d.list(app.id)))).toHaveLength(1);
    });

    /** A multipart-looking body of `total` bytes, produced only as it is read; `read()` says how far. */
    const lazyBody = (total: number) => {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= total) return controller.close();
          const n = Math.min(64 * 1024, total - sent);
          sent += n;
          controller.enqueue(new Uint8Array(n).fill(0x41));
        },
      });
      return { stream, read: () => sent };
    };

    it("refuses a body announced too large before reading it, and stops reading an unannounced one at the limit", async () => {
      const me = await t.newStudent("stream@example.org");
      const app = await create(me);
      const total = 50 * 1024 * 1024;
      const send = (body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
        t.app.request(`/api/applications/${app.id}/documents`, {
          method: "POST",
          headers: {
            ...me.headers,
            "content-type": "multipart/form-data; boundary=xyz",
            ...headers,
          },
          body,
          duplex: "half",
        } as RequestInit);

      const announced = lazyBody(total);
      await expectProblem(await send(announced.stream, { "content-length": String(total) }), 413);
      expect(announced.read()).toBeLessThanOrEqual(128 * 1024);

      const unannounced = lazyBody(total);
      await expectProblem(await send(unannounced.stream, {}), 413);
      expect(unannounced.read()).toBeLessThan(MAX_DOCUMENT_BYTES + 256 * 1024);
    });

    it("keeps a student out of another student's application: 404, like a missing one", async () => {
      const a = await t.newStudent("owner@example.org");
      const b = await t.newStudent("intruder@example.org");
      const app = await create(a);
      const req = byScheme(app.requests, "erasmus");
      const up = await upload(a, app.id, "learning-agreement", minimalPdf(), "la.pdf");
      const doc = (await up.json()) as { id: string };
      const bApp = await create(b, ["idf"]);
      const missing = "00000000-0000-4000-8000-000000000000";

      const attempts: [string, string, unknown?][] = [
        ["GET", `/api/applications/${app.id}`],
        ["PUT", `/api/applications/${app.id}`, { situation: semesterAt({ end: "2027-03-31" }) }],
        ["POST", `/api/applications/${app.id}/requests/${req.id}/submit`],
        ["POST", `/api/applications/${app.id}/requests/${req.id}/withdraw`, { reason: "x" }],
        ["GET", `/api/applications/${app.id}/documents/${doc.id}`],
        // A's request or document under B's own application
        ["POST", `/api/applications/${bApp.id}/requests/${req.id}/submit`],
        ["POST", `/api/applications/${bApp.id}/requests/${req.id}/withdraw`],
        ["GET", `/api/applications/${bApp.id}/documents/${doc.id}`],
      ];
      for (const [method, path, body] of attempts) {
        const r = await t.call(b, method, path, body);
        const problem = await expectProblem(r, 404);
        // indistinguishable from an id that does not exist
        const ghost = path
          .replace(app.id, missing)
          .replace(req.id, missing)
          .replace(doc.id, missing);
        const other = await t.call(b, method, ghost, body);
        expect(other.status).toBe(404);
        expect(await other.json()).toEqual(problem);
      }
      await expectProblem(
        await upload(b, app.id, "learning-agreement", minimalPdf(), "x.pdf"),
        404,
      );
      await expectProblem(
        await upload(b, missing, "learning-agreement", minimalPdf(), "x.pdf"),
        404,
      );
      // refused before B's body is read, not after receiving it
      const body = lazyBody(5 * 1024 * 1024);
      const early = await t.app.request(`/api/applications/${app.id}/documents`, {
        method: "POST",
        headers: { ...b.headers, "content-type": "multipart/form-data; boundary=xyz" },
        body: body.stream,
        duplex: "half",
      } as RequestInit);
      await expectProblem(early, 404);
      expect(body.read()).toBeLessThanOrEqual(128 * 1024);

      // and nothing of A's changed
      const mine = await detail(a, app.id);
      expect(mine.requests.map((r) => r.state)).toEqual(["draft", "draft"]);
      expect(mine.checklist.find((i) => i.id === "learning-agreement")?.documents).toHaveLength(1);
      expect(mine.history.map((e) => e.action)).toEqual(["create-application", "upload-document"]);
      const listOfB = (await (await t.call(b, "GET", "/api/applications")).json()) as {
        id: string;
      }[];
      expect(listOfB.map((x) => x.id)).toEqual([bApp.id]);
    });

    it("answers 401 to nobody, 403 to staff, and 403 to a write without the CSRF token", async () => {
      const me = await t.newStudent("csrf@example.org");
      const app = await create(me);
      const cookieOnly: Caller = { headers: { cookie: me.headers.cookie ?? "" } };
      const csrf = await expectProblem(
        await t.call(cookieOnly, "POST", "/api/applications", {
          situation: BERLIN_SEMESTER,
          schemes: ["erasmus"],
        }),
        403,
      );
      expect(csrf.type).toMatch(/csrf$/);
      await expectProblem(
        await t.call(cookieOnly, "PUT", `/api/applications/${app.id}`, {
          situation: BERLIN_SEMESTER,
        }),
        403,
      );
      await expectProblem(
        await upload(cookieOnly, app.id, "learning-agreement", minimalPdf(), "la.pdf"),
        403,
      );
      expect(
        (await (await t.call(me, "GET", "/api/applications")).json()) as unknown[],
      ).toHaveLength(1);

      await expectProblem(await t.call({ headers: {} }, "GET", "/api/applications"), 401);
      await expectProblem(await t.call({ headers: {} }, "GET", "/api/me/export"), 401);
      const office = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      await expectProblem(await t.call(office, "GET", "/api/applications"), 403);
      await expectProblem(await t.call(office, "GET", `/api/applications/${app.id}`), 403);
      await expectProblem(
        await upload(office, app.id, "learning-agreement", minimalPdf(), "la.pdf"),
        403,
      );
    });

    it("refuses to submit the same scheme twice for one stay, naming the other application, and shows the office both", async () => {
      const me = await t.newStudent("twice@example.org");
      const first = await create(me, ["erasmus"]);
      const firstErasmus = byScheme(first.requests, "erasmus");
      await t.call(me, "POST", `/api/applications/${first.id}/requests/${firstErasmus.id}/submit`);
      const second = await create(
        me,
        ["erasmus", "idf"],
        semesterAt({ start: "2027-06-01", end: "2027-08-31" }),
      );
      const submitSecond = (scheme: string, lang: string) =>
        t.call(
          me,
          "POST",
          `/api/applications/${second.id}/requests/${byScheme(second.requests, scheme).id}/submit`,
          undefined,
          { "accept-language": lang },
        );
      const fr = await expectProblem(await submitSecond("erasmus", "fr"), 409);
      expect(fr.type).toBe("https://envol.telecom-paris.fr/problems/overlapping-request");
      expect(fr.title).toBe("Ce séjour fait déjà l'objet d'une demande");
      // the scheme by its name, the other stay by its dates in words; its id only as a link
      expect(fr.detail).toMatch(
        /^Cette demande Erasmus\+ .+ ne peut pas être déposée : votre candidature pour le séjour du 1er février 2027 au 30 juin 2027, qui chevauche celui-ci, a déjà une demande Erasmus\+ .+ à l'état « envoyée »\. Un même séjour ne peut pas être financé deux fois par la même aide\.$/,
      );
      expect(fr.detail).not.toContain(first.id);
      expect(fr.otherApplicationId).toBe(first.id);
      const en = await expectProblem(await submitSecond("erasmus", "en"), 409);
      expect(en.title).toBe("This stay has already been applied for");
      expect(en.detail).toContain(
        "your application for the stay from 1 February 2027 to 30 June 2027, which overlaps this one",
      );
      expect(en.otherApplicationId).toBe(first.id);
      // another scheme on the same stay is another grant
      expect((await submitSecond("idf", "en")).status).toBe(200);
      expect(byScheme((await detail(me, second.id)).requests, "erasmus").state).toBe("draft");

      // the office sees, on either application, the other one's requests
      const office = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      const staffView = async (id: string) => {
        const r = await t.call(office, "GET", `/api/staff/applications/${id}`);
        expect(r.status).toBe(200);
        return ((await r.json()) as { overlapping: unknown[] }).overlapping;
      };
      expect(await staffView(second.id)).toEqual([
        {
          applicationId: first.id,
          requestId: firstErasmus.id,
          scheme: "erasmus",
          state: "submitted",
          startDate: "2027-02-01",
          endDate: "2027-06-30",
        },
      ]);
      expect(await staffView(first.id)).toEqual([
        expect.objectContaining({ applicationId: second.id, scheme: "erasmus", state: "draft" }),
        expect.objectContaining({ applicationId: second.id, scheme: "idf", state: "submitted" }),
      ]);
    });

    it("exports all of the student's data, and nothing of another student", async () => {
      const a = await t.newStudent("export-a@example.org");
      const b = await t.newStudent("export-b@example.org");
      const appA = await create(a);
      const erasmusA = byScheme(appA.requests, "erasmus");
      await t.call(a, "POST", `/api/applications/${appA.id}/requests/${erasmusA.id}/submit`);
      const docA = (await (
        await upload(a, appA.id, "learning-agreement", minimalPdf(), "la-a.pdf")
      ).json()) as { id: string };
      const appB = await create(b, ["erasmus"]);
      const erasmusB = byScheme(appB.requests, "erasmus");
      await t.call(b, "POST", `/api/applications/${appB.id}/requests/${erasmusB.id}/submit`);
      const docB = (await (
        await upload(b, appB.id, "learning-agreement", minimalPdf(), "la-b.pdf")
      ).json()) as { id: string };

      const r = await t.call(a, "GET", "/api/me/export");
      expect(r.status).toBe(200);
      expect(r.headers.get("content-disposition")).toBe('attachment; filename="envol-export.json"');
      const text = await r.text();
      const data = JSON.parse(text) as {
        account: { id: string; email: string };
        applications: {
          id: string;
          situation: unknown;
          requests: { id: string; state: string }[];
        }[];
        documents: { id: string; fileName: string }[];
        history: { action: string; entityId: string }[];
        notifications: { topic: string; subject: string }[];
      };
      expect(data.account).toMatchObject({ id: a.userId, email: "export-a@example.org" });
      expect(data.account).not.toHaveProperty("passwordHash");
      expect(data.applications.map((x) => x.id)).toEqual([appA.id]);
      expect(data.applications[0]?.situation).toEqual(BERLIN_SEMESTER);
      expect(data.applications[0]?.requests.map((x) => [x.id, x.state]).sort()).toEqual(
        [
          [erasmusA.id, "submitted"],
          [byScheme(appA.requests, "idf").id, "draft"],
        ].sort(),
      );
      expect(data.documents.map((d) => [d.id, d.fileName])).toEqual([[docA.id, "la-a.pdf"]]);
      expect(data.history.map((e) => e.action)).toEqual([
        "create-application",
        "submit",
        "upload-document",
      ]);
      expect(data.notifications.map((n) => n.topic)).toEqual(["request.submit"]);
      for (const foreign of [b.userId, "export-b@example.org", appB.id, erasmusB.id, docB.id])
        expect(text).not.toContain(foreign);
    });
  },
);

describe("the file store", () => {
  it("refuses a folder inside a served one, or containing it", () => {
    expect(() =>
      directoryFileStore(resolve(REPO, "apps/web/dist/files"), {
        notUnder: [resolve(REPO, "apps/web/dist")],
      }),
    ).toThrow(FilesDirServed);
    expect(() =>
      directoryFileStore(resolve(REPO, "apps"), { notUnder: [resolve(REPO, "apps/web/dist")] }),
    ).toThrow(FilesDirServed);
    expect(() =>
      directoryFileStore(resolve(REPO, "data/files"), {
        notUnder: [resolve(REPO, "apps/web/dist")],
      }),
    ).not.toThrow();
  });
});
