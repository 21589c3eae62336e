-- The audit trail as a hash chain (issue #10): each event carries the hash of the one before it,
-- so that an event altered, deleted or inserted out of band breaks a link `pnpm envol audit
-- verify` names. See packages/db/src/audit-chain.ts and docs/operations/database-roles.md.
CREATE TABLE "audit_chain_head" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"position" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_singleton" CHECK ("audit_chain_head"."singleton")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "position" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- One field of the canonical form: its length in bytes, a colon, the text; `~` for NULL.
-- Unambiguous whatever the text holds; audit-chain.ts writes the same form.
CREATE FUNCTION audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(octet_length(v) || ':' || v, '~')
$$;
--> statement-breakpoint
-- SHA-256 (hex) of an event's fields and prev_hash, in this order; `at` to the microsecond in UTC,
-- the jsonb fields in PostgreSQL's own canonical text.
CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    audit_field(e.id::text) || audit_field(e.position::text) ||
    audit_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) ||
    audit_field(e.actor_kind) || audit_field(e.actor_id) || audit_field(e.action) ||
    audit_field(e.entity_type) || audit_field(e.entity_id) ||
    audit_field(e.before::text) || audit_field(e.after::text) || audit_field(e.reason) ||
    audit_field(e.prev_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Chains the events already written, in id order, so that verify passes after migrating.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete;
--> statement-breakpoint
DO $$
DECLARE
  e audit_events%ROWTYPE;
  pos bigint := 0;
  prev text := repeat('0', 64);
BEGIN
  FOR e IN SELECT * FROM audit_events ORDER BY id LOOP
    pos := pos + 1;
    e.position := pos;
    e.prev_hash := prev;
    prev := audit_event_hash(e);
    UPDATE audit_events SET position = pos, prev_hash = e.prev_hash, hash = prev WHERE id = e.id;
  END LOOP;
  INSERT INTO audit_chain_head (singleton, position, hash) VALUES (true, pos, prev);
END $$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_position" ON "audit_events" USING btree ("position");
--> statement-breakpoint
-- Every insert is chained after the head, which it locks until its transaction ends: concurrent
-- writers (connections, instances) chain one after the other and never fork. SECURITY DEFINER:
-- the runtime role needs no right on the head; the search path is fixed, temporary objects last.
CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO STRICT head FROM audit_chain_head WHERE singleton FOR UPDATE;
  NEW.position := head.position + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := audit_event_hash(NEW);
  UPDATE audit_chain_head SET position = NEW.position, hash = NEW.hash WHERE singleton;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
-- The runtime role (PostgreSQL): migrations run as the tables' owner; the API connects as a login
-- role member of envol_app, which reads and writes every table but may only read and append the
-- audit trail (no UPDATE, DELETE, TRUNCATE; not the owner, so it cannot disable a trigger).
-- Roles belong to the cluster: another database's migration may create it at the same moment.
DO $$
BEGIN
  CREATE ROLE envol_app NOLOGIN;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE NOTICE 'role envol_app not created (the owner lacks CREATEROLE): see docs/operations/database-roles.md';
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'envol_app') THEN
    GRANT USAGE ON SCHEMA public TO envol_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO envol_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO envol_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM envol_app;
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM envol_app;
    -- the tables and sequences later migrations create (as the same owner)
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO envol_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO envol_app;
  END IF;
END $$;
