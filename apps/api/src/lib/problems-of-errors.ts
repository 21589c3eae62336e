import { isExplained, type Lang, type Text, unknownPartner } from "@envol/domain";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Problem, problemBody, TITLES } from "./problem.ts";

/** A domain or repository error, as thrown or failed: a Data.TaggedError is one. */
interface Tagged {
  readonly _tag: string;
  readonly message?: string;
}

/** Its own fields, read by name: each tag says which it has. */
type Fields = Tagged & { readonly [key: string]: unknown };

const HIDDEN = new Set([
  "ApplicationNotFound",
  "RequestNotFound",
  "NotYourRequest",
  "PartnerNotFound",
  "PartnerKeyNotFound",
  "DocumentNotFound",
]);

const unknownScheme = (scheme: string): Text => ({
  fr: `aucun dispositif « ${scheme} » n'est proposé`,
  en: `no scheme "${scheme}" is offered`,
});

/**
 * The one place where a domain or repository error becomes an HTTP status: a resource the
 * actor may not see is a 404 like a missing one; a move the lifecycle refuses is a 409; an
 * envelope too small is a 409 that says how much is left; a second request for a stay already
 * applied for is a 409 that names the other application; a bad input names its field (422).
 */
export const problemOf = (tagged: Tagged, lang: Lang): Problem => {
  const error = tagged as Fields;
  const tag = error._tag;
  const make = (
    status: ContentfulStatusCode,
    kind: string,
    title: { fr: string; en: string },
    extra = {},
  ) => problemBody(status, kind, title[lang], extra);
  if (HIDDEN.has(tag)) return make(404, "not-found", TITLES.notFound);
  // the detail in the reader's language when the error can say itself, else its message
  const detail = isExplained(tagged) ? tagged.explain(lang) : error.message;
  switch (tag) {
    case "TransitionNotAllowed":
    case "ApplicationNotEditable":
    case "EnvelopeBelowCommitted":
    case "RecalculationImpossible":
    case "NoPendingReview":
      return make(409, "conflict", TITLES.conflict, { detail });
    case "OwnRequest":
      return make(403, "own-request", TITLES.ownRequest, { detail });
    case "OverlappingRequest":
      // the other application as a link's target; the detail names it by its stay, in words
      return make(409, "overlapping-request", TITLES.overlappingRequest, {
        detail,
        otherApplicationId: error.otherApplicationId,
      });
    case "BudgetExceeded":
    case "BudgetNotFound":
      return make(409, "budget", TITLES.budget, { detail });
    case "CallClosed":
      // the call's window and whether it is yet to open or over, the dates in words
      return make(409, "call-closed", TITLES.callClosed, {
        detail,
        opensOn: error.opensOn,
        closesOn: error.closesOn,
      });
    case "OverrideRequired":
      return make(409, "override-required", TITLES.overrideRequired, {
        detail,
        grounds: error.grounds,
      });
    case "PaymentChanged":
      return make(409, "payment-changed", TITLES.paymentChanged, {
        detail,
        expectedCents: error.expectedCents,
        actualCents: error.actualCents,
      });
    case "DocumentReviewed":
      return make(409, "document-reviewed", TITLES.documentReviewed, { detail });
    case "DocumentQuotaExceeded":
      return make(409, "document-quota", TITLES.documentQuota, { detail });
    case "AllocationNotFound":
      return make(404, "not-found", TITLES.notFound, { detail });
    case "AllocationApplied":
    case "AllocationVersionChanged":
      return make(409, "conflict", TITLES.conflict, { detail });
    case "AllocationOutdated":
      // the request that can no longer be decided as proposed, as a link's target
      return make(409, "allocation-outdated", TITLES.conflict, {
        detail,
        requestId: error.requestId,
        applicationId: error.applicationId,
      });
    case "MovesExceedEnvelope":
      return make(422, "validation", TITLES.invalid, {
        errors: [{ path: "moves", message: detail }],
      });
    case "AllocationInputInvalid":
      // the domain writes `moves[0].reason`; the validator's paths are `moves.0.reason`
      return make(422, "validation", TITLES.invalid, {
        errors: [
          {
            path: String(error.field).replace(/\[(\d+)\]/g, ".$1"),
            message: (error.problem as Text)[lang],
          },
        ],
      });
    case "ActionInputInvalid":
      return make(422, "validation", TITLES.invalid, {
        errors: [{ path: String(error.field), message: (error.problem as Text)[lang] }],
      });
    case "UnknownScheme":
      return make(422, "validation", TITLES.invalid, {
        errors: [{ path: "schemes", message: unknownScheme(String(error.scheme))[lang] }],
      });
    case "UnknownPartner":
      return make(422, "validation", TITLES.invalid, {
        errors: [
          {
            path: "mobility.host.partner",
            message: unknownPartner(String(error.partner))[lang],
          },
        ],
      });
    default:
      return make(500, "internal", TITLES.internal);
  }
};
