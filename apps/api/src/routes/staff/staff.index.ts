import { requireRole } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { filesOf } from "../../lib/file-store.ts";
import {
  applicationDetailHandler,
  applicationDocumentHandler,
  confirmStatementHandler,
  createPartnerKeyHandler,
  decideHandler,
  dismissFlagHandler,
  entityAuditHandler,
  exportBudgetsHandler,
  exportRequestsHandler,
  ledgerHandler,
  listBudgetsHandler,
  listPartnerKeysHandler,
  payHandler,
  paymentsDueHandler,
  queueHandler,
  recalculateHandler,
  recentAuditHandler,
  rejectStatementHandler,
  revokePartnerKeyHandler,
  setEnvelopeHandler,
} from "./staff.handlers.ts";
import * as routes from "./staff.routes.ts";

/** The international office's back office, under /api/staff: signed-in staff only. */
export const staffRouter = (deps: AppDeps) => {
  const files = filesOf(deps);
  const router = createRouter();
  // before any validation: a caller who is not staff learns nothing about a route's inputs
  router.use("/staff/*", requireRole("staff"));
  return router
    .openapi(routes.queue, queueHandler(deps))
    .openapi(routes.applicationDetail, applicationDetailHandler(deps))
    .openapi(routes.applicationDocument, applicationDocumentHandler(deps, files))
    .openapi(routes.decide, decideHandler(deps))
    .openapi(routes.recalculate, recalculateHandler(deps))
    .openapi(routes.confirmStatement, confirmStatementHandler(deps))
    .openapi(routes.rejectStatement, rejectStatementHandler(deps))
    .openapi(routes.dismissFlag, dismissFlagHandler(deps))
    .openapi(routes.pay, payHandler(deps))
    .openapi(routes.paymentsDue, paymentsDueHandler(deps))
    .openapi(routes.ledger, ledgerHandler(deps))
    .openapi(routes.listBudgets, listBudgetsHandler(deps))
    .openapi(routes.setEnvelope, setEnvelopeHandler(deps))
    .openapi(routes.recentAudit, recentAuditHandler(deps))
    .openapi(routes.entityAudit, entityAuditHandler(deps))
    .openapi(routes.exportRequests, exportRequestsHandler(deps))
    .openapi(routes.exportBudgets, exportBudgetsHandler(deps))
    .openapi(routes.listPartnerKeys, listPartnerKeysHandler(deps))
    .openapi(routes.createPartnerKey, createPartnerKeyHandler(deps))
    .openapi(routes.revokePartnerKey, revokePartnerKeyHandler(deps));
};
