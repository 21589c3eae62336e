import { DOCUMENT_DUES, IsoDateSchema, TEXT_LIMITS } from "@envol/domain";
import { z } from "@hono/zod-openapi";
import { DOCUMENT_MEDIA_TYPES } from "./document-download.ts";

/** A document's metadata, with the label of what it answers, as the student and the office read it. */
export const DocumentSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    kind: z
      .string()
      .meta({ description: "The checklist item it answers", example: "bank-details" }),
    label: z.string().meta({
      description: "The checklist item it answers, in the reader's language",
      example: "RIB",
    }),
    fileName: z.string().meta({ description: "The uploaded file's name, for display only" }),
    mediaType: z.enum(DOCUMENT_MEDIA_TYPES).meta({ description: "Recognised from the content" }),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
    reviewedAt: z.string().nullable().meta({
      description:
        "When the office marked it reviewed; until then (null) the student may delete or replace it",
    }),
  })
  .meta({ id: "StudentDocument" });

export const ChecklistItemSchema = z
  .object({
    id: z.string().meta({ example: "learning-agreement" }),
    label: z.string().meta({ description: "In the reader's language" }),
    due: z.enum(DOCUMENT_DUES).meta({
      description: "Due before the student leaves, or once back from the stay",
    }),
    schemes: z.array(z.string()).meta({ description: "The requested schemes that ask for it" }),
    uploaded: z.boolean(),
    documents: z.array(DocumentSchema),
  })
  .meta({ id: "ChecklistItem" });

export const DocumentRequestSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    kind: z.string().meta({ description: "The checklist item asked for", example: "bank-details" }),
    label: z.string().meta({ description: "The item asked for, in the reader's language" }),
    message: z.string().meta({ description: "The office's message to the student" }),
    dueDate: z.string().meta({ example: "2027-02-01" }),
    requestedBy: z.string(),
    requestedAt: z.string(),
    answeredBy: z
      .string()
      .nullable()
      .meta({ description: "The upload that answered it (null: still open)" }),
    answeredAt: z.string().nullable(),
    overdue: z.boolean().meta({ description: "Still open after its due date" }),
  })
  .meta({ id: "DocumentRequest" });

/** What the office sends to ask the student for a document. */
export const NewDocumentRequestSchema = z.strictObject({
  kind: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.id)
    .meta({ description: "A checklist item of the application", example: "bank-details" }),
  message: z
    .string()
    .trim()
    .min(1, "must say what is wanted")
    .max(TEXT_LIMITS.text)
    .meta({ example: "Le RIB envoyé est illisible : pouvez-vous en déposer un autre ?" }),
  dueDate: IsoDateSchema.meta({
    description: "The date the office wants it by: today or later",
    example: "2027-01-15",
  }),
});
