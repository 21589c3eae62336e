import { Documents, type DocumentView } from "@envol/db";
import { z } from "@hono/zod-openapi";
import { Effect } from "effect";
import type { Context } from "hono";
import type { FileStore } from "./file-store.ts";

/** What a document may be, recognised by its content (magic bytes), never by its name. */
export const DOCUMENT_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

/** The OpenAPI description of a download's 200: the file, in one of those types. */
export const documentDownloadResponse = {
  description: "The file, as an attachment",
  content: Object.fromEntries(
    DOCUMENT_MEDIA_TYPES.map((t) => [t, { schema: z.string().meta({ format: "binary" }) }]),
  ),
};

/** `filename` for old clients (ASCII), `filename*` (RFC 6266, RFC 8187) for the real name. */
export const attachment = (name: string) => {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

/**
 * A document of an application with its bytes, for the student who uploaded it and for the
 * office alike. Metadata without its bytes means the store lost them, which is the server's
 * fault: a defect, not a 404.
 */
export const documentBytes = (files: FileStore, applicationId: string, documentId: string) =>
  Effect.gen(function* () {
    const document = yield* Documents.use((d) => d.get(applicationId, documentId));
    const bytes = yield* files.get(document.storageKey);
    if (!bytes) return yield* Effect.die(new Error(`document ${document.id} has no bytes`));
    return { document, bytes };
  });

/**
 * An uploaded document's bytes as a download: its checked media type, never sniffed, never
 * shown inline by the browser, never kept by a cache. The same for the student who uploaded it
 * and for the office that reviews it.
 */
export const documentDownload = (
  c: Context,
  document: Pick<DocumentView, "mediaType" | "fileName">,
  bytes: Uint8Array,
) =>
  c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": document.mediaType,
    "Content-Length": String(bytes.length),
    "Content-Disposition": attachment(document.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
