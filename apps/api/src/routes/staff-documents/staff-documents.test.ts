import { Applications, Database, Documents, recordAudit, Users } from "@envol/db";
import { BERLIN_SEMESTER, testEngines } from "@envol/db/testing";
import type { Actor } from "@envol/domain";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp, TODAY } from "../../testing/test-app.ts";

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

interface Item {
  id: string;
  label: string;
  due: string;
  uploaded: boolean;
}

interface Detail {
  checklist: Item[];
  documents: { id: string; kind: string; label: string; reviewedAt: string | null }[];
  documentRequests: {
    id: string;
    kind: string;
    label: string;
    dueDate: string;
    answeredBy: string | null;
    overdue: boolean;
  }[];
  history: { action: string }[];
}

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "documents: labels, office requests, reviews on %s",
  (_name, engine) => {
    let t: TestApp;
    let office: Caller;
    let staff: Actor;
    beforeAll(async () => {
      t = await openTestApp(engine);
      office = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      const user = await t.runtime.runPromise(Users.use((u) => u.findByEmail(DEMO.staff.email)));
      staff = { kind: "staff", userId: user?.id ?? "" };
    });
    afterAll(async () => t?.dispose());

    const apply = async (me: Caller, schemes = ["erasmus", "idf"]) => {
      const r = await t.call(me, "POST", "/api/applications", {
        situation: BERLIN_SEMESTER,
        schemes,
      });
      expect(r.status).toBe(201);
      return (await r.json()) as { id: string; requests: { id: string; scheme: string }[] };
    };

    const upload = async (me: Caller, applicationId: string, kind: string, name: string) => {
      const form = new FormData();
      form.set("kind", kind);
      form.set("file", new File([PNG as Uint8Array<ArrayBuffer>], name, { type: "image/png" }));
      const r = await t.app.request(`/api/applications/${applicationId}/documents`, {
        method: "POST",
        headers: me.headers,
        body: form,
      });
      expect(r.status).toBe(201);
      return (await r.json()) as { id: string; label: string; reviewedAt: string | null };
    };

    const officeView = async (id: string, lang = "fr") => {
      const r = await t.call(office, "GET", `/api/staff/applications/${id}`, undefined, {
        "accept-language": lang,
      });
      expect(r.status).toBe(200);
      return (await r.json()) as Detail;
    };

    const studentView = async (me: Caller, id: string, lang = "fr") => {
      const r = await t.call(me, "GET", `/api/applications/${id}`, undefined, {
        "accept-language": lang,
      });
      expect(r.status).toBe(200);
      return (await r.json()) as Detail;
    };

    it("shows the office and the student each document by its label, and what is missing before departure and after return", async () => {
      const me = await t.newStudent("labels@example.org");
      const app = await apply(me);
      const sent = await upload(me, app.id, "bank-details", "rib.png");
      expect(sent.label).toBe("RIB");
      expect(sent.reviewedAt).toBeNull();

      const fr = await officeView(app.id, "fr");
      expect(fr.documents.map((d) => [d.kind, d.label])).toEqual([["bank-details", "RIB"]]);
      const en = await officeView(app.id, "en");
      expect(en.documents[0]?.label).toBe("Bank details (RIB)");

      const missing = (items: Item[], due: string) =>
        items.filter((i) => !i.uploaded && i.due === due).map((i) => i.id);
      // the reports and the attendance certificate come after the stay, the rest before it
      expect(missing(fr.checklist, "after-return").sort()).toEqual([
        "attendance-certificate",
        "participant-report",
        "stay-report",
      ]);
      expect(missing(fr.checklist, "before-departure")).toContain("learning-agreement");
      expect(missing(fr.checklist, "before-departure")).not.toContain("bank-details");
      const mine = await studentView(me, app.id);
      expect(mine.checklist).toEqual(fr.checklist.map((i) => expect.objectContaining(i)));
    });

    it("lets the office ask for a document: the student sees it until an upload of its kind answers it", async () => {
      const me = await t.newStudent("asked@example.org");
      const app = await apply(me);
      const asked = await t.call(
        office,
        "POST",
        `/api/staff/applications/${app.id}/document-requests`,
        {
          kind: "tax-notice",
          message: "Merci de déposer l'avis d'imposition 2026.",
          dueDate: "2027-01-15",
        },
      );
      expect(asked.status).toBe(201);
      const request = (await asked.json()) as Detail["documentRequests"][number];
      expect(request).toMatchObject({
        kind: "tax-notice",
        dueDate: "2027-01-15",
        answeredBy: null,
      });
      expect(request.label).toMatch(/avis d'imposition/i);

      const before = await studentView(me, app.id);
      expect(before.documentRequests.map((r) => [r.id, r.answeredBy])).toEqual([
        [request.id, null],
      ]);
      expect((await officeView(app.id)).history.map((e) => e.action)).toContain("request-document");

      const answer = await upload(me, app.id, "tax-notice", "avis-2026.png");
      const after = await officeView(app.id);
      expect(after.documentRequests).toEqual([
        expect.objectContaining({ id: request.id, answeredBy: answer.id, overdue: false }),
      ]);

      const exported = await t.call(me, "GET", "/api/me/export");
      expect(((await exported.json()) as Detail).documentRequests.map((r) => r.id)).toEqual([
        request.id,
      ]);

      // deleting the answer opens the request again
      const deleted = await t.call(
        me,
        "DELETE",
        `/api/applications/${app.id}/documents/${answer.id}`,
      );
      expect(deleted.status).toBe(204);
      expect((await officeView(app.id)).documentRequests[0]?.answeredBy).toBeNull();
    });

    it("keeps a request answered when the student replaces its answer (uploads another, deletes the first)", async () => {
      const me = await t.newStudent("replaced@example.org");
      const app = await apply(me, ["idf"]);
      await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${app.requests[0]?.id}/submit`,
      );
      const asked = await t.call(
        office,
        "POST",
        `/api/staff/applications/${app.id}/document-requests`,
        {
          kind: "tax-notice",
          message: "Avis d'imposition, s'il vous plaît.",
          dueDate: "2027-01-15",
        },
      );
      expect(asked.status).toBe(201);
      const first = await upload(me, app.id, "tax-notice", "avis-flou.png");
      const second = await upload(me, app.id, "tax-notice", "avis.png");
      const del = (id: string) =>
        t.call(me, "DELETE", `/api/applications/${app.id}/documents/${id}`);
      expect((await del(first.id)).status).toBe(204);
      // the request now points to the upload that remains, and is no next step
      expect((await officeView(app.id)).documentRequests[0]?.answeredBy).toBe(second.id);
      const steps = async () =>
        (
          (await (await t.call(me, "GET", "/api/me/next-steps")).json()) as {
            items: { kind: string }[];
          }
        ).items.filter((i) => i.kind === "document-request");
      expect(await steps()).toEqual([]);
      // with no upload of its kind left, it is open again
      expect((await del(second.id)).status).toBe(204);
      expect((await officeView(app.id)).documentRequests[0]?.answeredBy).toBeNull();
      expect(await steps()).toHaveLength(1);
    });

    it("refuses a bad request in the reader's words: the due date in long form, the kinds by label", async () => {
      const me = await t.newStudent("worded-ask@example.org");
      const app = await apply(me, ["idf"]);
      const ask = async (body: object, lang: string) => {
        const r = await t.call(
          office,
          "POST",
          `/api/staff/applications/${app.id}/document-requests`,
          body,
          { "accept-language": lang },
        );
        expect(r.status).toBe(422);
        return ((await r.json()) as { errors: { path: string; message: string }[] }).errors[0];
      };
      const past = { kind: "bank-details", message: "RIB", dueDate: "2026-11-25" };
      expect(await ask(past, "fr")).toEqual({
        path: "dueDate",
        message: "doit être aujourd'hui (26 novembre 2026) ou plus tard",
      });
      expect((await ask(past, "en"))?.message).toBe("must be today (26 November 2026) or later");
      const unknown = { kind: "passport", message: "Passeport", dueDate: "2027-01-15" };
      const fr = await ask(unknown, "fr");
      expect(fr?.path).toBe("kind");
      expect(fr?.message).toMatch(/^n'est pas demandé pour cette candidature/);
      expect(fr?.message).toContain("RIB");
      expect(fr?.message).not.toContain("bank-details");
      expect((await ask(unknown, "en"))?.message).toMatch(/^is not asked for this application/);
    });

    it("lists no document steps for a request still in draft", async () => {
      const me = await t.newStudent("draft-steps@example.org");
      const app = await apply(me, ["erasmus", "idf"]);
      const idf = app.requests.find((r) => r.scheme === "idf")?.id ?? "";
      await t.call(me, "POST", `/api/applications/${app.id}/requests/${idf}/submit`);
      const alone = await apply(await t.newStudent("idf-alone@example.org"), ["idf"]);
      const idfOnly = (await officeView(alone.id)).checklist.map((i) => i.id).sort();
      const r = await t.call(me, "GET", "/api/me/next-steps");
      const { items } = (await r.json()) as { items: { kind: string; id: string }[] };
      // erasmus is not sent: its own documents (the learning agreement…) are not due yet
      expect(
        items
          .filter((i) => i.kind === "document")
          .map((i) => i.id)
          .sort(),
      ).toEqual(idfOnly);
    });

    it("names the office's request by its label in the next steps, whichever request the document is for", async () => {
      const me = await t.newStudent("asked-label@example.org");
      const app = await apply(me);
      const erasmus = app.requests.find((r) => r.scheme === "erasmus")?.id;
      // only Erasmus+ is sent: the RIB is the Île-de-France grant's document
      await t.call(me, "POST", `/api/applications/${app.id}/requests/${erasmus}/submit`);
      const asked = await t.call(
        office,
        "POST",
        `/api/staff/applications/${app.id}/document-requests`,
        {
          kind: "bank-details",
          message: "Merci de joindre votre RIB.",
          dueDate: "2026-12-15",
        },
      );
      expect(asked.status).toBe(201);
      const { items } = (await (await t.call(me, "GET", "/api/me/next-steps")).json()) as {
        items: { kind: string; applicationId: string; label: string }[];
      };
      expect(
        items.filter((i) => i.kind === "document-request" && i.applicationId === app.id),
      ).toEqual([expect.objectContaining({ label: "RIB" })]);
    });

    it("says a document due before a departure already past is late", async () => {
      const me = await t.newStudent("late-documents@example.org");
      const begun = {
        ...BERLIN_SEMESTER,
        mobility: { ...BERLIN_SEMESTER.mobility, start: "2026-11-02", end: "2027-03-31" },
      };
      const created = await t.call(me, "POST", "/api/applications", {
        situation: begun,
        schemes: ["idf"],
      });
      expect(created.status).toBe(201);
      const app = (await created.json()) as { id: string; requests: { id: string }[] };
      await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${app.requests[0]?.id}/submit`,
      );
      const { items } = (await (await t.call(me, "GET", "/api/me/next-steps")).json()) as {
        items: { kind: string; applicationId: string; due: string; overdue: boolean }[];
      };
      const documents = items.filter((i) => i.kind === "document" && i.applicationId === app.id);
      expect(documents.length).toBeGreaterThan(0);
      // the stay began on 2 November, before the test's today (26 November): late
      for (const d of documents) expect(d.overdue).toBe(d.due === "before-departure");
      expect(documents.some((d) => d.overdue)).toBe(true);
    });

    it("keeps the office's override and its dismissed flags out of the student's history, which the office still reads", async () => {
      const me = await t.newStudent("overridden@example.org");
      const app = await apply(me, ["idf"]);
      const idf = app.requests[0]?.id ?? "";
      await t.call(me, "POST", `/api/applications/${app.id}/requests/${idf}/submit`);
      const estimate =
        (
          (await studentView(me, app.id)) as unknown as {
            requests: { estimatedCents: number }[];
          }
        ).requests[0]?.estimatedCents ?? 0;
      await t.runtime.runPromise(
        Applications.use((a) => a.decide(idf, { action: "start-review" }, staff)),
      );
      await t.runtime.runPromise(
        Applications.use((a) =>
          a.decide(
            idf,
            {
              action: "approve",
              amountCents: estimate + 10_000,
              override: { reason: "Vote du jury", grounds: ["above-estimate"] },
            },
            staff,
          ),
        ),
      );
      await t.runtime.runPromise(
        Database.use(({ db }) =>
          Effect.promise(() =>
            recordAudit(db, {
              at: new Date(),
              actor: staff,
              action: "dismiss-flag",
              entityType: "scheme_request",
              entityId: idf,
              after: { approvedCents: estimate + 10_000 },
              reason: "Écart sans conséquence",
            }),
          ),
        ),
      );
      const office = (await officeView(app.id)).history as unknown as {
        action: string;
        reason: string | null;
        after: Record<string, unknown> | null;
      }[];
      expect(office.find((e) => e.action === "approve")?.after).toHaveProperty("override");
      expect(office.map((e) => e.action)).toContain("dismiss-flag");
      const mine = (await studentView(me, app.id)).history as unknown as typeof office;
      const approval = mine.find((e) => e.action === "approve");
      expect(approval?.reason).toBeNull();
      expect(approval?.after).not.toHaveProperty("override");
      expect(approval?.after).toMatchObject({ approvedCents: estimate + 10_000 });
      expect(JSON.stringify(mine)).not.toContain("Vote du jury");
      expect(mine.map((e) => e.action)).not.toContain("dismiss-flag");
    });

    it("says a request still open after its due date is overdue", async () => {
      const me = await t.newStudent("late@example.org");
      const app = await apply(me, ["idf"]);
      const student = await t.runtime.runPromise(
        Users.use((u) => u.findByEmail("late@example.org")),
      );
      await t.runtime.runPromise(
        Documents.use((d) =>
          d.request({
            applicationId: app.id,
            kind: "bank-details",
            label: { fr: "RIB", en: "Bank details (RIB)" },
            message: "RIB ?",
            dueDate: "2026-11-20",
            actor: { kind: "staff", userId: staff.kind === "staff" ? staff.userId : "" },
            student: { email: student?.email ?? "", lang: "fr" },
          }),
        ),
      );
      expect((await officeView(app.id)).documentRequests[0]).toMatchObject({
        overdue: true,
        label: "RIB",
      });
    });

    it("refuses a request for a document outside the checklist, or due before today, naming the field", async () => {
      const me = await t.newStudent("refused-ask@example.org");
      const app = await apply(me, ["idf"]);
      const ask = (body: object) =>
        t.call(office, "POST", `/api/staff/applications/${app.id}/document-requests`, body);
      const unknown = await ask({ kind: "passport", message: "Passeport", dueDate: "2027-01-15" });
      expect(unknown.status).toBe(422);
      expect(JSON.stringify(await unknown.json())).toContain('"path":"kind"');
      const past = await ask({ kind: "bank-details", message: "RIB", dueDate: "2026-11-25" });
      expect(past.status).toBe(422);
      expect(JSON.stringify(await past.json())).toContain('"path":"dueDate"');
      const empty = await ask({ kind: "bank-details", message: "  ", dueDate: TODAY });
      expect(empty.status).toBe(422);
      expect(JSON.stringify(await empty.json())).toContain("message");
    });

    it("lets a student delete an upload until the office has reviewed it, then says why not (409)", async () => {
      const me = await t.newStudent("reviewed@example.org");
      const app = await apply(me, ["idf"]);
      const first = await upload(me, app.id, "bank-details", "rib-flou.png");
      const second = await upload(me, app.id, "bank-details", "rib.png");
      expect(
        (await t.call(me, "DELETE", `/api/applications/${app.id}/documents/${first.id}`)).status,
      ).toBe(204);

      const reviewed = await t.call(
        office,
        "POST",
        `/api/staff/applications/${app.id}/documents/${second.id}/review`,
      );
      expect(reviewed.status).toBe(200);
      expect(await reviewed.json()).toMatchObject({
        id: second.id,
        label: "RIB",
        reviewedAt: expect.any(String),
      });

      const refused = await t.call(
        me,
        "DELETE",
        `/api/applications/${app.id}/documents/${second.id}`,
        undefined,
        {
          "accept-language": "fr",
        },
      );
      expect(refused.status).toBe(409);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      const body = (await refused.json()) as { type: string; detail: string };
      expect(body.type).toContain("document-reviewed");
      expect(body.detail).toContain("« rib.png »");
      expect(body.detail).toContain("déjà examiné");

      // another student's document is not found, like a missing one
      const other = await t.newStudent("not-mine@example.org");
      expect(
        (await t.call(other, "DELETE", `/api/applications/${app.id}/documents/${second.id}`))
          .status,
      ).toBe(404);
      const history = (await officeView(app.id)).history.map((e) => e.action);
      expect(history).toContain("review-document");
      // the deleted upload stays in the history: sent, then deleted, with the kept one's upload
      expect(history.filter((a) => a === "upload-document")).toHaveLength(2);
      expect(history).toContain("delete-document");
      expect((await officeView(app.id)).documents.map((d) => d.id)).toEqual([second.id]);
    });

    it("shows the agreement with its amounts before signing, and the same text once signed", async () => {
      const me = await t.newStudent("agreement@example.org");
      const app = await apply(me, ["idf"]);
      const idf = app.requests[0]?.id ?? "";
      const path = `/api/applications/${app.id}/requests/${idf}/agreement`;
      expect((await t.call(me, "GET", path)).status).toBe(409);

      await t.call(me, "POST", `/api/applications/${app.id}/requests/${idf}/submit`);
      for (const action of ["start-review", "approve"] as const)
        await t.runtime.runPromise(Applications.use((a) => a.decide(idf, { action }, staff)));
      const shown = await t.call(me, "GET", path, undefined, { "accept-language": "fr" });
      expect(shown.status).toBe(200);
      const before = (await shown.json()) as {
        approvedCents: number;
        advanceCents: number;
        balanceCents: number;
        text: string[];
        signedAt: string | null;
      };
      expect(before.signedAt).toBeNull();
      expect(before.advanceCents + before.balanceCents).toBe(before.approvedCents);
      expect(before.text.join(" ")).toContain("du 1er février 2027 au 30 juin 2027");

      const signed = await t.call(
        me,
        "POST",
        `/api/applications/${app.id}/requests/${idf}/sign-agreement`,
      );
      expect(signed.status).toBe(200);
      const after = (await (
        await t.call(me, "GET", path, undefined, { "accept-language": "fr" })
      ).json()) as typeof before;
      expect(after.signedAt).toEqual(expect.any(String));
      expect(after.text).toEqual(before.text);
      expect(after.approvedCents).toBe(before.approvedCents);
      const english = (await (
        await t.call(me, "GET", path, undefined, { "accept-language": "en" })
      ).json()) as typeof before;
      expect(english.text[0]).toMatch(/^Grant agreement: /);
    });

    it("lists the student's next steps: documents with their dates, the office's requests, the signature and the payments", async () => {
      const me = await t.newStudent("next@example.org");
      const app = await apply(me, ["idf"]);
      const idf = app.requests[0]?.id ?? "";
      await t.call(me, "POST", `/api/applications/${app.id}/requests/${idf}/submit`);
      for (const action of ["start-review", "approve"] as const)
        await t.runtime.runPromise(Applications.use((a) => a.decide(idf, { action }, staff)));
      await t.call(office, "POST", `/api/staff/applications/${app.id}/document-requests`, {
        kind: "bank-details",
        message: "RIB à jour, s'il vous plaît.",
        dueDate: "2027-01-10",
      });
      const r = await t.call(me, "GET", "/api/me/next-steps", undefined, {
        "accept-language": "fr",
      });
      expect(r.status).toBe(200);
      const { items } = (await r.json()) as {
        items: {
          kind: string;
          id?: string;
          date?: string | null;
          instalment?: string;
          amountCents?: number;
          due?: string;
        }[];
      };
      const kinds = items.map((i) => i.kind);
      expect(kinds.slice(0, 2)).toEqual(["sign-agreement", "payment"]);
      const advance = items.find((i) => i.instalment === "advance");
      const balance = items.find((i) => i.instalment === "balance");
      expect(advance?.date).toBeNull();
      expect(balance?.date).toBe("2027-06-30");
      const approved = (await studentView(me, app.id)) as unknown as {
        requests: { approvedCents: number }[];
      };
      expect((advance?.amountCents ?? 0) + (balance?.amountCents ?? 0)).toBe(
        approved.requests[0]?.approvedCents,
      );
      expect(items.find((i) => i.kind === "document-request")).toMatchObject({
        date: "2027-01-10",
      });
      expect(items.find((i) => i.id === "stay-report")).toMatchObject({
        due: "after-return",
        date: "2027-06-30",
      });
      expect(items.find((i) => i.id === "bank-details" && i.kind === "document")).toMatchObject({
        due: "before-departure",
        date: "2027-02-01",
      });
      const dates = items.flatMap((i) => (i.date ? [i.date] : []));
      expect(dates).toEqual([...dates].sort());
    });
  },
);
