import { randomUUID } from "node:crypto";
import {
  type Actor,
  type Applicant,
  documentRequestMessage,
  type Lang,
  type Text,
} from "@envol/domain";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { Context, Data, DateTime, Effect, Layer } from "effect";
import { recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import { applications, documentRequests, documents, outbox } from "./schema/index.ts";
import { tagged, transact } from "./transact.ts";

/** A document's metadata as the student and staff read it: never where its bytes are kept. */
export interface DocumentView {
  readonly id: string;
  readonly applicationId: string;
  /** The checklist item it answers ("learning-agreement"). */
  readonly kind: string;
  /** The name the student's file had, for display only: the bytes are stored under another. */
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  /** When the office marked it reviewed (null: not yet, and the student may still replace it). */
  readonly reviewedAt: string | null;
}

/** The office asking the student for a document, open until an upload of its kind answers it. */
export interface DocumentRequestView {
  readonly id: string;
  readonly applicationId: string;
  /** The checklist item asked for. */
  readonly kind: string;
  readonly message: string;
  /** The date the office wants it by (ISO). */
  readonly dueDate: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** The upload that answered it, and when; null while it is open. */
  readonly answeredBy: string | null;
  readonly answeredAt: string | null;
}

/** A document with the key of its bytes in the file store, for the one who serves them. */
export interface StoredDocument extends DocumentView {
  readonly storageKey: string;
}

/** No document with this id in this application (or not one the actor may see). */
export class DocumentNotFound extends Data.TaggedError("DocumentNotFound")<{
  readonly applicationId: string;
  readonly id: string;
}> {
  override get message(): string {
    return `no document ${this.id} in application ${this.applicationId}`;
  }
}

const view = (d: typeof documents.$inferSelect): DocumentView => ({
  id: d.id,
  applicationId: d.applicationId,
  kind: d.kind,
  fileName: d.fileName,
  mediaType: d.mediaType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  uploadedBy: d.uploadedBy,
  uploadedAt: d.uploadedAt.toISOString(),
  reviewedAt: d.reviewedAt ? d.reviewedAt.toISOString() : null,
});

const requestView = (r: typeof documentRequests.$inferSelect): DocumentRequestView => ({
  id: r.id,
  applicationId: r.applicationId,
  kind: r.kind,
  message: r.message,
  dueDate: r.dueDate,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  answeredBy: r.answeredBy,
  answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
});

/** The office reviewed this document: its student can no longer replace or delete it. */
export class DocumentReviewed extends Data.TaggedError("DocumentReviewed")<{
  readonly applicationId: string;
  readonly id: string;
  readonly fileName: string;
  readonly reviewedAt: string;
}> {
  override get message(): string {
    return `document ${this.id} of application ${this.applicationId} was reviewed by the office at ${this.reviewedAt}`;
  }

  explain(lang: Lang): string {
    return {
      fr: `Le service des relations internationales a déjà examiné « ${this.fileName} » : il ne peut plus être remplacé ni supprimé. Pour le corriger, déposez un nouveau document et prévenez le service.`,
      en: `The international relations office has already reviewed "${this.fileName}": it can no longer be replaced or deleted. To correct it, upload a new document and tell the office.`,
    }[lang];
  }
}

/** How much one application may hold: documents, and their bytes in all. */
export interface DocumentQuota {
  readonly maxDocuments: number;
  readonly maxBytes: number;
}

/** `bytes` as a person reads them: "1000 octets", "50 Mio". */
const sizeText = (bytes: number, lang: Lang) => {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1)
    return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} ${{ fr: "Mio", en: "MiB" }[lang]}`;
  return `${bytes} ${{ fr: "octets", en: "bytes" }[lang]}`;
};

/** The application already holds as many documents, or as many bytes, as its quota allows. */
export class DocumentQuotaExceeded extends Data.TaggedError("DocumentQuotaExceeded")<{
  readonly applicationId: string;
  readonly quota: DocumentQuota;
  readonly documents: number;
  readonly bytes: number;
}> {
  /** Which limit the new document would pass. */
  get limit(): "documents" | "bytes" {
    return this.documents >= this.quota.maxDocuments ? "documents" : "bytes";
  }

  override get message(): string {
    return `application ${this.applicationId} is full: ${this.documents} documents, ${this.bytes} bytes (quota ${this.quota.maxDocuments} documents, ${this.quota.maxBytes} bytes)`;
  }

  explain(lang: Lang): string {
    const { maxDocuments, maxBytes } = this.quota;
    if (this.limit === "documents")
      return {
        fr: `Un dossier peut contenir ${maxDocuments} documents au plus ; celui-ci en a ${this.documents}.`,
        en: `An application may hold ${maxDocuments} documents at most; this one has ${this.documents}.`,
      }[lang];
    const left = sizeText(Math.max(0, maxBytes - this.bytes), lang);
    return {
      fr: `Les documents d'un dossier peuvent peser ${sizeText(maxBytes, lang)} en tout ; il en reste ${left} pour celui-ci.`,
      en: `An application's documents may weigh ${sizeText(maxBytes, lang)} in all; ${left} are left for this one.`,
    }[lang];
  }
}

/**
 * The metadata of uploaded documents (the bytes live in a file store, outside any served
 * folder, under `storageKey`). Who may see which application is the caller's check: this
 * repository only keeps a document inside the application it was filed in.
 */
export class Documents extends Context.Service<
  Documents,
  {
    /**
     * Records an uploaded document, with its audit event, in one transaction; refused when the
     * application would then hold more than `quota` (uploads racing for the last room are
     * serialised on the application's row).
     */
    readonly insert: (
      input: Omit<StoredDocument, "id" | "uploadedBy" | "uploadedAt" | "reviewedAt"> & {
        readonly actor: Applicant | Extract<Actor, { readonly kind: "staff" }>;
        readonly quota: DocumentQuota;
      },
    ) => Effect.Effect<DocumentView, DocumentQuotaExceeded>;
    /** An application's documents, oldest first. */
    readonly list: (applicationId: string) => Effect.Effect<readonly DocumentView[]>;
    /** The documents of all of a student's applications, oldest first. */
    readonly listForStudent: (studentId: string) => Effect.Effect<readonly DocumentView[]>;
    /**
     * Records that someone other than its owner downloaded a document (the office reviewing
     * it): an audit event, so that the student and the office can see who read what, and when.
     */
    readonly recordDownload: (
      document: Pick<DocumentView, "id" | "applicationId" | "kind" | "fileName">,
      actor: Actor,
    ) => Effect.Effect<void>;
    /** One document of one application. */
    readonly get: (
      applicationId: string,
      id: string,
    ) => Effect.Effect<StoredDocument, DocumentNotFound>;
    /**
     * The office marks a document reviewed (once: a second time changes nothing), with its audit
     * event. From then on its student can no longer replace or delete it.
     */
    readonly review: (
      applicationId: string,
      id: string,
      actor: Extract<Actor, { readonly kind: "staff" }>,
    ) => Effect.Effect<DocumentView, DocumentNotFound>;
    /**
     * The student deletes one of their documents the office has not reviewed, with its audit
     * event; an office request it answered is open again. Returns the stored document, whose bytes the caller removes.
     */
    readonly remove: (
      applicationId: string,
      id: string,
      actor: Applicant,
    ) => Effect.Effect<StoredDocument, DocumentNotFound | DocumentReviewed>;
    /**
     * The office asks the student for a document: the request, its audit event and the e-mail
     * to the student in their language, in one transaction.
     */
    readonly request: (input: {
      readonly applicationId: string;
      readonly kind: string;
      /** The checklist item's label in both languages, for the e-mail. */
      readonly label: Text;
      readonly message: string;
      readonly dueDate: string;
      readonly actor: Extract<Actor, { readonly kind: "staff" }>;
      readonly student: { readonly email: string; readonly lang: Lang };
    }) => Effect.Effect<DocumentRequestView>;
    /** The office's document requests of an application, oldest first. */
    readonly requests: (applicationId: string) => Effect.Effect<readonly DocumentRequestView[]>;
    /** The office's document requests of all of a student's applications, oldest first. */
    readonly requestsForStudent: (
      studentId: string,
    ) => Effect.Effect<readonly DocumentRequestView[]>;
  }
>()("@envol/db/Documents") {
  static readonly layer = Layer.effect(
    Documents,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const insert = Effect.fn("Documents.insert")(function* (
        input: Parameters<Documents["Service"]["insert"]>[0],
      ) {
        const at = yield* DateTime.nowAsDate;
        const id = randomUUID();
        return yield* transact(
          db,
          async (tx) => {
            await tx
              .select({ id: applications.id })
              .from(applications)
              .where(eq(applications.id, input.applicationId))
              .for("update");
            const held = (
              await tx
                .select({
                  documents: sql<number>`count(*)::int`,
                  bytes: sql<number>`coalesce(sum(${documents.sizeBytes}), 0)::bigint`,
                })
                .from(documents)
                .where(eq(documents.applicationId, input.applicationId))
            )[0];
            const used = {
              documents: Number(held?.documents ?? 0),
              bytes: Number(held?.bytes ?? 0),
            };
            if (
              used.documents + 1 > input.quota.maxDocuments ||
              used.bytes + input.sizeBytes > input.quota.maxBytes
            )
              throw new DocumentQuotaExceeded({
                applicationId: input.applicationId,
                quota: input.quota,
                ...used,
              });
            const row = (
              await tx
                .insert(documents)
                .values({
                  id,
                  applicationId: input.applicationId,
                  kind: input.kind,
                  fileName: input.fileName,
                  mediaType: input.mediaType,
                  sizeBytes: input.sizeBytes,
                  sha256: input.sha256,
                  storageKey: input.storageKey,
                  uploadedBy: input.actor.userId,
                  uploadedAt: at,
                })
                .returning()
            )[0] as typeof documents.$inferSelect;
            // the office's open requests for this kind are answered by this upload
            await tx
              .update(documentRequests)
              .set({ answeredBy: id, answeredAt: at })
              .where(
                and(
                  eq(documentRequests.applicationId, input.applicationId),
                  eq(documentRequests.kind, input.kind),
                  isNull(documentRequests.answeredAt),
                ),
              );
            await recordAudit(tx, {
              at,
              actor: input.actor,
              action: "upload-document",
              entityType: "document",
              entityId: id,
              after: {
                applicationId: input.applicationId,
                kind: input.kind,
                fileName: input.fileName,
                mediaType: input.mediaType,
                sizeBytes: input.sizeBytes,
                sha256: input.sha256,
              },
            });
            return view(row);
          },
          tagged<DocumentQuotaExceeded>("DocumentQuotaExceeded"),
        );
      });

      const list = Effect.fn("Documents.list")(function* (applicationId: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(documents)
            .where(eq(documents.applicationId, applicationId))
            .orderBy(asc(documents.uploadedAt), asc(documents.id)),
        );
        return rows.map(view);
      });

      const listForStudent = Effect.fn("Documents.listForStudent")(function* (studentId: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select({ document: documents })
            .from(documents)
            .where(
              inArray(
                documents.applicationId,
                db
                  .select({ id: applications.id })
                  .from(applications)
                  .where(eq(applications.studentId, studentId)),
              ),
            )
            .orderBy(asc(documents.uploadedAt), asc(documents.id)),
        );
        return rows.map((r) => view(r.document));
      });

      const get = Effect.fn("Documents.get")(function* (applicationId: string, id: string) {
        const row = (yield* Effect.promise(() =>
          db
            .select()
            .from(documents)
            .where(and(eq(documents.id, id), eq(documents.applicationId, applicationId))),
        ))[0];
        if (!row) return yield* new DocumentNotFound({ applicationId, id });
        return { ...view(row), storageKey: row.storageKey };
      });

      const recordDownload = Effect.fn("Documents.recordDownload")(function* (
        document: Pick<DocumentView, "id" | "applicationId" | "kind" | "fileName">,
        actor: Actor,
      ) {
        const at = yield* DateTime.nowAsDate;
        yield* Effect.promise(() =>
          recordAudit(db, {
            at,
            actor,
            action: "download-document",
            entityType: "document",
            entityId: document.id,
            after: {
              applicationId: document.applicationId,
              kind: document.kind,
              fileName: document.fileName,
            },
          }),
        );
      });

      /** The application's document, its row locked for the transaction; not found: DocumentNotFound. */
      const lockedDocument = async (
        tx: Parameters<Parameters<typeof transact>[1]>[0],
        applicationId: string,
        id: string,
      ) => {
        const found = (
          await tx
            .select()
            .from(documents)
            .where(and(eq(documents.id, id), eq(documents.applicationId, applicationId)))
            .for("update")
        )[0];
        if (!found) throw new DocumentNotFound({ applicationId, id });
        return found;
      };

      const review = Effect.fn("Documents.review")(function* (
        applicationId: string,
        id: string,
        actor: Extract<Actor, { readonly kind: "staff" }>,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const found = await lockedDocument(tx, applicationId, id);
            if (found.reviewedAt) return view(found);
            const row = (
              await tx
                .update(documents)
                .set({ reviewedAt: at, reviewedBy: actor.userId })
                .where(eq(documents.id, id))
                .returning()
            )[0] as typeof documents.$inferSelect;
            await recordAudit(tx, {
              at,
              actor,
              action: "review-document",
              entityType: "document",
              entityId: id,
              after: { applicationId, kind: found.kind, fileName: found.fileName },
            });
            return view(row);
          },
          tagged<DocumentNotFound>("DocumentNotFound"),
        );
      });

      const remove = Effect.fn("Documents.remove")(function* (
        applicationId: string,
        id: string,
        actor: Applicant,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const found = await lockedDocument(tx, applicationId, id);
            if (found.reviewedAt)
              throw new DocumentReviewed({
                applicationId,
                id,
                fileName: found.fileName,
                reviewedAt: found.reviewedAt.toISOString(),
              });
            await tx.delete(documents).where(eq(documents.id, id));
            // a request this upload answered (the foreign key cleared the link) stays answered by
            // the latest upload of its kind still there (a replacement), and is open again only
            // when none is left
            const remaining = (
              await tx
                .select({ id: documents.id })
                .from(documents)
                .where(
                  and(eq(documents.applicationId, applicationId), eq(documents.kind, found.kind)),
                )
                .orderBy(desc(documents.uploadedAt), desc(documents.id))
                .limit(1)
            )[0];
            await tx
              .update(documentRequests)
              .set(remaining ? { answeredBy: remaining.id } : { answeredAt: null })
              .where(
                and(
                  eq(documentRequests.applicationId, applicationId),
                  eq(documentRequests.kind, found.kind),
                  isNull(documentRequests.answeredBy),
                  isNotNull(documentRequests.answeredAt),
                ),
              );
            await recordAudit(tx, {
              at,
              actor,
              action: "delete-document",
              // the application's event: the document is gone, and its history is found from here
              entityType: "application",
              entityId: applicationId,
              before: {
                documentId: id,
                kind: found.kind,
                fileName: found.fileName,
                sha256: found.sha256,
              },
            });
            return { ...view(found), storageKey: found.storageKey };
          },
          tagged<DocumentNotFound | DocumentReviewed>("DocumentNotFound", "DocumentReviewed"),
        );
      });

      const request = Effect.fn("Documents.request")(function* (
        input: Parameters<Documents["Service"]["request"]>[0],
      ) {
        const at = yield* DateTime.nowAsDate;
        const id = randomUUID();
        const row = yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            const inserted = (
              await tx
                .insert(documentRequests)
                .values({
                  id,
                  applicationId: input.applicationId,
                  kind: input.kind,
                  message: input.message,
                  dueDate: input.dueDate,
                  requestedBy: input.actor.userId,
                  requestedAt: at,
                })
                .returning()
            )[0] as typeof documentRequests.$inferSelect;
            await recordAudit(tx, {
              at,
              actor: input.actor,
              action: "request-document",
              entityType: "application",
              entityId: input.applicationId,
              after: {
                requestId: id,
                kind: input.kind,
                message: input.message,
                dueDate: input.dueDate,
              },
            });
            const { email, lang } = input.student;
            const mail = documentRequestMessage(input, lang);
            await tx.insert(outbox).values({
              topic: "document.request",
              recipient: email,
              lang,
              subject: mail.subject,
              body: mail.body,
              payload: {
                applicationId: input.applicationId,
                documentRequestId: id,
                kind: input.kind,
                dueDate: input.dueDate,
                actor: input.actor.userId,
              },
              createdAt: at,
              nextAttemptAt: at,
            });
            return inserted;
          }),
        );
        return requestView(row);
      });

      const requests = Effect.fn("Documents.requests")(function* (applicationId: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(documentRequests)
            .where(eq(documentRequests.applicationId, applicationId))
            .orderBy(asc(documentRequests.requestedAt), asc(documentRequests.id)),
        );
        return rows.map(requestView);
      });

      const requestsForStudent = Effect.fn("Documents.requestsForStudent")(function* (
        studentId: string,
      ) {
        const rows = yield* Effect.promise(() =>
          db
            .select({ request: documentRequests })
            .from(documentRequests)
            .innerJoin(applications, eq(applications.id, documentRequests.applicationId))
            .where(eq(applications.studentId, studentId))
            .orderBy(asc(documentRequests.requestedAt), asc(documentRequests.id)),
        );
        return rows.map((r) => requestView(r.request));
      });

      return Documents.of({
        insert,
        list,
        listForStudent,
        get,
        recordDownload,
        review,
        remove,
        request,
        requests,
        requestsForStudent,
      });
    }),
  );
}
