-- The school's personnel as applicants (issue #14, ADR 016): a user may be a member of the
-- personnel, who applies for teaching and training stays as a student applies for studies; the
-- office's queue filters by participant, the few personnel applications through their own index.
ALTER TABLE "users" DROP CONSTRAINT "users_role";--> statement-breakpoint
CREATE INDEX "applications_personnel" ON "applications" USING btree ("start_date","id") WHERE "applications"."situation" ? 'personnel';--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role" CHECK ("users"."role" in ('student', 'personnel', 'staff'));