import { USER_ROLES } from "@envol/db";
import {
  ACTOR_KINDS,
  fieldText,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  SimulationReportSchema,
  SituationSchema,
  TEXT_LIMITS,
} from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { applicationFields } from "../../lib/application-schema.ts";
import { requireApplicant } from "../../lib/auth.ts";
import { bodyLimit } from "../../lib/body-limit.ts";
import { documentDownloadResponse } from "../../lib/document-download.ts";
import {
  ChecklistItemSchema,
  DocumentRequestSchema,
  DocumentSchema,
} from "../../lib/document-schemas.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problemIn, problemResponse, TITLES, tooManyResponse } from "../../lib/problem.ts";

/** The largest document a student may upload: 10 MiB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Room in a multipart body for its framing and the `kind` field, on top of the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The 413 of a document too large, in the problem+json of every error. */
export const tooLarge = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) =>
  problemIn(c, 413, "too-large", {
    title: TITLES.tooLarge,
    detail: { fr: "Un document ne peut dépasser 10 Mio.", en: "A document may be 10 MiB at most." },
  });

/**
 * Refuses a body too large for a document before reading it when Content-Length says so, and
 * otherwise stops reading as soon as the count goes past the limit.
 */
const documentBodyLimit = bodyLimit({
  maxSize: MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES,
  onError: tooLarge,
});

const DOCUMENT_UPLOAD_PATH = /^\/api\/applications\/[^/]+\/documents$/;

/** The document upload, which the app's JSON body limit leaves to {@link documentBodyLimit}. */
export const isDocumentUpload = (c: Context) =>
  c.req.method === "POST" && DOCUMENT_UPLOAD_PATH.test(c.req.path);

const TAGS = ["Student"];

const Uuid = z.uuid().meta({ example: "6f1c2a8e-2f4b-4c1e-9a51-0d3f6b1e7c42" });
const ApplicationParams = z.object({ id: Uuid });
const RequestParams = z.object({ id: Uuid, requestId: Uuid });
const DocumentParams = z.object({ id: Uuid, documentId: Uuid });

export const StudentRequestSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    scheme: z.string(),
    state: z.enum(REQUEST_STATES),
    estimatedCents: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The standalone estimate when the student applied (cents)" }),
    approvedCents: z.number().int().nullable(),
    approvedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
    actions: z
      .array(z.enum(REQUEST_ACTIONS))
      .meta({ description: "What the signed-in student may do with this request now" }),
  })
  .meta({ id: "StudentRequest" });

export const StudentApplicationSchema = z
  .object({
    id: z.string(),
    ...applicationFields,
    requests: z.array(StudentRequestSchema),
  })
  .meta({ id: "StudentApplication" });

export { ChecklistItemSchema, DocumentSchema };

export const HistoryEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ kind: z.enum(ACTOR_KINDS) }),
    action: z.string().meta({ example: "submit" }),
    entityType: z.enum(["application", "scheme_request", "document"]),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
  })
  .meta({ id: "ApplicationHistoryEvent" });

export const StudentApplicationDetailSchema = StudentApplicationSchema.extend({
  eligibility: SimulationReportSchema.nullable().meta({
    description:
      "The situation evaluated today, with the rules and figures in force today, for the requested schemes (null when it can no longer be evaluated: its host left the partner catalogue)",
  }),
  eligibilityAsOf: z.string().meta({ description: "The date the eligibility was evaluated on" }),
  checklist: z.array(ChecklistItemSchema).meta({
    description:
      "The documents the requested schemes ask for, each once, with when it is due: what is not uploaded is still missing",
  }),
  documentRequests: z.array(DocumentRequestSchema).meta({
    description:
      "The office's requests for a document, oldest first: an upload of the kind asked for answers one",
  }),
  history: z.array(HistoryEventSchema).meta({ description: "Oldest first" }),
}).meta({ id: "StudentApplicationDetail" });

const CreateApplicationSchema = z.object({
  situation: SituationSchema,
  schemes: z
    .array(z.string().min(1).max(TEXT_LIMITS.id))
    .min(1)
    .max(20)
    .meta({ description: "The schemes to apply for", example: ["erasmus", "idf"] }),
});

const UpdateDraftSchema = z.object({ situation: SituationSchema });

const WithdrawSchema = z.object({
  reason: z.string().trim().min(1).max(TEXT_LIMITS.text).optional(),
});

const UploadSchema = z.object({
  kind: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: "The checklist item the file answers", example: "learning-agreement" }),
  file: z
    .custom<File>(
      (v) => v instanceof File,
      fieldText({ fr: "doit être un fichier", en: "must be a file" }),
    )
    .meta({ type: "string", format: "binary", description: "PDF, JPEG or PNG; 10 MiB at most" }),
});

/** The applicant's routes: a student's, or a member of the school's personnel's (ADR 016). */
const student = [requireApplicant()] as MiddlewareHandler<AppEnv>[];

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const signedIn = {
  401: problemResponse("Nobody is signed in"),
  403: problemResponse(
    "Not an applicant (a student or a member of the personnel), or a write without the CSRF token",
  ),
} as const;

export const createApplication = createRoute({
  method: "post",
  path: "/applications",
  tags: TAGS,
  summary: "Apply with a simulated situation",
  description:
    "Files an application for the given schemes, one draft request per scheme, with the situation stored exactly as submitted.",
  middleware: student,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateApplicationSchema } } },
  },
  responses: {
    201: json(StudentApplicationSchema, "The application, its requests in draft"),
    ...signedIn,
    422: problemResponse(
      "A field is invalid, or a scheme or partner is unknown, or the situation is not the account's (`situation.personnel`: a personnel member's stay from a student's account, or the reverse)",
    ),
    429: tooManyResponse(
      "Too many applications created by this student today (ENVOL_LIMIT_APPLICATIONS_PER_DAY)",
    ),
  },
});

export const listApplications = createRoute({
  method: "get",
  path: "/applications",
  tags: TAGS,
  summary: "My applications",
  middleware: student,
  responses: {
    200: json(z.array(StudentApplicationSchema), "The student's applications, newest first"),
    ...signedIn,
  },
});

export const getApplication = createRoute({
  method: "get",
  path: "/applications/{id}",
  tags: TAGS,
  summary: "One of my applications, with its live eligibility, checklist and history",
  middleware: student,
  request: { params: ApplicationParams },
  responses: {
    200: json(StudentApplicationDetailSchema, "The application"),
    ...signedIn,
    404: problemResponse("No such application of yours"),
    422: problemResponse("The id is not valid"),
  },
});

export const updateDraft = createRoute({
  method: "put",
  path: "/applications/{id}",
  tags: TAGS,
  summary: "Change the situation of a draft application",
  middleware: student,
  request: {
    params: ApplicationParams,
    body: { required: true, content: { "application/json": { schema: UpdateDraftSchema } } },
  },
  responses: {
    200: json(StudentApplicationSchema, "The application with its new situation"),
    ...signedIn,
    404: problemResponse("No such application of yours"),
    409: problemResponse("The application is no longer a draft"),
    422: problemResponse(
      "A field is invalid, or the situation is not the account's (`situation.personnel`)",
    ),
  },
});

const decisionResponses = {
  200: json(StudentRequestSchema, "The request in its new state"),
  ...signedIn,
  404: problemResponse("No such request in an application of yours"),
  409: problemResponse("Not possible in the request's current state"),
  422: problemResponse("A field is invalid"),
} as const;

export const submitRequest = createRoute({
  method: "post",
  path: "/applications/{id}/requests/{requestId}/submit",
  tags: TAGS,
  summary: "Submit a draft request to the office",
  middleware: student,
  request: { params: RequestParams },
  responses: {
    ...decisionResponses,
    409: problemResponse(
      "Not possible in the request's current state, or the student already has a standing request for the same scheme on another application whose stay overlaps (`overlapping-request`: the detail names the scheme and the other stay's dates in words; `otherApplicationId` is the other application, to link to), or today (in Paris) is outside the window of the office's call for the scheme and the application's year (`call-closed`: the detail says the window's dates in words; `opensOn` and `closesOn` give them as dates). Without a call, submission is open",
    ),
  },
});

export const withdrawRequest = createRoute({
  method: "post",
  path: "/applications/{id}/requests/{requestId}/withdraw",
  tags: TAGS,
  summary: "Withdraw a request that is not final, with an optional reason",
  middleware: student,
  request: {
    params: RequestParams,
    body: { required: false, content: { "application/json": { schema: WithdrawSchema } } },
  },
  responses: decisionResponses,
});

export const signAgreement = createRoute({
  method: "post",
  path: "/applications/{id}/requests/{requestId}/sign-agreement",
  tags: TAGS,
  summary: "Sign the grant agreement of an approved request",
  middleware: student,
  request: { params: RequestParams },
  responses: decisionResponses,
});

export const uploadDocument = createRoute({
  method: "post",
  path: "/applications/{id}/documents",
  tags: TAGS,
  summary: "Upload a document of the checklist",
  description:
    "A PDF, JPEG or PNG of 10 MiB at most, recognised by its content (a renamed file is refused). The file is stored under a random name outside any served folder.",
  middleware: [...student, documentBodyLimit],
  request: {
    params: ApplicationParams,
    body: { required: true, content: { "multipart/form-data": { schema: UploadSchema } } },
  },
  responses: {
    201: json(DocumentSchema, "The document's metadata"),
    ...signedIn,
    404: problemResponse("No such application of yours"),
    409: problemResponse(
      "The application's document quota is reached (ENVOL_DOCUMENTS_PER_APPLICATION documents, ENVOL_DOCUMENT_MB_PER_APPLICATION MiB in all): the detail names the limit",
    ),
    413: problemResponse("The file is larger than 10 MiB"),
    415: problemResponse("The file is not a PDF, a JPEG or a PNG"),
    422: problemResponse("A field is missing or invalid, or the kind is not in the checklist"),
    429: tooManyResponse(
      "Too many uploads by this student this hour (ENVOL_LIMIT_UPLOADS_PER_HOUR)",
    ),
  },
});

export const deleteDocument = createRoute({
  method: "delete",
  path: "/applications/{id}/documents/{documentId}",
  tags: TAGS,
  summary: "Delete one of my documents the office has not reviewed yet",
  description:
    "To replace a document, upload the new one, then delete the old one. Once the office has marked a document reviewed it stays: the answer is a 409 that says so. An office request the document answered is open again.",
  middleware: student,
  request: { params: DocumentParams },
  responses: {
    204: { description: "Deleted" },
    ...signedIn,
    404: problemResponse("No such document in an application of yours"),
    409: problemResponse("The office has reviewed this document: it can no longer be deleted"),
    422: problemResponse("An id is not valid"),
  },
});

export const AgreementSchema = z
  .object({
    requestId: z.string(),
    scheme: z.string(),
    schemeName: z.string(),
    approvedCents: z.number().int().meta({ description: "The grant (cents)" }),
    advancePercent: z.number().int(),
    advanceCents: z
      .number()
      .int()
      .meta({ description: "Paid once the agreement is signed (cents)" }),
    balanceCents: z
      .number()
      .int()
      .meta({ description: "Paid after the return, on the stay's actual dates (cents)" }),
    start: z.string(),
    end: z.string(),
    text: z
      .array(z.string())
      .meta({ description: "The agreement's paragraphs, in the reader's language" }),
    signedAt: z.string().nullable().meta({
      description: "When the student signed it: the text and amounts are then those signed",
    }),
  })
  .meta({ id: "GrantAgreement" });

export const getAgreement = createRoute({
  method: "get",
  path: "/applications/{id}/requests/{requestId}/agreement",
  tags: TAGS,
  summary: "The grant agreement of an approved request: what signing it commits to",
  description:
    "Before signing, the agreement the student is asked to sign, with the grant, its advance and the balance's conditions, in the reader's language. Once signed, the text and amounts kept when it was signed.",
  middleware: student,
  request: { params: RequestParams },
  responses: {
    200: json(AgreementSchema, "The agreement"),
    ...signedIn,
    404: problemResponse("No such request in an application of yours"),
    409: problemResponse("The request has no grant to agree to (it is not approved)"),
    422: problemResponse("An id is not valid"),
  },
});

const NextStepSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("document"),
      applicationId: z.string(),
      id: z.string().meta({ description: "The checklist item" }),
      label: z.string(),
      due: z.enum(["before-departure", "after-return"]),
      date: z.string().meta({
        description: "Before departure: the stay's start; after return: its end (ISO)",
      }),
      overdue: z.boolean().meta({
        description: "Due before departure and the stay has begun: late",
      }),
    }),
    z.object({
      kind: z.literal("document-request"),
      applicationId: z.string(),
      id: z.string(),
      label: z.string(),
      message: z.string(),
      date: z.string().meta({ description: "The office's due date (ISO)" }),
      overdue: z.boolean(),
    }),
    z
      .object({
        kind: z.literal("call-deadline"),
        applicationId: z.string(),
        requestId: z.string(),
        schemeName: z.string(),
        stay: z.object({ start: z.string(), end: z.string() }).meta({
          description:
            "The request's stay (ISO days, the actual ones once recorded): what tells two requests of one scheme apart",
        }),
        deadline: z.enum(["documents", "reports"]).meta({
          description:
            "documents: the call's deadline for the documents due before departure, listed while one is missing; reports: for those due after return, likewise",
        }),
        date: z.string().meta({ description: "The call's deadline (ISO), a day in Paris" }),
        overdue: z.boolean().meta({ description: "The deadline has passed" }),
      })
      .meta({
        description: "A deadline of the office's call for the request's scheme and year (ADR 018)",
      }),
    z.object({
      kind: z.literal("sign-agreement"),
      applicationId: z.string(),
      requestId: z.string(),
      schemeName: z.string(),
      approvedCents: z.number().int(),
    }),
    z.object({
      kind: z.literal("payment"),
      applicationId: z.string(),
      requestId: z.string(),
      schemeName: z.string(),
      instalment: z.enum(["advance", "balance"]),
      amountCents: z.number().int(),
      when: z.enum(["after-signing", "after-return"]).meta({
        description: "The advance follows the signed agreement; the balance, the return",
      }),
      date: z
        .string()
        .nullable()
        .meta({ description: "The stay's end for the balance (ISO); null for the advance" }),
    }),
    z
      .object({
        kind: z.literal("pay-back"),
        applicationId: z.string(),
        requestId: z.string(),
        schemeName: z.string(),
        amountCents: z.number().int().meta({ description: "What was paid, to pay back" }),
      })
      .meta({
        description: "A grant that ended (cancelled by the office) after money was paid on it",
      }),
  ])
  .meta({ id: "NextStep" });

export const nextSteps = createRoute({
  method: "get",
  path: "/me/next-steps",
  tags: TAGS,
  summary: "What is due from me and to me, and when",
  description:
    "Across the student's applications with a request still going: the documents still missing (before departure, after return), the deadlines the office's call for each request's scheme and year sets for them while they are missing (`call-deadline`), the office's open requests with their due dates, the agreements to sign, and the payments to come of the approved grants (the advance once the agreement is signed, the balance after the return), and what was paid on a grant that ended, to pay back. Earliest date first; texts in the reader's language.",
  middleware: student,
  responses: {
    200: json(z.object({ items: z.array(NextStepSchema) }), "The next steps"),
    ...signedIn,
  },
});

export const downloadDocument = createRoute({
  method: "get",
  path: "/applications/{id}/documents/{documentId}",
  tags: TAGS,
  summary: "Download one of my documents",
  middleware: student,
  request: { params: DocumentParams },
  responses: {
    200: documentDownloadResponse,
    ...signedIn,
    404: problemResponse("No such document in an application of yours"),
    422: problemResponse("An id is not valid"),
  },
});

export const StudentExportSchema = z
  .object({
    exportedAt: z.string(),
    account: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(USER_ROLES),
      lang: z.enum(["fr", "en"]),
    }),
    applications: z.array(
      StudentApplicationSchema.omit({ requests: true }).extend({
        requests: z.array(StudentRequestSchema.omit({ actions: true })),
      }),
    ),
    documents: z.array(DocumentSchema),
    documentRequests: z
      .array(DocumentRequestSchema)
      .meta({ description: "The office's requests for a document, oldest first" }),
    history: z.array(HistoryEventSchema),
    notifications: z.array(
      z.object({
        id: z.number().int(),
        topic: z.string(),
        lang: z.enum(["fr", "en"]),
        subject: z.string(),
        body: z.string(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "StudentExport" });

export const exportMyData = createRoute({
  method: "get",
  path: "/me/export",
  tags: TAGS,
  summary: "Everything Envol keeps about me, as JSON",
  description:
    "The account, every application with its situation and requests, the documents' metadata, the office's requests for documents, the history of all of them and the notifications sent: a data-portability export (GDPR art. 20), as a file to save.",
  middleware: student,
  responses: {
    200: json(StudentExportSchema, "The export (Content-Disposition: attachment)"),
    ...signedIn,
  },
});
