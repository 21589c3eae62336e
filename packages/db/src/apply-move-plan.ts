import { type Actor, type Lang, type MovePlan, renderNotification } from "@envol/domain";
import { eq, sql } from "drizzle-orm";
import { actorId, recordAudit } from "./audit-log.ts";
import { budgets, ledgerEntries, outbox } from "./schema/index.ts";
import type { Tx } from "./transact.ts";

/**
 * Applies what the domain planned for a move of a request (a decision, a recalculation), inside
 * the transaction that holds the request's lock and, when money moves, its envelope's: the
 * ledger entries, the envelope's counters, the audit event and the student's message, written
 * in their language.
 */
export const applyMovePlan = async (
  tx: Tx,
  plan: MovePlan,
  move: {
    readonly at: Date;
    readonly actor: Actor;
    readonly requestId: string;
    readonly applicationId: string;
    /** The envelope the money moves against, locked; null when none is touched. */
    readonly budgetId: string | null;
    readonly student: { readonly email: string; readonly lang: Lang };
    /** What the message's payload adds to the request, the application, the action and the actor. */
    readonly payload?: Record<string, unknown>;
    /** A paragraph added to the message, in the student's language. */
    readonly note?: Readonly<Record<Lang, string>>;
    /** `false`: no message (a step of a larger move whose last step writes it). */
    readonly notify?: boolean;
  },
) => {
  const { at, requestId, budgetId } = move;
  for (const entry of plan.ledger) {
    await tx.insert(ledgerEntries).values({ requestId, budgetId, ...entry, at });
  }
  const { committedCents, paidCents } = plan.envelope;
  if (budgetId !== null && (committedCents !== 0 || paidCents !== 0)) {
    await tx
      .update(budgets)
      .set({
        committedCents: sql`${budgets.committedCents} + ${committedCents}`,
        paidCents: sql`${budgets.paidCents} + ${paidCents}`,
        updatedAt: at,
      })
      .where(eq(budgets.id, budgetId));
  }
  await recordAudit(tx, {
    at,
    actor: move.actor,
    action: plan.audit.action,
    entityType: "scheme_request",
    entityId: requestId,
    before: plan.audit.before,
    after: plan.audit.after,
    reason: plan.audit.reason,
  });
  if (move.notify === false) return;
  const { lang, email } = move.student;
  const rendered = renderNotification(plan.notification, lang);
  const message = move.note
    ? { ...rendered, body: `${rendered.body}\n\n${move.note[lang]}` }
    : rendered;
  await tx.insert(outbox).values({
    topic: `request.${plan.audit.action}`,
    recipient: email,
    lang,
    subject: message.subject,
    body: message.body,
    payload: {
      requestId,
      applicationId: move.applicationId,
      action: plan.audit.action,
      actor: actorId(move.actor),
      ...move.payload,
    },
    createdAt: at,
    nextAttemptAt: at,
  });
};
