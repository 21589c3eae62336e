/**
 * One of the two Node processes racing for the same envelope in concurrency.test.ts. It receives
 * an `ApproveJob`, opens its own runtime on the database, says it is ready, waits for `go`,
 * approves all its requests at once and replies with an `ApproveReport`.
 */
import { type Actor, OVERRIDE_GROUND_KINDS } from "@envol/domain";
import { sql } from "drizzle-orm";
import { Cause, Exit, ManagedRuntime, Option } from "effect";
import { Applications } from "../applications.ts";
import { Database, type DatabaseConfig } from "../database.ts";
import { repositoriesLayer } from "./runtime.ts";
import { parentChannel } from "./workers.ts";

export interface ApproveJob {
  readonly config: DatabaseConfig;
  readonly requestIds: readonly string[];
  readonly amountCents: number;
}

export interface ApproveReport {
  readonly pid: number;
  readonly approved: readonly string[];
  /** The tag of each typed failure, or `defect: …` for anything else. */
  readonly failures: readonly string[];
  /** When the race started and ended in this process (epoch ms), to check the two overlapped. */
  readonly startedAt: number;
  readonly finishedAt: number;
}

const STAFF: Actor = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" };

const parent = parentChannel();
const job = await parent.next<ApproveJob>();
const runtime = ManagedRuntime.make(repositoriesLayer(job.config));
const { db } = await runtime.runPromise(Database);
// open the pool's ten connections now, so that `go` starts the race rather than ten handshakes
await Promise.all(Array.from({ length: 10 }, () => db.execute(sql`select pg_sleep(0.02)`)));
parent.send({ ready: process.pid });
await parent.next<{ readonly go: true }>();

const startedAt = Date.now();
const exits = await Promise.all(
  job.requestIds.map((id) =>
    runtime
      .runPromiseExit(
        // the envelope is what is raced, not the scheme's rules: each approval is an override
        Applications.use((a) =>
          a.decide(
            id,
            {
              action: "approve",
              amountCents: job.amountCents,
              override: { reason: "race", grounds: OVERRIDE_GROUND_KINDS },
            },
            STAFF,
          ),
        ),
      )
      .then((exit) => ({ id, exit })),
  ),
);
const finishedAt = Date.now();
const report: ApproveReport = {
  pid: process.pid,
  approved: exits.filter((r) => Exit.isSuccess(r.exit)).map((r) => r.id),
  failures: exits.flatMap(({ exit }) =>
    Exit.isFailure(exit)
      ? [
          Option.match(Cause.findErrorOption(exit.cause), {
            onSome: (e) => e._tag,
            onNone: () => `defect: ${Cause.pretty(exit.cause)}`,
          }),
        ]
      : [],
  ),
  startedAt,
  finishedAt,
};
parent.send(report);
await runtime.dispose();
process.exit(0);
