CREATE TABLE "call_reminders" (
	"call_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_reminders_call_id_request_id_kind_pk" PRIMARY KEY("call_id","request_id","kind"),
	CONSTRAINT "call_reminders_kind" CHECK ("call_reminders"."kind" in ('documents', 'reports'))
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"academic_year" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"documents_due_on" date,
	"reports_due_on" date,
	"reminder_days_before" integer DEFAULT 7 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calls_scheme_year" UNIQUE("scheme","academic_year"),
	CONSTRAINT "calls_window" CHECK ("calls"."opens_on" <= "calls"."closes_on"),
	CONSTRAINT "calls_reminder_days" CHECK ("calls"."reminder_days_before" between 0 and 60)
);
--> statement-breakpoint
ALTER TABLE "call_reminders" ADD CONSTRAINT "call_reminders_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reminders" ADD CONSTRAINT "call_reminders_request_id_scheme_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."scheme_requests"("id") ON DELETE cascade ON UPDATE no action;