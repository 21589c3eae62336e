import {
  AcademicYearSchema,
  AllocationMoveSchema,
  PRIORITY_RULE_IDS,
  PriorityRulesSchema,
  TEXT_LIMITS,
} from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { requireApplicant, requireRole } from "../../lib/auth.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problemResponse } from "../../lib/problem.ts";

/**
 * A call's ranked allocation (issue #15, ADRs 017 and 019): the office proposes it from the
 * call's priority rules and its moves by hand, reads it (JSON or CSV), and applies it in one
 * transaction; each applicant reads their own standing once it is applied.
 */

const staff = [requireRole("staff")] as MiddlewareHandler<AppEnv>[];
const applicant = [requireApplicant()] as MiddlewareHandler<AppEnv>[];

const denied = {
  401: problemResponse("Nobody is signed in"),
  403: problemResponse("Not a staff member, or a write without the session's CSRF token"),
} as const;

/** At most this many moves by hand in one proposal. */
export const MAX_ALLOCATION_MOVES = 1_000;

const CallParams = z.object({
  scheme: z.string().min(1).max(TEXT_LIMITS.id).meta({ example: "alumni" }),
  academicYear: AcademicYearSchema,
});

const RuleValueSchema = z
  .object({
    rule: z.enum(PRIORITY_RULE_IDS),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  })
  .meta({
    id: "RuleValue",
    description:
      "The value a request was ranked on for one rule: an échelon ('0bis' to '7', 'boursier', 'not-boursier'), a quotient in cents, yes/no, an instant; null is unknown",
  });

const AllocationRowSchema = z
  .object({
    requestId: z.string(),
    applicationId: z.string(),
    applicantName: z.string(),
    rank: z.number().int().meta({ description: "1-based, distinct" }),
    total: z.number().int().meta({ description: "How many requests are ranked" }),
    amountCents: z.number().int().meta({ description: "What it is (or would be) approved at" }),
    funded: z.boolean(),
    waitlistPosition: z.number().int().nullable().meta({ description: "Null when funded" }),
    byHand: z.boolean().meta({ description: "Moved by the office, not placed by its rank" }),
    reason: z.string().nullable().meta({
      description: "The office's reason for a move by hand (office only; never shown to students)",
    }),
    explanation: z.string().meta({ description: "The rank explained, in the reader's language" }),
    values: z.array(RuleValueSchema),
  })
  .meta({ id: "AllocationRow" });

export const AllocationSchema = z
  .object({
    scheme: z.string(),
    schemeName: z.string().meta({ description: "In the reader's language" }),
    academicYear: z.string(),
    status: z.enum(["proposed", "applied"]),
    version: z.number().int().meta({ description: "Send it back to apply this proposal" }),
    rules: z.array(z.enum(PRIORITY_RULE_IDS)),
    envelopeCents: z.number().int().meta({
      description: "What the envelope had left (envelope less committed) when it was proposed",
    }),
    allocatedCents: z.number().int(),
    remainingCents: z.number().int(),
    lastFundedRank: z.number().int().nullable(),
    proposedAt: z.string(),
    appliedAt: z.string().nullable(),
    rows: z.array(AllocationRowSchema).meta({ description: "In rank order" }),
  })
  .meta({ id: "Allocation" });

export const ProposeAllocationSchema = z
  .strictObject({
    rules: PriorityRulesSchema,
    moves: z.array(AllocationMoveSchema).max(MAX_ALLOCATION_MOVES).optional(),
  })
  .meta({ id: "ProposeAllocation" });

export const proposeAllocation = createRoute({
  method: "put",
  path: "/staff/calls/{scheme}/{academicYear}/allocation",
  tags: ["Staff"],
  summary: "Propose the call's ranked allocation",
  description:
    "Ranks every eligible request of the scheme and year sent to the office (submitted or under review; eligible today, at its estimate, as an approval by hand would approve it) by the rules in order, then the submission instant and the request id; funds them in rank order within what the envelope has left (envelope less committed), the first that does not fit and every later one waiting; then the moves by hand (funded first, never above the envelope; or to the waitlist). Replaces an earlier proposal (a new version); audited. 409 once applied.",
  middleware: staff,
  request: {
    params: CallParams,
    body: { required: true, content: { "application/json": { schema: ProposeAllocationSchema } } },
  },
  responses: {
    200: {
      description: "The proposal",
      content: { "application/json": { schema: AllocationSchema } },
    },
    ...denied,
    409: problemResponse("The allocation is already applied, or no envelope is set"),
    422: problemResponse(
      "A field is invalid: an unknown scheme (`scheme`), rules unknown or twice (`rules`), a move of a request not ranked or moved twice (`moves.0.requestId`), without a reason (`moves.0.reason`), or moves to funded above the envelope (`moves`)",
    ),
  },
});

export const getAllocation = createRoute({
  method: "get",
  path: "/staff/calls/{scheme}/{academicYear}/allocation",
  tags: ["Staff"],
  summary: "The call's allocation, proposed or applied, in rank order",
  middleware: staff,
  request: { params: CallParams },
  responses: {
    200: {
      description: "The allocation",
      content: { "application/json": { schema: AllocationSchema } },
    },
    ...denied,
    404: problemResponse("No allocation is proposed for this call"),
    422: problemResponse("A path parameter is invalid"),
  },
});

export const allocationCsv = createRoute({
  method: "get",
  path: "/staff/calls/{scheme}/{academicYear}/allocation.csv",
  tags: ["Staff"],
  summary: "The call's allocation as CSV (French Excel), the same figures as the JSON",
  middleware: staff,
  request: { params: CallParams },
  responses: {
    200: {
      description: "One row per ranked request, in rank order",
      content: { "text/csv": { schema: z.string() } },
    },
    ...denied,
    404: problemResponse("No allocation is proposed for this call"),
    422: problemResponse("A path parameter is invalid"),
  },
});

export const applyAllocation = createRoute({
  method: "post",
  path: "/staff/calls/{scheme}/{academicYear}/allocation/apply",
  tags: ["Staff"],
  summary: "Apply the proposal: approve the funded, waitlist the others, tell each their rank",
  description:
    "In one transaction: every request and the envelope locked and checked again; each funded request approved at its amount and each other waitlisted in rank order, with the same money, audit events and messages as decisions by hand, each message carrying the student's rank explained. Nothing is applied (409 `allocation-outdated`, naming the request) if a request changed since the proposal, the envelope no longer covers it or its decision is refused; 409 if `version` is not the proposal's or it is already applied (of two applies at once, one wins).",
  middleware: staff,
  request: {
    params: CallParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            version: z.number().int().min(1).meta({ description: "The proposal's version read" }),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "The applied allocation",
      content: { "application/json": { schema: AllocationSchema } },
    },
    ...denied,
    404: problemResponse("No allocation is proposed for this call"),
    409: problemResponse(
      "Already applied, another version, a request changed or not covered (named), or no envelope",
    ),
    422: problemResponse("A field is invalid (`version`)"),
  },
});

const StandingSchema = z
  .object({
    applicationId: z.string(),
    requestId: z.string(),
    scheme: z.string(),
    schemeName: z.string(),
    academicYear: z.string(),
    rank: z.number().int(),
    total: z.number().int(),
    funded: z.boolean(),
    waitlistPosition: z.number().int().nullable(),
    lastFundedRank: z.number().int().nullable(),
    byHand: z.boolean(),
    explanation: z.string().meta({ description: "In the reader's language" }),
  })
  .meta({ id: "Standing" });

export const myStandings = createRoute({
  method: "get",
  path: "/me/standings",
  tags: ["Student"],
  summary: "My rank in each call whose allocation is applied, explained",
  description:
    "Only the applicant's own requests, only from applied allocations; never another's, never the office's reason for a move by hand.",
  middleware: applicant,
  responses: {
    200: {
      description: "My standings",
      content: {
        "application/json": { schema: z.object({ standings: z.array(StandingSchema) }) },
      },
    },
    401: problemResponse("Nobody is signed in"),
    403: problemResponse("Not an applicant (a student or a member of the personnel)"),
  },
});
