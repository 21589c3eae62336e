import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { requestDocumentHandler, reviewDocumentHandler } from "./staff-documents.handlers.ts";
import { requestDocument, reviewDocument } from "./staff-documents.routes.ts";

/** The office's requests for documents and its reviews of them, under /api/staff. */
export const staffDocumentsRouter = (deps: AppDeps) =>
  createRouter()
    .openapi(requestDocument, requestDocumentHandler(deps))
    .openapi(reviewDocument, reviewDocumentHandler(deps));
