CREATE TABLE "scheme_option_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"since" date NOT NULL,
	"options" jsonb NOT NULL,
	"reason" text NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scheme_option_periods_scheme_since" UNIQUE("scheme","since"),
	CONSTRAINT "scheme_option_periods_reason" CHECK (length(trim("scheme_option_periods"."reason")) > 0)
);
