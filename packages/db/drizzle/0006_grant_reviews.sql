CREATE TABLE "grant_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"actual_start" date NOT NULL,
	"actual_end" date NOT NULL,
	"before_cents" bigint NOT NULL,
	"after_cents" bigint,
	"after_verdict" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"raised_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "grant_reviews_state" CHECK ("grant_reviews"."state" in ('pending', 'confirmed', 'recalculated', 'rejected', 'dismissed', 'superseded')),
	CONSTRAINT "grant_reviews_kind" CHECK ("grant_reviews"."kind" in ('partner-statement', 'stale-grant'))
);
--> statement-breakpoint
ALTER TABLE "grant_reviews" ADD CONSTRAINT "grant_reviews_request_id_scheme_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."scheme_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reviews" ADD CONSTRAINT "grant_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_reviews_one_pending" ON "grant_reviews" USING btree ("request_id","kind") WHERE "grant_reviews"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "grant_reviews_application_pending" ON "grant_reviews" USING btree ("application_id") WHERE "grant_reviews"."state" = 'pending';