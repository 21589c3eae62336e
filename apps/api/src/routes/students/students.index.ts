import type { Context } from "hono";
import { isApplicantRole } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { filesOf } from "../../lib/file-store.ts";
import { rateLimit } from "../../lib/rate-limit.ts";
import {
  createApplicationHandler,
  deleteDocumentHandler,
  downloadDocumentHandler,
  exportMyDataHandler,
  getAgreementHandler,
  getApplicationHandler,
  listApplicationsHandler,
  nextStepsHandler,
  signAgreementHandler,
  submitRequestHandler,
  updateDraftHandler,
  uploadDocumentHandler,
  uploadGuard,
  withdrawRequestHandler,
} from "./students.handlers.ts";
import {
  createApplication,
  deleteDocument,
  downloadDocument,
  exportMyData,
  getAgreement,
  getApplication,
  listApplications,
  nextSteps,
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
  /** Counts an applicant's POSTs (the others pass uncounted). */
  const studentPosting = (c: Context<AppEnv>) => {
    const user = c.get("session")?.user;
    return c.req.method === "POST" && user && isApplicantRole(user.role) ? user.id : undefined;
  };
  router.use(
    "/applications",
    rateLimit(deps, {
      name: "applications:student",
      per: "day",
      limit: (l) => l.applicationsPerDay,
      who: studentPosting,
      what: { fr: "dossiers", en: "applications" },
    }),
  );
  // before the upload's body is read
  router.use(
    "/applications/:id/documents",
    rateLimit(deps, {
      name: "uploads:student",
      per: "hour",
      limit: (l) => l.uploadsPerHour,
      who: studentPosting,
      what: { fr: "dépôts de documents", en: "uploads" },
    }),
  );
  router.use("/applications/:id/documents", uploadGuard(deps));
  return router
    .openapi(createApplication, createApplicationHandler(deps))
    .openapi(listApplications, listApplicationsHandler(deps))
    .openapi(getApplication, getApplicationHandler(deps))
    .openapi(updateDraft, updateDraftHandler(deps))
    .openapi(submitRequest, submitRequestHandler(deps))
    .openapi(withdrawRequest, withdrawRequestHandler(deps))
    .openapi(getAgreement, getAgreementHandler(deps))
    .openapi(signAgreement, signAgreementHandler(deps))
    .openapi(uploadDocument, uploadDocumentHandler(deps, files))
    .openapi(downloadDocument, downloadDocumentHandler(deps, files))
    .openapi(deleteDocument, deleteDocumentHandler(deps, files))
    .openapi(nextSteps, nextStepsHandler(deps))
    .openapi(exportMyData, exportMyDataHandler(deps));
};
