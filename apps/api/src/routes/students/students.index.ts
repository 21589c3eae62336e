import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { filesOf } from "../../lib/file-store.ts";
import {
  createApplicationHandler,
  downloadDocumentHandler,
  exportMyDataHandler,
  getApplicationHandler,
  listApplicationsHandler,
  signAgreementHandler,
  submitRequestHandler,
  updateDraftHandler,
  uploadDocumentHandler,
  uploadGuard,
  withdrawRequestHandler,
} from "./students.handlers.ts";
import {
  createApplication,
  downloadDocument,
  exportMyData,
  getApplication,
  listApplications,
  signAgreement,
  submitRequest,
  updateDraft,
  uploadDocument,
  withdrawRequest,
} from "./students.routes.ts";

/** The student area: their applications, decisions, documents and data export. */
export const studentsRouter = (deps: AppDeps) => {
  const files = filesOf(deps);
  const router = createRouter();
  router.use("/applications/:id/documents", uploadGuard(deps));
  return router
    .openapi(createApplication, createApplicationHandler(deps))
    .openapi(listApplications, listApplicationsHandler(deps))
    .openapi(getApplication, getApplicationHandler(deps))
    .openapi(updateDraft, updateDraftHandler(deps))
    .openapi(submitRequest, submitRequestHandler(deps))
    .openapi(withdrawRequest, withdrawRequestHandler(deps))
    .openapi(signAgreement, signAgreementHandler(deps))
    .openapi(uploadDocument, uploadDocumentHandler(deps, files))
    .openapi(downloadDocument, downloadDocumentHandler(deps, files))
    .openapi(exportMyData, exportMyDataHandler(deps));
};
