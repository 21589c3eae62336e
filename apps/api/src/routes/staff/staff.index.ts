import { requireRole } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { filesOf } from "../../lib/file-store.ts";
import {
  applicationDetailHandler,
  applicationDocumentHandler,
  createPartnerKeyHandler,
  decideHandler,
  entityAuditHandler,
  exportBudgetsHandler,
  exportRequestsHandler,
  ledgerHandler,
  listBudgetsHandler,
  listPartnerKeysHandler,
  payHandler,
  queueHandler,
  recalculateHandler,
  recentAuditHandler,
  revokePartnerKeyHandler,
  setEnvelopeHandler,
} from "./staff.handlers.ts";
import {
  applicationDetail,
  applicationDocument,
  createPartnerKey,
  decide,
  entityAudit,
  exportBudgets,
  exportRequests,
  ledger,
  listBudgets,
  listPartnerKeys,
  pay,
  queue,
  recalculate,
  recentAudit,
  revokePartnerKey,
  setEnvelope,
} from "./staff.routes.ts";

/** The international office's back office, under /api/staff: signed-in staff only. */
export const staffRouter = (deps: AppDeps) => {
  const files = filesOf(deps);
  const router = createRouter();
  // before any validation: a caller who is not staff learns nothing about a route's inputs
  router.use("/staff/*", requireRole("staff"));
  return router
    .openapi(queue, queueHandler(deps))
    .openapi(applicationDetail, applicationDetailHandler(deps))
    .openapi(applicationDocument, applicationDocumentHandler(deps, files))
    .openapi(decide, decideHandler(deps))
    .openapi(recalculate, recalculateHandler(deps))
    .openapi(pay, payHandler(deps))
    .openapi(ledger, ledgerHandler(deps))
    .openapi(listBudgets, listBudgetsHandler(deps))
    .openapi(setEnvelope, setEnvelopeHandler(deps))
    .openapi(recentAudit, recentAuditHandler(deps))
    .openapi(entityAudit, entityAuditHandler(deps))
    .openapi(exportRequests, exportRequestsHandler(deps))
    .openapi(exportBudgets, exportBudgetsHandler(deps))
    .openapi(listPartnerKeys, listPartnerKeysHandler(deps))
    .openapi(createPartnerKey, createPartnerKeyHandler(deps))
    .openapi(revokePartnerKey, revokePartnerKeyHandler(deps));
};
