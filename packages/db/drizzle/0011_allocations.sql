CREATE TABLE "allocation_standings" (
	"allocation_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"funded" boolean NOT NULL,
	"amount_cents" bigint NOT NULL,
	"request_version" integer NOT NULL,
	"submitted_at" text NOT NULL,
	"standing" jsonb NOT NULL,
	CONSTRAINT "allocation_standings_allocation_id_request_id_pk" PRIMARY KEY("allocation_id","request_id"),
	CONSTRAINT "allocation_standings_rank" UNIQUE("allocation_id","rank")
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"academic_year" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"moves" jsonb NOT NULL,
	"envelope_cents" bigint NOT NULL,
	"allocated_cents" bigint NOT NULL,
	"last_funded_rank" integer,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone,
	CONSTRAINT "allocations_scheme_year" UNIQUE("scheme","academic_year"),
	CONSTRAINT "allocations_status" CHECK ("allocations"."status" in ('proposed', 'applied')),
	CONSTRAINT "allocations_within_envelope" CHECK ("allocations"."allocated_cents" >= 0 and "allocations"."allocated_cents" <= "allocations"."envelope_cents"),
	CONSTRAINT "allocations_applied" CHECK (("allocations"."status" = 'applied') = ("allocations"."applied_at" is not null and "allocations"."applied_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "allocation_standings" ADD CONSTRAINT "allocation_standings_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_standings" ADD CONSTRAINT "allocation_standings_request_id_scheme_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."scheme_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_standings_request" ON "allocation_standings" USING btree ("request_id");