import { MAX_QUEUE_OFFSET, QUEUE_COUNT_LIMIT, QUEUE_SORTS, QUEUE_VIEW_NAMES } from "@envol/db";
import {
  ACTOR_KINDS,
  AcademicYearSchema,
  CountryCodeSchema,
  fieldText,
  IsoDateSchema,
  MAX_TEACHING_HOURS,
  OVERRIDE_GROUND_KINDS,
  PARTICIPANTS,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  type RequestState,
  SimulationReportSchema,
  STAY_ENDS_AFTER_START,
  TEXT_LIMITS,
} from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { applicationFields } from "../../lib/application-schema.ts";
import { documentDownloadResponse } from "../../lib/document-download.ts";
import {
  ChecklistItemSchema,
  DocumentRequestSchema,
  DocumentSchema,
} from "../../lib/document-schemas.ts";
import { problemResponse } from "../../lib/problem.ts";

/**
 * The international office's back office (ARCHITECTURE §4.2): the queue, an application's
 * detail with its live eligibility, decisions, budgets, recalculation, payments, the audit
 * trail, CSV exports and the partners' API keys. Every route is for a signed-in staff member.
 */

const TAGS = ["Staff"];

/** Who may not call a staff route, said by every one of them. */
const denied = {
  401: problemResponse("Nobody is signed in"),
  403: problemResponse("Not a staff member, or a write without the session's CSRF token"),
} as const;

// ---------------------------------------------------------------- values

const Cents = z.number().int().meta({ description: "euro cents" });

/** A scheme's or a partner's id. */
const Id = z.string().min(1).max(TEXT_LIMITS.id);

const IdParam = z.object({
  id: z.uuid().meta({ example: "5f0c6a3e-1d2b-4c6f-9a4e-2b1f3c4d5e6f" }),
});

const RequestStateSchema = z.enum(REQUEST_STATES);

export const RequestSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  scheme: z.string(),
  state: RequestStateSchema,
  /** The standalone estimate when the student applied. */
  estimatedCents: Cents.nullable(),
  approvedCents: Cents.nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const StudentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  lang: z.enum(["fr", "en"]),
});

export const BudgetSchema = z.object({
  scheme: z.string(),
  academicYear: z.string(),
  envelopeCents: Cents,
  committedCents: Cents,
  paidCents: Cents,
  /** The envelope less what is committed: what can still be approved. */
  remainingCents: Cents,
});

/** One explained line, in the reader's language (the ledger keeps keys and parameters). */
const LedgerLineSchema = z.object({ label: z.string(), amountCents: Cents, basis: z.string() });

/** What a grant still owes, or is owed, from what was paid (the domain's `remainingOf`). */
const RemainingSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("to-pay"), cents: Cents }),
    z.object({ kind: z.literal("to-recover"), cents: Cents }),
    z.object({ kind: z.literal("settled") }),
  ])
  .meta({
    description:
      "From what was paid: still to pay to the student, to recover (when paid beyond the grant, or anything paid on an ended request), or settled",
  });

export const LedgerEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(["commitment", "release", "payment", "recalculation"]),
  /** Positive: committed, paid or due; negative: released or to recover. */
  amountCents: Cents,
  instalment: z.enum(["advance", "balance"]).nullable(),
  explanation: z.array(LedgerLineSchema),
  at: z.string(),
});

export const AuditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.enum(ACTOR_KINDS), id: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

export const GrantReviewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["partner-statement", "stale-grant"]).meta({
      description:
        "partner-statement: the host stated actual dates that would raise the grant; stale-grant: another grant's recalculation moved the stay's dates, and this grant's verdict or amount on them differs",
    }),
    actualStart: IsoDateSchema,
    actualEnd: IsoDateSchema,
    beforeCents: Cents.meta({ description: "The grant as it stands" }),
    afterCents: Cents.nullable().meta({
      description: "What the scheme gives on the actual dates (null: nothing, see afterVerdict)",
    }),
    afterVerdict: z.enum(["eligible", "ineligible", "incomplete"]),
    explanation: z
      .string()
      .meta({ description: "Why the office is asked, in the reader's language" }),
    raisedBy: z.string().meta({ example: "partner:usp" }),
    createdAt: z.string(),
  })
  .meta({ id: "GrantReview" });

export const PartnerKeySchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  label: z.string(),
  prefix: z.string().meta({ description: "The key's first characters, to recognise it" }),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

// ---------------------------------------------------------------- the queue

const unknownStates = (unknown: readonly string[]) => {
  const named = unknown.map((s) => `"${s}"`).join(", ");
  return fieldText({
    fr: `état inconnu ${named} : un ou plusieurs de ${REQUEST_STATES.join(", ")}, séparés par des virgules`,
    en: `unknown state ${named}: expected one or more of ${REQUEST_STATES.join(", ")}, separated by commas`,
  });
};

/** `state=submitted,under_review`: one state or several, as a comma-separated list. */
const StatesParam = z
  .string()
  .max(TEXT_LIMITS.name)
  .transform((text, ctx): RequestState[] => {
    const states = text.split(",").map((s) => s.trim());
    const unknown = states.filter((s) => !(REQUEST_STATES as readonly string[]).includes(s));
    if (unknown.length > 0) ctx.addIssue({ code: "custom", ...unknownStates(unknown) });
    return states as RequestState[];
  })
  .meta({
    description: `Only the requests in these states, as a comma-separated list (\`state=submitted,under_review\`): ${REQUEST_STATES.join(", ")}. Drafts are listed only when \`draft\` is named here. A repeated \`state\` parameter is refused (422): list the states in one.`,
    example: "submitted,under_review",
  });

const QueueFilterSchema = z.object({
  view: z.enum(QUEUE_VIEW_NAMES).optional().meta({
    description:
      "A named view: `to-process` (the office's work: submitted and under review, and the grants whose host statement or flag awaits it), `all` (every request but drafts). Without `state` nor `view`, the queue is `to-process`; with both, both apply.",
  }),
  state: StatesParam.optional(),
  search: z.string().trim().min(1).max(TEXT_LIMITS.name).optional().meta({
    description:
      "The student: each word typed begins a word of the name (`mar dup` finds Marie Dupont), or what is typed begins the e-mail address. Case and the accents of Latin letters are ignored (`helene` finds Hélène).",
    example: "helene dup",
  }),
  scheme: Id.optional().meta({ example: "idf" }),
  academicYear: AcademicYearSchema.optional(),
  destination: CountryCodeSchema.optional().meta({ description: "The host's country" }),
  partner: Id.optional().meta({ description: "The host partner's id" }),
  participant: z.enum(PARTICIPANTS).optional().meta({
    description:
      "Only the students' applications (`student`), or only those of the school's personnel on a teaching or training stay (`personnel`); both without it",
  }),
  sort: z
    .enum(QUEUE_SORTS)
    .default("updated-desc")
    .meta({ description: "Last change first (default), oldest change first, or earliest stay" }),
});

export const QueueItemSchema = z.object({
  request: RequestSchema,
  participant: z.enum(PARTICIPANTS).meta({
    description:
      "Whose application it is: a student's, or a member of the school's personnel's (then `student` is that member's account)",
  }),
  awaitingOffice: z.boolean().meta({
    description:
      "Something about the grant awaits the office: a host's statement that would raise it, or a flag left when another grant's recalculation moved the stay's dates (see the application's `review`)",
  }),
  student: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  academicYear: z.string(),
  destinationCountry: z.string(),
  hostPartnerId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  actualStartDate: z
    .string()
    .nullable()
    .meta({ description: "As the host or the office confirmed it" }),
  actualEndDate: z.string().nullable(),
  paidCents: Cents.meta({ description: "What the ledger records as paid (advance and balance)" }),
  documents: z
    .object({
      complete: z.boolean().nullable().meta({
        description:
          "Every document the scheme's checklist asks for (on today's rules) is uploaded; null when the situation cannot be evaluated today (its host left the catalogue)",
      }),
      missing: z
        .array(z.object({ id: z.string(), label: z.string() }))
        .meta({ description: "The checklist's items not uploaded yet, in the reader's language" }),
    })
    .meta({ id: "QueueDocuments" }),
});

export const queue = createRoute({
  method: "get",
  path: "/staff/queue",
  tags: TAGS,
  summary: "The requests to review: filtered, sorted, paginated",
  request: {
    query: QueueFilterSchema.extend({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce
        .number()
        .int()
        .min(0)
        .max(MAX_QUEUE_OFFSET)
        .default(0)
        .meta({
          description: `At most ${MAX_QUEUE_OFFSET}: deeper than that, narrow the queue with a filter or a search (the CSV export has every row)`,
        }),
    }),
  },
  responses: {
    200: {
      description: "One page of the queue and how many requests match",
      content: {
        "application/json": {
          schema: z
            .object({
              items: z.array(QueueItemSchema),
              total: z
                .number()
                .int()
                .meta({
                  description: `How many requests match, counted up to ${QUEUE_COUNT_LIMIT}`,
                }),
              more: z.boolean().meta({
                description: `More than \`total\` requests match (the count stops at ${QUEUE_COUNT_LIMIT}): narrow the queue`,
              }),
              limit: z.number().int(),
              offset: z.number().int(),
            })
            .meta({ id: "StaffQueuePage" }),
        },
      },
    },
    ...denied,
    422: problemResponse("A query parameter is invalid"),
  },
});

// ---------------------------------------------------------------- one application

export const ApplicationDetailSchema = z
  .object({
    application: z.object({
      id: z.string(),
      studentId: z.string(),
      ...applicationFields,
    }),
    student: StudentSchema.nullable(),
    requests: z.array(
      RequestSchema.extend({
        availableActions: z
          .array(z.enum(REQUEST_ACTIONS))
          .meta({ description: "What the office may do with the request now" }),
        budget: BudgetSchema.nullable().meta({
          description: "The scheme's envelope for the application's year (null: none set yet)",
        }),
        review: GrantReviewSchema.nullable().meta({
          description:
            "What about the grant awaits the office, if anything: a host's statement that would raise it (confirm or reject it), or a flag left when another grant's recalculation moved the stay's dates (recalculate the grant, or dismiss the flag)",
        }),
      }),
    ),
    overlapping: z
      .array(
        z.object({
          applicationId: z.string(),
          requestId: z.string(),
          scheme: z.string(),
          state: RequestStateSchema,
          startDate: z.string().meta({ example: "2027-02-01" }),
          endDate: z.string().meta({ example: "2027-06-30" }),
        }),
      )
      .meta({
        description:
          "The requests, in any state, of the student's other applications whose planned stay shares at least one day with this one, earliest stay first. A request for the same scheme cannot be submitted while such a request stands (submitted, under review, approved, waitlisted, agreed, advance paid or completed).",
      }),
    eligibility: z.object({
      asOf: z.string().meta({ description: "The rules and figures in force on this date: today" }),
      report: SimulationReportSchema.nullable(),
      /** Why there is no report (the host left the catalogue). */
      unavailable: z.string().optional(),
    }),
    checklist: z.array(ChecklistItemSchema).meta({
      description:
        "The documents the requested schemes ask for, each once, with when it is due (before departure, after return): an item not uploaded is still missing",
    }),
    documents: z.array(DocumentSchema).meta({
      description:
        "The documents the student uploaded (their metadata, with the label of what each answers), oldest first",
    }),
    documentRequests: z.array(DocumentRequestSchema).meta({
      description:
        "The office's requests to the student for a document, oldest first: answered by an upload of their kind, overdue when still open after their due date",
    }),
    history: z.array(AuditEventSchema).meta({
      description:
        "The audit events of the application, its requests and its documents, oldest first",
    }),
  })
  .meta({ id: "StaffApplicationDetail" });

export const applicationDetail = createRoute({
  method: "get",
  path: "/staff/applications/{id}",
  tags: TAGS,
  summary:
    "An application: the student, the live eligibility report, each request, the documents and the history",
  description:
    "The eligibility report is computed now, on the situation as the student submitted it, with today's rules and figures, in the language of Accept-Language. Each request comes with the actions the office may take and what is left in its scheme's envelope.",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The application",
      content: { "application/json": { schema: ApplicationDetailSchema } },
    },
    ...denied,
    404: problemResponse("No such application"),
    422: problemResponse("The id is not a UUID"),
  },
});

export const applicationDocument = createRoute({
  method: "get",
  path: "/staff/applications/{id}/documents/{documentId}",
  tags: TAGS,
  summary: "Download a document of an application",
  description:
    "The file the student uploaded, as an attachment, in the media type recognised from its content when it was uploaded.",
  request: {
    params: IdParam.extend({
      documentId: z.uuid().meta({ example: "0b8e4f6a-3c2d-4e1f-8a7b-6c5d4e3f2a1b" }),
    }),
  },
  responses: {
    200: documentDownloadResponse,
    ...denied,
    404: problemResponse("No such document in this application"),
    422: problemResponse("An id is not a UUID"),
  },
});

// ---------------------------------------------------------------- decisions

const Reason = z.string().trim().min(1, "must say why").max(TEXT_LIMITS.text);
const Amount = z.number().int().positive().meta({
  description:
    "euro cents; by default the scheme's estimate today (the application's `eligibility` report: the rules in force for the stay's start), else the estimate made when the student applied",
});

const Override = z
  .strictObject({
    reason: Reason,
    grounds: z.array(z.enum(OVERRIDE_GROUND_KINDS)).min(1).meta({
      description:
        "The grounds the office accepts, those it was shown (the `grounds` of the 409 `override-required`, each by its `kind`): a ground found but not named here is still refused",
    }),
  })
  .meta({
    description:
      "The office's explicit decision to approve what the rules would refuse (an exclusive grant already committed for an overlapping stay, a scheme that does not find the stay eligible today, an amount above its estimate), and why, naming the grounds it accepts: kept in the audit trail and shown in the history",
  });

export const DecisionSchema = z
  .discriminatedUnion("action", [
    z.strictObject({ action: z.literal("start-review") }),
    z.strictObject({
      action: z.literal("approve"),
      amountCents: Amount.optional(),
      override: Override.optional(),
    }),
    z.strictObject({ action: z.literal("reject"), reason: Reason }),
    z.strictObject({ action: z.literal("waitlist"), reason: Reason.optional() }),
    z.strictObject({
      action: z.literal("promote"),
      amountCents: Amount.optional(),
      override: Override.optional(),
    }),
    z.strictObject({ action: z.literal("sign-agreement") }),
    z.strictObject({ action: z.literal("cancel"), reason: Reason }),
  ])
  .meta({ id: "StaffDecision" });

export const decide = createRoute({
  method: "post",
  path: "/staff/requests/{id}/decision",
  tags: TAGS,
  summary: "Decide on a request: review, approve, reject, waitlist, promote, agreement, cancel",
  description:
    "Approving commits the amount against the scheme's envelope for the year; when too little is left the answer is a 409 that says how much. An approval (or a promotion) that would make two exclusive grants of the student active for overlapping stays, of a scheme that does not find the stay eligible today, or of an amount above the scheme's estimate today is a 409 (`override-required`, its `grounds` listed, the detail naming the other grant's scheme and stay or saying both figures) unless the body carries `override: { reason, grounds }` naming every ground found (by its `kind`; one not named is still refused, the 409 listing it), which the audit trail keeps. A rejection and a cancellation must say why. Cancelling a grant whose advance was paid (only the office may end it) gives back to the envelope only what was not paid; what was paid stays committed and is to recover from the student. The student is notified.",
  request: {
    params: IdParam,
    body: { required: true, content: { "application/json": { schema: DecisionSchema } } },
  },
  responses: {
    200: {
      description: "The request after the decision",
      content: { "application/json": { schema: RequestSchema } },
    },
    ...denied,
    404: problemResponse("No such request"),
    409: problemResponse(
      "Not possible in the request's state, not enough left in the envelope, or an approval that needs an override",
    ),
    422: problemResponse("A field is invalid"),
  },
});

// ---------------------------------------------------------------- recalculation, payments, ledger

const RecalculationSchema = z
  .object({
    request: RequestSchema,
    previousCents: Cents,
    approvedCents: Cents,
    differenceCents: Cents.meta({
      description:
        "The new amount less the previous one: the change of the envelope's commitment (not what the student is owed: see remaining)",
    }),
    remaining: RemainingSchema,
    explanation: z.array(LedgerLineSchema),
  })
  .meta({ id: "Recalculation" });

export const recalculate = createRoute({
  method: "post",
  path: "/staff/requests/{id}/recalculation",
  tags: TAGS,
  summary:
    "Recompute an approved grant on the stay's actual dates (and a teaching stay's actual hours)",
  description:
    "With the scheme's options stored at approval, or today's when `useCurrentOptions` is true. The difference becomes one ledger line, explained line by line. It answers the grant's open review, if any (a stale grant's flag is cleared, a host's pending statement superseded). When the stay's actual dates move, every other running grant of the application whose verdict or amount changes on the new dates is flagged for the office (`review` on the application), not changed.",
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              actualStart: IsoDateSchema,
              actualEnd: IsoDateSchema,
              useCurrentOptions: z.boolean().optional(),
              actualTeachingHours: z
                .number()
                .nonnegative()
                .max(MAX_TEACHING_HOURS)
                .optional()
                .meta({
                  description:
                    "For a member of the personnel's teaching stay: the hours the certificate of attendance gives, read by the teaching-hours rule instead of those stated when applying (kept for later recalculations)",
                  example: 8,
                }),
            })
            .refine((d) => d.actualStart <= d.actualEnd, {
              ...STAY_ENDS_AFTER_START,
              path: ["actualEnd"],
            }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "The grant before and after, and the ledger line's explanation",
      content: {
        "application/json": {
          schema: RecalculationSchema,
        },
      },
    },
    ...denied,
    404: problemResponse("No such request"),
    409: problemResponse(
      "The request has no grant to recompute, the stay is no longer eligible, or the envelope is too small",
    ),
    422: problemResponse("A field is invalid"),
  },
});

const ReasonBody = {
  required: true,
  content: {
    "application/json": {
      schema: z.strictObject({
        reason: z.string().trim().min(1).max(TEXT_LIMITS.text).meta({
          description: "Why, kept in the audit trail and shown in the history",
          example: "Arrivée anticipée non justifiée",
        }),
      }),
    },
  },
} as const;

const ReviewAnswer = {
  description: "The review, set aside",
  content: { "application/json": { schema: GrantReviewSchema } },
} as const;

export const confirmStatement = createRoute({
  method: "post",
  path: "/staff/requests/{id}/statement/confirmation",
  tags: TAGS,
  summary: "Confirm a host's statement that would raise the grant: recompute on its dates",
  description:
    "The grant is recalculated on the dates the host stated, as `POST …/recalculation` does (one ledger line, the envelope, the student's message), with the approval's options; the confirmation is audited.",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The grant before and after, and the ledger line's explanation",
      content: { "application/json": { schema: RecalculationSchema } },
    },
    ...denied,
    404: problemResponse("No such request"),
    409: problemResponse(
      "No statement awaits the office for this request, or the recalculation is not possible (the envelope is too small, the grant is no longer running)",
    ),
    422: problemResponse("The id is not a UUID"),
  },
});

export const rejectStatement = createRoute({
  method: "post",
  path: "/staff/requests/{id}/statement/rejection",
  tags: TAGS,
  summary: "Reject a host's statement that would raise the grant, with a reason",
  description:
    "The grant is unchanged; the rejection and its reason are audited, and the partner reads them in `office_review`.",
  request: { params: IdParam, body: ReasonBody },
  responses: {
    200: ReviewAnswer,
    ...denied,
    404: problemResponse("No such request"),
    409: problemResponse("No statement awaits the office for this request"),
    422: problemResponse("The reason is missing or blank"),
  },
});

export const dismissFlag = createRoute({
  method: "post",
  path: "/staff/requests/{id}/flag/dismissal",
  tags: TAGS,
  summary: "Dismiss a stale grant's flag, with a reason",
  description:
    "The grant is unchanged; the dismissal and its reason are audited. Recalculating the grant (`POST …/recalculation`) clears the flag too.",
  request: { params: IdParam, body: ReasonBody },
  responses: {
    200: ReviewAnswer,
    ...denied,
    404: problemResponse("No such request"),
    409: problemResponse("No flag is open for this request"),
    422: problemResponse("The reason is missing or blank"),
  },
});

export const pay = createRoute({
  method: "post",
  path: "/staff/requests/{id}/payments",
  tags: TAGS,
  summary: "Record a payment: the advance, or the balance that settles the grant",
  description:
    "The advance defaults to the scheme's share of the approved amount. The balance is what the grant comes to less what was paid (negative: to recover); it completes the request. With `expectedCents`, the payment is recorded only if it is that amount (a partner's statement or a recalculation may have changed it since it was shown): otherwise 409 `payment-changed`, whose `detail` gives both amounts in the reader's language and `expectedCents` / `actualCents` the figures, and nothing is recorded.",
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              instalment: z.enum(["advance", "balance"]),
              amountCents: Amount.optional().meta({ description: "The advance only, in cents" }),
              expectedCents: z
                .number()
                .int()
                .min(-Number.MAX_SAFE_INTEGER)
                .max(Number.MAX_SAFE_INTEGER)
                .optional()
                .meta({
                  description:
                    "The amount the office was shown and confirms, in cents (a balance to recover is negative): when the payment would record another, nothing is recorded and the answer is a 409 `payment-changed` with both amounts",
                }),
            })
            .refine((p) => p.instalment === "advance" || p.amountCents === undefined, {
              ...fieldText({
                fr: "le solde se calcule (la bourse moins ce qui a été versé) : ne donnez pas de montant",
                en: "the balance is computed (the grant less what was paid): give no amount",
              }),
              path: ["amountCents"],
            }),
        },
      },
    },
  },
  responses: {
    200: {
      description:
        "The request after the payment, and the ledger line it wrote (none for a zero balance)",
      content: {
        "application/json": {
          schema: z.object({ request: RequestSchema, payment: LedgerEntrySchema.nullable() }),
        },
      },
    },
    ...denied,
    404: problemResponse("No such request"),
    409: problemResponse(
      "Not possible in the request's state, or (`payment-changed`) the amount to record is not `expectedCents`",
    ),
    422: problemResponse("A field is invalid"),
  },
});

export const paymentsDue = createRoute({
  method: "get",
  path: "/staff/requests/{id}/payments",
  tags: TAGS,
  summary: "What the next payment would be, for the office to confirm before paying",
  description:
    "The advance's default (the scheme's share of the grant) and the balance: what is still to pay, or to recover, from what was paid. An ended request (withdrawn, cancelled, rejected) comes to nothing: what was paid on it is to recover.",
  request: { params: IdParam },
  responses: {
    200: {
      description: "What was paid, the advance's default and what remains",
      content: {
        "application/json": {
          schema: z.object({
            paidCents: Cents,
            advanceCents: Cents,
            remaining: RemainingSchema.nullable().meta({
              description: "The balance from what was paid; null when nothing is approved",
            }),
          }),
        },
      },
    },
    ...denied,
    404: problemResponse("No such request"),
    422: problemResponse("The id is not a UUID"),
  },
});

export const ledger = createRoute({
  method: "get",
  path: "/staff/requests/{id}/ledger",
  tags: TAGS,
  summary: "The money of a request: commitments, releases, payments, recalculations",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The ledger, oldest line first",
      content: { "application/json": { schema: z.array(LedgerEntrySchema) } },
    },
    ...denied,
    404: problemResponse("No such request"),
    422: problemResponse("The id is not a UUID"),
  },
});

// ---------------------------------------------------------------- budgets

const YearQuery = z.object({ academicYear: AcademicYearSchema.optional() });

export const listBudgets = createRoute({
  method: "get",
  path: "/staff/budgets",
  tags: TAGS,
  summary: "The envelopes per scheme and year: envelope, committed, paid, remaining",
  request: { query: YearQuery },
  responses: {
    200: {
      description: "The envelopes",
      content: { "application/json": { schema: z.array(BudgetSchema) } },
    },
    ...denied,
    422: problemResponse("A query parameter is invalid"),
  },
});

export const setEnvelope = createRoute({
  method: "put",
  path: "/staff/budgets/{scheme}/{academicYear}",
  tags: TAGS,
  summary: "Set a scheme's envelope for a year, and promote from the waiting list",
  description:
    "Never below what is already committed (409). With `promoteWaitlisted`, the scheme's waitlisted requests of the year are then approved, longest waiting first, while their estimate fits.",
  request: {
    params: z.object({
      scheme: Id.meta({ example: "idf" }),
      academicYear: AcademicYearSchema,
    }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            envelopeCents: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
            promoteWaitlisted: z.boolean().optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "The envelope as it stands, and the requests promoted",
      content: {
        "application/json": {
          schema: z.object({ budget: BudgetSchema, promoted: z.array(z.string()) }),
        },
      },
    },
    ...denied,
    404: problemResponse("The school offers no such scheme"),
    409: problemResponse("The envelope would be below what is committed"),
    422: problemResponse("A field is invalid"),
  },
});

// ---------------------------------------------------------------- audit trail

export const recentAudit = createRoute({
  method: "get",
  path: "/staff/audit",
  tags: TAGS,
  summary: "The latest audit events, newest first",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce.number().int().positive().optional().meta({
        description: "The next page: events before this id (the previous page's nextBefore)",
      }),
    }),
  },
  responses: {
    200: {
      description: "One page of events",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(AuditEventSchema),
            nextBefore: z.number().int().nullable(),
          }),
        },
      },
    },
    ...denied,
    422: problemResponse("A query parameter is invalid"),
  },
});

export const entityAudit = createRoute({
  method: "get",
  path: "/staff/audit/{entityType}/{entityId}",
  tags: TAGS,
  summary: "Everything that happened to one entity, oldest first",
  request: {
    params: z.object({
      entityType: z
        .string()
        .regex(/^[a-z_]{1,40}$/, "must be an entity type such as scheme_request")
        .meta({ example: "scheme_request" }),
      entityId: z.string().min(1).max(200),
    }),
  },
  responses: {
    200: {
      description: "The events",
      content: { "application/json": { schema: z.array(AuditEventSchema) } },
    },
    ...denied,
    422: problemResponse("A parameter is invalid"),
  },
});

// ---------------------------------------------------------------- CSV exports

const csvResponse = (description: string) => ({
  description: `${description}: UTF-8 with a BOM, \`;\` between fields, CRLF line ends, euros with a decimal comma (what a French Excel opens as is)`,
  content: { "text/csv": { schema: z.string() } },
});

export const exportRequests = createRoute({
  method: "get",
  path: "/staff/exports/requests.csv",
  tags: TAGS,
  summary: "The requests as CSV, with the queue's filters",
  description:
    "Every request the queue's filters keep (the same `view`, `state`, `search`… and the same default: the requests to process), in the queue's order, streamed batch after batch in constant memory. Columns in the reader's language: the state's label, the planned and actual dates, the estimate, the amount approved, what was paid, and what is still to pay or to recover (computed from what was paid, as the office's screen and the ledger say).",
  request: { query: QueueFilterSchema },
  responses: {
    200: csvResponse("One row per request"),
    ...denied,
    422: problemResponse("A query parameter is invalid"),
  },
});

export const exportBudgets = createRoute({
  method: "get",
  path: "/staff/exports/budgets.csv",
  tags: TAGS,
  summary: "The envelopes as CSV",
  request: { query: YearQuery },
  responses: {
    200: csvResponse("One row per scheme and year"),
    ...denied,
    422: problemResponse("A query parameter is invalid"),
  },
});

// ---------------------------------------------------------------- partner API keys

export const listPartnerKeys = createRoute({
  method: "get",
  path: "/staff/partner-keys",
  tags: TAGS,
  summary: "The partners' API keys (never their secrets)",
  request: {
    query: z.object({ partner: Id.optional().meta({ example: "tu-berlin" }) }),
  },
  responses: {
    200: {
      description: "The keys, oldest first",
      content: { "application/json": { schema: z.array(PartnerKeySchema) } },
    },
    ...denied,
    422: problemResponse("A query parameter is invalid"),
  },
});

export const createPartnerKey = createRoute({
  method: "post",
  path: "/staff/partner-keys",
  tags: TAGS,
  summary: "Issue an API key for a partner school: the secret is shown once, here",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            partnerId: Id.meta({ example: "tu-berlin" }),
            label: z.string().trim().min(1).max(TEXT_LIMITS.name),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description:
        "The key, and its secret: send it as `Authorization: Bearer …`; it cannot be shown again",
      content: {
        "application/json": { schema: z.object({ key: PartnerKeySchema, secret: z.string() }) },
      },
    },
    ...denied,
    422: problemResponse("A field is invalid, or no such partner"),
  },
});

export const revokePartnerKey = createRoute({
  method: "delete",
  path: "/staff/partner-keys/{id}",
  tags: TAGS,
  summary: "Revoke a partner's API key for good",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The key, revoked",
      content: { "application/json": { schema: PartnerKeySchema } },
    },
    ...denied,
    404: problemResponse("No such key"),
    422: problemResponse("The id is not a UUID"),
  },
});
