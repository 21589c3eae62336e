-- The staff queue at volume (issue #12): its pages by last change or by start, and the
-- search of a student by word prefixes of the name or a prefix of the e-mail
-- (packages/db/src/request-queue.ts, student-search.ts).
CREATE INDEX "applications_start" ON "applications" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "applications_year_start" ON "applications" USING btree ("academic_year","start_date","id");--> statement-breakpoint
CREATE INDEX "applications_country" ON "applications" USING btree ("destination_country");--> statement-breakpoint
CREATE INDEX "scheme_requests_updated" ON "scheme_requests" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "scheme_requests_state_updated" ON "scheme_requests" USING btree ("state","updated_at","id");--> statement-breakpoint
CREATE INDEX "users_name_words" ON "users" USING gin (to_tsvector('simple'::regconfig, translate("name", 'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŸŒœÆæßŠšŽž', 'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyYOoAasSsZz')));--> statement-breakpoint
CREATE INDEX "users_email_prefix" ON "users" USING btree (lower("email") text_pattern_ops);