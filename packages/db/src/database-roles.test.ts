/**
 * The runtime role on PostgreSQL (migration 0004, docs/operations/database-roles.md): the API
 * connects as a login role member of `envol_app`, migrations run as the owner. As that role the
 * application works, but the audit trail can only be read and appended to: UPDATE, DELETE,
 * TRUNCATE, disabling its triggers and rewriting the chain's head all fail. PostgreSQL only
 * (DATABASE_URL): PGlite has one user, the process itself.
 */
import type { Actor } from "@envol/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditTrail } from "./audit-trail.ts";
import { Budgets } from "./budgets.ts";
import { openTestRuntime, postgresEngine } from "./testing/index.ts";

const DATABASE_URL = process.env.DATABASE_URL;
const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

describe.skipIf(!DATABASE_URL)("the runtime role on PostgreSQL", () => {
  let t: Awaited<ReturnType<typeof openTestRuntime>>;
  let app: pg.Client;
  beforeAll(async () => {
    t = await openTestRuntime(postgresEngine(DATABASE_URL as string, { asAppRole: true }));
    app = new pg.Client({ connectionString: t.config.url });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await t?.dispose();
  });

  /** The error code PostgreSQL answers `statement` with, as the runtime role (none: it passed). */
  const refusal = async (statement: string) => {
    try {
      await app.query(statement);
      return undefined;
    } catch (e) {
      return (e as { code?: string }).code;
    }
  };

  it("is not the owner: it runs as a member of envol_app", async () => {
    const who = await app.query(
      "select current_user, pg_has_role(current_user, 'envol_app', 'member') as member, (select tableowner from pg_tables where tablename = 'audit_events') as owner",
    );
    const row = who.rows[0] as { current_user: string; member: boolean; owner: string };
    expect(row.member).toBe(true);
    expect(row.current_user).not.toBe(row.owner);
  });

  it("writes through the application, every event chained", async () => {
    for (let i = 0; i < 5; i++)
      await t.run(Budgets.use((b) => b.setEnvelope("erasmus", "2026-2027", 100_000 + i, STAFF)));
    expect(await t.run(AuditTrail.use((a) => a.verify()))).toMatchObject({ ok: true, events: 5 });
  });

  it("cannot update, delete or truncate the audit trail, nor disable its triggers", async () => {
    // 42501 insufficient_privilege: no such right; the owner's trigger would refuse too
    expect(await refusal("update audit_events set reason = 'forged'")).toBe("42501");
    expect(await refusal("delete from audit_events")).toBe("42501");
    expect(await refusal("truncate audit_events")).toBe("42501");
    expect(await refusal("alter table audit_events disable trigger user")).toBe("42501");
    expect(await refusal("alter table audit_events disable trigger all")).toBe("42501");
    expect(await refusal("drop trigger audit_events_chain on audit_events")).toBe("42501");
    // nor turn triggers off for the session, nor become the owner
    expect(await refusal("set session_replication_role = replica")).toBe("42501");
    expect(await refusal("set role postgres")).toBe("42501");
    // nor move the chain's head, nor replace the hash function
    expect(await refusal("update audit_chain_head set position = 0")).toBe("42501");
    expect(
      await refusal(
        "create or replace function audit_event_hash(e audit_events) returns text language sql as $$ select e.hash $$",
      ),
    ).toBe("42501");
    expect(await t.run(AuditTrail.use((a) => a.verify()))).toMatchObject({ ok: true, events: 5 });
  });

  it("can append, but the trigger chains the event whatever position and hash it claims", async () => {
    await app.query(`insert into audit_events
      (at, actor_kind, actor_id, action, entity_type, entity_id, position, prev_hash, hash)
      values (now(), 'staff', 'x', 'approve', 'scheme_request', 'r', 1, repeat('0', 64), repeat('a', 64))`);
    expect(await t.run(AuditTrail.use((a) => a.verify()))).toMatchObject({ ok: true, events: 6 });
  });
});
