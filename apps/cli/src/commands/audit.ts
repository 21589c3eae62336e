/**
 * `pnpm envol audit verify`: checks the whole hash chain of the audit trail (every event's hash,
 * and its link to the one before) and names the first broken link: the event, its position and
 * what differs. Exit code 0 when intact, 1 when broken, 2 on a usage error.
 *
 * The database is the server's: DATABASE_URL (PostgreSQL; MIGRATION_DATABASE_URL as for the
 * server), or else the PGlite data in ENVOL_DATA_DIR (default ./data/pglite), which the server
 * must not have open.
 */
import { type ChainVerdict, openDatabase, verifyAuditChain } from "@envol/db";
import { dataLocation } from "../environment.ts";
import type { Command } from "./command.ts";

export const AUDIT_USAGE = `usage: pnpm envol audit verify

  checks the audit trail's hash chain in the server's database (DATABASE_URL, or the PGlite
  data in ENVOL_DATA_DIR); exits 0 when intact, 1 naming the first broken link`;

/** What verify prints for a verdict. */
export const describeVerdict = (verdict: ChainVerdict): string =>
  verdict.ok
    ? `audit trail intact: ${verdict.events} events, chain head at position ${verdict.head.position} (hash ${verdict.head.hash})`
    : [
        `audit trail BROKEN at position ${verdict.broken.position}${verdict.broken.eventId === null ? "" : ` (event ${verdict.broken.eventId})`}: ${verdict.broken.problem}`,
        `  ${verdict.broken.detail}`,
        `  the ${verdict.events} events before it are intact`,
      ].join("\n");

export const auditCommand: Command = {
  usage: AUDIT_USAGE,
  run: async (args) => {
    if (args.length !== 1 || args[0] !== "verify") {
      console.error(AUDIT_USAGE);
      return 2;
    }
    const { databaseUrl, migrationUrl, dataDir } = dataLocation();
    const database = await openDatabase({ url: databaseUrl, migrationUrl, dataDir });
    try {
      const verdict = await verifyAuditChain(database.db);
      (verdict.ok ? console.log : console.error)(describeVerdict(verdict));
      return verdict.ok ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
