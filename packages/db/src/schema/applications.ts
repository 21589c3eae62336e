import type { RequestState, Situation } from "@envol/domain";
import { REQUEST_STATES } from "@envol/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { partners } from "./partners.ts";
import { users } from "./users.ts";

/** One application per mobility, with the situation exactly as the student submitted it. */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey(),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id),
    situation: jsonb("situation").$type<Situation>().notNull(),
    academicYear: text("academic_year").notNull(),
    hostPartnerId: text("host_partner_id").references(() => partners.id),
    destinationCountry: text("destination_country").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    /** Confirmed by the host or by staff; they trigger a recalculation. */
    actualStartDate: date("actual_start_date", { mode: "string" }),
    actualEndDate: date("actual_end_date", { mode: "string" }),
    /** The hours a member of the personnel actually taught, from the certificate of attendance. */
    actualTeachingHours: doublePrecision("actual_teaching_hours"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("applications_student").on(t.studentId),
    index("applications_host_year").on(t.hostPartnerId, t.academicYear),
    index("applications_updated").on(t.updatedAt),
    // the queue sorted by the stay's start, page after page, and filtered by year or country
    // (request-queue.ts)
    index("applications_start").on(t.startDate, t.id),
    index("applications_year_start").on(t.academicYear, t.startDate, t.id),
    index("applications_country").on(t.destinationCountry),
    // the queue's `participant=personnel` (ADR 016): the personnel's applications are few, found
    // here rather than by walking every request and reading its situation
    index("applications_personnel").on(t.startDate, t.id).where(sql`${t.situation} ? 'personnel'`),
  ],
);

const STATES_SQL = sql.raw(REQUEST_STATES.map((s) => `'${s}'`).join(", "));

/** One request per scheme of an application, moving through the lifecycle of the domain. */
export const schemeRequests = pgTable(
  "scheme_requests",
  {
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    scheme: text("scheme").notNull(),
    state: text("state").$type<RequestState>().notNull(),
    /** The standalone estimate when the student applied. */
    estimatedCents: bigint("estimated_cents", { mode: "number" }),
    approvedCents: bigint("approved_cents", { mode: "number" }),
    /** The plugin options in force at approval: a recalculation uses them unless staff choose the current ones. */
    approvedOptions: jsonb("approved_options"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** Bumped on every change, for the queue's optimistic reads. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("scheme_requests_application_scheme").on(t.applicationId, t.scheme),
    index("scheme_requests_scheme_state").on(t.scheme, t.state),
    // the queue's pages by last change, in one state or in all (request-queue.ts)
    index("scheme_requests_updated").on(t.updatedAt, t.id),
    index("scheme_requests_state_updated").on(t.state, t.updatedAt, t.id),
    check("scheme_requests_state", sql`${t.state} in (${STATES_SQL})`),
    check("scheme_requests_amounts", sql`coalesce(${t.approvedCents}, 0) >= 0`),
  ],
);

/** Uploaded documents: metadata here, the bytes outside any served folder under a random name. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    /** The checklist item it answers ("learning-agreement"). */
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    /** When the office marked it reviewed: from then on the student can no longer replace it. */
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
  },
  (t) => [index("documents_application").on(t.applicationId)],
);

/**
 * The office asking a student for a document: a message, the checklist item and a due date.
 * The student's next upload of that kind answers it.
 */
export const documentRequests = pgTable(
  "document_requests",
  {
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    /** The checklist item asked for ("bank-details"). */
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    /** The upload that answers it (the latest of its kind once the first is deleted); null while it is open. */
    answeredBy: uuid("answered_by").references(() => documents.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("document_requests_application").on(t.applicationId, t.kind)],
);
