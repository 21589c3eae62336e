import { randomUUID } from "node:crypto";
import type { Actor, CallDeadlineKind, CallTerms, IsoDate, RequestState } from "@envol/domain";
import { and, asc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import {
  applications,
  callReminders,
  calls,
  outbox,
  schemeRequests,
  users,
} from "./schema/index.ts";

/** A call for applications, as the office set it. */
export interface CallView extends CallTerms {
  readonly id: string;
  readonly scheme: string;
  readonly academicYear: string;
  readonly updatedAt: Date;
}

const view = (c: typeof calls.$inferSelect): CallView => ({
  id: c.id,
  scheme: c.scheme,
  academicYear: c.academicYear,
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  documentsDueOn: c.documentsDueOn,
  reportsDueOn: c.reportsDueOn,
  reminderDaysBefore: c.reminderDaysBefore,
  updatedAt: c.updatedAt,
});

const termsOf = (c: CallTerms): CallTerms => ({
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  documentsDueOn: c.documentsDueOn,
  reportsDueOn: c.reportsDueOn,
  reminderDaysBefore: c.reminderDaysBefore,
});

/**
 * The states of a request whose documents a call's deadlines concern: sent to the office and
 * still going, as the student's next steps count them (a draft's documents wait for it to be sent).
 */
export const CALL_LIVE_STATES: readonly RequestState[] = [
  "submitted",
  "under_review",
  "approved",
  "waitlisted",
  "agreed",
  "advance_paid",
];

/** A live request of a call not yet reminded of one of its deadlines, and whom to write to. */
export interface ReminderCandidate {
  readonly requestId: string;
  readonly applicationId: string;
  readonly email: string;
  readonly lang: "fr" | "en";
}

/** One reminder to write: the key that makes it once, and the message. */
export interface CallReminder {
  readonly callId: string;
  readonly requestId: string;
  readonly kind: CallDeadlineKind;
  readonly dueOn: IsoDate;
  readonly recipient: string;
  readonly lang: "fr" | "en";
  readonly subject: string;
  readonly body: string;
  readonly applicationId: string;
}

/** The calls for applications, one per scheme and academic year (ADR 018). */
export class Calls extends Context.Service<
  Calls,
  {
    /** Opens a call or changes it; audited (who opened or changed it, before and after). */
    readonly set: (
      scheme: string,
      academicYear: string,
      terms: CallTerms,
      actor: Actor,
    ) => Effect.Effect<CallView>;
    readonly list: (academicYear?: string) => Effect.Effect<readonly CallView[]>;
    readonly find: (scheme: string, academicYear: string) => Effect.Effect<CallView | undefined>;
    /** The calls with a deadline on or after `today`: those whose reminders may be due. */
    readonly withDeadlinesFrom: (today: IsoDate) => Effect.Effect<readonly CallView[]>;
    /** The call's live requests not yet reminded of its deadline of `kind`. */
    readonly reminderCandidates: (
      call: CallView,
      kind: CallDeadlineKind,
    ) => Effect.Effect<readonly ReminderCandidate[]>;
    /**
     * Writes the reminder to the outbox unless it was written already (by this instance or
     * another): the key and the message in one transaction. Whether it was written now.
     */
    readonly remind: (reminder: CallReminder) => Effect.Effect<boolean>;
  }
>()("@envol/db/Calls") {
  static readonly layer = Layer.effect(
    Calls,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const set = Effect.fn("Calls.set")(function* (
        scheme: string,
        academicYear: string,
        terms: CallTerms,
        actor: Actor,
      ) {
        const at = yield* DateTime.nowAsDate;
        const values = termsOf(terms);
        const saved = yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            // the call's scheme and year locked before it is read: a row not there yet has nothing
            // to lock, and two first openings at once would both be audited as the opening
            await tx.execute(
              sql`select pg_advisory_xact_lock(hashtext(${`call:${scheme}/${academicYear}`}))`,
            );
            const where = and(eq(calls.scheme, scheme), eq(calls.academicYear, academicYear));
            const current = (await tx.select().from(calls).where(where).for("update"))[0];
            // the lock makes the upsert's update the case of a call already opened
            const row = (
              await tx
                .insert(calls)
                .values({
                  id: randomUUID(),
                  scheme,
                  academicYear,
                  ...values,
                  createdAt: at,
                  updatedAt: at,
                })
                .onConflictDoUpdate({
                  target: [calls.scheme, calls.academicYear],
                  set: { ...values, updatedAt: at },
                })
                .returning()
            )[0] as typeof calls.$inferSelect;
            await recordAudit(tx, {
              at,
              actor,
              action: current ? "change-call" : "open-call",
              entityType: "call",
              entityId: `${scheme}/${academicYear}`,
              before: current ? termsOf(current) : null,
              after: values,
            });
            return row;
          }),
        );
        return view(saved);
      });

      const list = Effect.fn("Calls.list")(function* (academicYear?: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(calls)
            .where(academicYear ? eq(calls.academicYear, academicYear) : undefined)
            .orderBy(asc(calls.academicYear), asc(calls.scheme)),
        );
        return rows.map(view);
      });

      const find = Effect.fn("Calls.find")(function* (scheme: string, academicYear: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(calls)
            .where(and(eq(calls.scheme, scheme), eq(calls.academicYear, academicYear))),
        );
        return rows[0] ? view(rows[0]) : undefined;
      });

      const withDeadlinesFrom = Effect.fn("Calls.withDeadlinesFrom")(function* (today: IsoDate) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(calls)
            .where(or(gte(calls.documentsDueOn, today), gte(calls.reportsDueOn, today)))
            .orderBy(asc(calls.academicYear), asc(calls.scheme)),
        );
        return rows.map(view);
      });

      const reminderCandidates = Effect.fn("Calls.reminderCandidates")(function* (
        call: CallView,
        kind: CallDeadlineKind,
      ) {
        return yield* Effect.promise(() =>
          db
            .select({
              requestId: schemeRequests.id,
              applicationId: applications.id,
              email: users.email,
              lang: users.lang,
            })
            .from(schemeRequests)
            .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
            .innerJoin(users, eq(users.id, applications.studentId))
            .leftJoin(
              callReminders,
              and(
                eq(callReminders.callId, call.id),
                eq(callReminders.requestId, schemeRequests.id),
                eq(callReminders.kind, kind),
              ),
            )
            .where(
              and(
                eq(schemeRequests.scheme, call.scheme),
                eq(applications.academicYear, call.academicYear),
                inArray(schemeRequests.state, [...CALL_LIVE_STATES]),
                isNull(callReminders.callId),
              ),
            )
            .orderBy(asc(schemeRequests.id)),
        );
      });

      const remind = Effect.fn("Calls.remind")(function* (reminder: CallReminder) {
        const at = yield* DateTime.nowAsDate;
        return yield* Effect.promise(() =>
          db.transaction(async (tx) => {
            // the key first: an instance that finds it taken writes nothing
            const key = await tx
              .insert(callReminders)
              .values({
                callId: reminder.callId,
                requestId: reminder.requestId,
                kind: reminder.kind,
                dueOn: reminder.dueOn,
                at,
              })
              .onConflictDoNothing()
              .returning({ callId: callReminders.callId });
            if (key.length === 0) return false;
            await tx.insert(outbox).values({
              topic: `call.reminder.${reminder.kind}`,
              recipient: reminder.recipient,
              lang: reminder.lang,
              subject: reminder.subject,
              body: reminder.body,
              payload: {
                callId: reminder.callId,
                requestId: reminder.requestId,
                applicationId: reminder.applicationId,
                kind: reminder.kind,
                dueOn: reminder.dueOn,
              },
              createdAt: at,
              nextAttemptAt: at,
            });
            return true;
          }),
        );
      });

      return Calls.of({ set, list, find, withDeadlinesFrom, reminderCandidates, remind });
    }),
  );
}
