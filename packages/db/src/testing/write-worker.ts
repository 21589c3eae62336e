/**
 * The writer that durability.test.ts kills with SIGKILL. It receives a `WriteJob`, opens the
 * database, then creates applications of two or three scheme requests (one transaction each) in
 * `writers` concurrent loops until it is killed. It replies `{ begin }` before each write and
 * `{ acked, requests }` once the write has committed: an acknowledged application must survive.
 */

import { setImmediate } from "node:timers/promises";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { ManagedRuntime } from "effect";
import { Applications } from "../applications.ts";
import type { DatabaseConfig } from "../database.ts";
import { Partners } from "../partners.ts";
import { Users } from "../users.ts";
import { repositoriesLayer } from "./runtime.ts";
import { BERLIN_SEMESTER as situation } from "./situations.ts";
import { parentChannel } from "./workers.ts";

export interface WriteJob {
  readonly config: DatabaseConfig;
  readonly writers: number;
}

export type WriteReply =
  | { readonly ready: number }
  | { readonly begin: number }
  | { readonly acked: string; readonly requests: number };

const SCHEMES = [
  ["erasmus", "idf"],
  ["erasmus", "idf", "alumni"],
] as const;

const parent = parentChannel();
const reply = (message: WriteReply) => parent.send(message);
const job = await parent.next<WriteJob>();
const runtime = ManagedRuntime.make(repositoriesLayer(job.config));
await runtime.runPromise(Partners.use((p) => p.seed(DEMO_PARTNER_CATALOGUE)));
const student = await runtime.runPromise(
  Users.use((u) => u.ensure({ email: "writer@example.org", name: "Writer", role: "student" })),
);
reply({ ready: process.pid });

const write = async (writer: number): Promise<never> => {
  for (let i = 0; ; i++) {
    const schemes = SCHEMES[(writer + i) % SCHEMES.length] ?? SCHEMES[0];
    reply({ begin: writer });
    const app = await runtime.runPromise(
      Applications.use((a) => a.create({ studentId: student.id, situation, schemes })),
    );
    reply({ acked: app.id, requests: app.requests.length });
    // PGlite answers without real I/O: without this turn of the event loop, the loop would never
    // see its parent go away
    await setImmediate();
  }
};
await Promise.all(Array.from({ length: job.writers }, (_, w) => write(w)));
