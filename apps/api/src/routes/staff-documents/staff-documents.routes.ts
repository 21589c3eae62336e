import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { requireRole } from "../../lib/auth.ts";
import {
  DocumentRequestSchema,
  DocumentSchema,
  NewDocumentRequestSchema,
} from "../../lib/document-schemas.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problemResponse } from "../../lib/problem.ts";

/**
 * The office's work on a student's documents: asking for one (a message with a due date,
 * e-mailed to the student) and marking one reviewed (after which the student can no longer
 * replace or delete it).
 */

const TAGS = ["Staff"];

const staff = [requireRole("staff")] as MiddlewareHandler<AppEnv>[];

const denied = {
  401: problemResponse("Nobody is signed in"),
  403: problemResponse("Not a staff member, or a write without the session's CSRF token"),
} as const;

const IdParam = z.object({
  id: z.uuid().meta({ example: "5f0c6a3e-1d2b-4c6f-9a4e-2b1f3c4d5e6f" }),
});

export const requestDocument = createRoute({
  method: "post",
  path: "/staff/applications/{id}/document-requests",
  tags: TAGS,
  summary: "Ask the student for a document",
  description:
    "Records the request (kept in the audit trail) and e-mails the student in their language: the document asked for, the office's message and the due date. The student sees it in their area until an upload of that kind answers it.",
  middleware: staff,
  request: {
    params: IdParam,
    body: { required: true, content: { "application/json": { schema: NewDocumentRequestSchema } } },
  },
  responses: {
    201: {
      description: "The request, open",
      content: { "application/json": { schema: DocumentRequestSchema } },
    },
    ...denied,
    404: problemResponse("No such application"),
    422: problemResponse(
      "A field is invalid: the kind is not in the application's checklist, or the due date has passed",
    ),
  },
});

export const reviewDocument = createRoute({
  method: "post",
  path: "/staff/applications/{id}/documents/{documentId}/review",
  tags: TAGS,
  summary: "Mark a document reviewed",
  description:
    "The office has looked at the document: it is marked reviewed (once; again changes nothing), in the audit trail, and the student can no longer replace or delete it.",
  middleware: staff,
  request: {
    params: IdParam.extend({
      documentId: z.uuid().meta({ example: "0b8e4f6a-3c2d-4e1f-8a7b-6c5d4e3f2a1b" }),
    }),
  },
  responses: {
    200: {
      description: "The document, reviewed",
      content: { "application/json": { schema: DocumentSchema } },
    },
    ...denied,
    404: problemResponse("No such document in this application"),
    422: problemResponse("An id is not a UUID"),
  },
});
