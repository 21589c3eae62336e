/**
 * The notification sender: delivers the outbox's messages (written by every decision, in the
 * transaction that made it) through the mail transport. A failed delivery is retried with the
 * store's backoff (1, 2, 4… minutes, then hourly); delivery is at least once (a sender that dies
 * after sending but before recording it sends again once the message's lease has run out).
 * Several instances may run a sender each: a message is claimed by one at a time.
 */
import { Outbox, type OutboxMessage } from "@envol/db";
import { Exit } from "effect";
import type { MailLogger, MailTransport, OutgoingMail } from "./lib/mailer.ts";
import type { Runner } from "./lib/services.ts";

export interface OutboxSenderOptions {
  /** Runs the repositories' Effects (the app's ManagedRuntime). */
  readonly run: Runner;
  readonly transport: MailTransport;
  readonly logger: MailLogger;
  /** The pause between two looks at the outbox when it was found empty (default 5 s). */
  readonly intervalMs?: number;
  /** How many messages one run claims at most (default 20). */
  readonly batchSize?: number;
}

/** What one run did. */
export interface OutboxRun {
  readonly claimed: number;
  readonly sent: number;
  readonly failed: number;
}

const DEFAULT_INTERVAL_MS = 5_000;
const DEFAULT_BATCH = 20;

/** The email of an outbox message; its Message-ID is the same at every attempt. */
export const mailOf = (message: OutboxMessage): OutgoingMail => ({
  to: message.recipient,
  subject: message.subject,
  text: message.body,
  lang: message.lang,
  messageId: `<outbox-${message.id}-${message.createdAt.getTime()}@envol>`,
});

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message || error.name : String(error);

/**
 * The sender without its loop: `runOnce(now)` claims the messages due at `now` and delivers
 * them, one after the other. Tests drive it with chosen instants; the loop calls it with the
 * wall clock.
 */
export const createOutboxSender = (options: OutboxSenderOptions) => {
  const { run, transport, logger } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;

  const deliver = async (message: OutboxMessage): Promise<boolean> => {
    const fields = { outboxId: message.id, topic: message.topic, transport: transport.kind };
    try {
      await transport.send(mailOf(message));
    } catch (error) {
      const reason = reasonOf(error);
      const exit = await run(Outbox.use((o) => o.markFailed(message.id, reason)));
      const schedule = Exit.isSuccess(exit) ? exit.value : undefined;
      logger.warn(
        {
          ...fields,
          error: reason,
          attempts: schedule?.attempts,
          nextAttemptAt: schedule?.nextAttemptAt.toISOString(),
        },
        "notification not delivered: will retry",
      );
      return false;
    }
    const exit = await run(Outbox.use((o) => o.markSent(message.id)));
    // sent but not recorded: it will be sent again when its lease runs out (at least once)
    if (Exit.isFailure(exit))
      logger.error({ ...fields, cause: String(exit.cause) }, "notification sent but not recorded");
    else logger.info(fields, "notification delivered");
    return true;
  };

  const runOnce = async (now: Date = new Date()): Promise<OutboxRun> => {
    const exit = await run(Outbox.use((o) => o.pending(batchSize, now)));
    if (Exit.isFailure(exit)) {
      logger.error({ cause: String(exit.cause) }, "outbox unreadable: will try again");
      return { claimed: 0, sent: 0, failed: 0 };
    }
    let sent = 0;
    for (const message of exit.value) if (await deliver(message)) sent++;
    return { claimed: exit.value.length, sent, failed: exit.value.length - sent };
  };

  return { runOnce, batchSize };
};

/**
 * Starts delivering the outbox in the background: a run, then the next one at once if the batch
 * was full, else after `intervalMs`. Returns `stop`, which resolves once the run in progress
 * (if any) has finished; the transport stays open (close it after).
 */
export const startOutboxSender = (options: OutboxSenderOptions): (() => Promise<void>) => {
  const sender = createOutboxSender(options);
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = () => {
    timer = undefined;
    current = sender.runOnce().then(
      (result) => {
        if (stopped) return;
        const full = result.claimed >= sender.batchSize && result.sent > 0;
        schedule(full ? 0 : intervalMs);
      },
      (error) => {
        // a transport or logger throwing where it should not: keep the loop alive
        options.logger.error({ error: reasonOf(error) }, "outbox sender run failed");
        if (!stopped) schedule(intervalMs);
      },
    );
  };
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    // the sender never keeps the process alive on its own: the server does
    timer.unref();
  };

  schedule(0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
};
