/**
 * The reminders of the calls' deadlines (ADR 018): `reminderDaysBefore` days before each
 * deadline, and every day until it, each live request of the call whose documents that deadline
 * concerns are still missing gets one e-mail through the outbox, in its student's language.
 * Once: the reminder's key (call, request, deadline) and its message are written in one
 * transaction, the key first, so instances reminding at the same moment write it once between
 * them. One small periodic job per instance, started by main.ts and stopped on shutdown, as the
 * purge of expired rows is (purge-expired.ts).
 */
import { Applications, Calls, Documents } from "@envol/db";
import {
  CALL_DEADLINE_KINDS,
  callReminderMessage,
  type IsoDate,
  type Registry,
  reminderDue,
} from "@envol/domain";
import { Effect, Exit, Result } from "effect";
import { openCallDeadlines, schemeChecklist } from "./lib/call-deadlines.ts";
import { repeatEvery } from "./lib/periodic.ts";
import type { Runner } from "./lib/services.ts";

export interface CallRemindersOptions {
  readonly run: Runner;
  readonly registry: () => Registry;
  readonly logger: {
    readonly info: (fields: object, msg: string) => void;
    readonly error: (fields: object, msg: string) => void;
  };
  /** Today, in Paris (the school's calendar day). */
  readonly today: () => IsoDate;
  /** The pause between two passes (default: an hour; a reminder is a matter of days). */
  readonly intervalMs?: number;
}

const DEFAULT_INTERVAL_MS = 60 * 60_000;

/** One pass on `today`: how many reminders it wrote to the outbox. */
export const remindCallDeadlines = (run: Runner, registry: Registry, today: IsoDate) =>
  run(
    Effect.gen(function* () {
      let written = 0;
      const calls = yield* Calls.use((c) => c.withDeadlinesFrom(today));
      for (const call of calls) {
        const schemeName = registry.byId.get(call.scheme)?.name ?? {
          fr: call.scheme,
          en: call.scheme,
        };
        for (const kind of CALL_DEADLINE_KINDS) {
          const dueOn = kind === "documents" ? call.documentsDueOn : call.reportsDueOn;
          if (!dueOn || !reminderDue(dueOn, call.reminderDaysBefore, today)) continue;
          const candidates = yield* Calls.use((c) => c.reminderCandidates(call, kind));
          for (const candidate of candidates) {
            // an application deleted since the candidates were read is simply not reminded
            const found = yield* Effect.result(
              Applications.use((a) => a.get(candidate.applicationId)),
            );
            if (Result.isFailure(found)) continue;
            const documents = yield* Documents.use((d) => d.list(candidate.applicationId));
            const checklist = schemeChecklist(
              found.success,
              call.scheme,
              documents,
              registry,
              today,
              candidate.lang,
            );
            if (!openCallDeadlines(call, checklist).some((d) => d.kind === kind)) continue;
            const message = callReminderMessage({ kind, dueOn, schemeName }, candidate.lang);
            const sent = yield* Calls.use((c) =>
              c.remind({
                callId: call.id,
                requestId: candidate.requestId,
                applicationId: candidate.applicationId,
                kind,
                dueOn,
                recipient: candidate.email,
                lang: candidate.lang,
                ...message,
              }),
            );
            if (sent) written++;
          }
        }
      }
      return written;
    }),
  );

/** Reminds at once, then every `intervalMs`; the returned function stops it (after a pass in flight). */
export const startCallReminders = (options: CallRemindersOptions): (() => Promise<void>) =>
  repeatEvery(options.intervalMs ?? DEFAULT_INTERVAL_MS, async () => {
    const exit = await remindCallDeadlines(options.run, options.registry(), options.today());
    if (Exit.isSuccess(exit)) {
      if (exit.value > 0) options.logger.info({ reminders: exit.value }, "call reminders written");
    } else {
      // a database hiccup: try again next time, the server goes on
      options.logger.error({ error: String(exit.cause) }, "call reminders failed");
    }
  });
