import { randomUUID } from "node:crypto";
import type { Actor } from "@envol/domain";
import { and, asc, eq } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import { EnvelopeBelowCommitted } from "./errors.ts";
import { budgets } from "./schema/index.ts";
import { tagged, transact } from "./transact.ts";

/** An envelope and where it stands. */
export interface BudgetView {
  readonly scheme: string;
  readonly academicYear: string;
  readonly envelopeCents: number;
  readonly committedCents: number;
  readonly paidCents: number;
  readonly remainingCents: number;
}

const view = (b: typeof budgets.$inferSelect): BudgetView => ({
  scheme: b.scheme,
  academicYear: b.academicYear,
  envelopeCents: b.envelopeCents,
  committedCents: b.committedCents,
  paidCents: b.paidCents,
  remainingCents: b.envelopeCents - b.committedCents,
});

/** One envelope per scheme and academic year (ARCHITECTURE §2.6). */
export class Budgets extends Context.Service<
  Budgets,
  {
    /** Creates or changes an envelope, never below what is committed; audited. */
    readonly setEnvelope: (
      scheme: string,
      academicYear: string,
      envelopeCents: number,
      actor: Actor,
    ) => Effect.Effect<BudgetView, EnvelopeBelowCommitted>;
    readonly list: (academicYear?: string) => Effect.Effect<readonly BudgetView[]>;
  }
>()("@envol/db/Budgets") {
  static readonly layer = Layer.effect(
    Budgets,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const setEnvelope = Effect.fn("Budgets.setEnvelope")(function* (
        scheme: string,
        academicYear: string,
        envelopeCents: number,
        actor: Actor,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const where = and(eq(budgets.scheme, scheme), eq(budgets.academicYear, academicYear));
            const current = (await tx.select().from(budgets).where(where).for("update"))[0];
            if (current && envelopeCents < current.committedCents) {
              throw new EnvelopeBelowCommitted({
                scheme,
                academicYear,
                envelopeCents,
                committedCents: current.committedCents,
              });
            }
            const row = current
              ? (
                  await tx
                    .update(budgets)
                    .set({ envelopeCents, updatedAt: at })
                    .where(where)
                    .returning()
                )[0]
              : (
                  await tx
                    .insert(budgets)
                    .values({
                      id: randomUUID(),
                      scheme,
                      academicYear,
                      envelopeCents,
                      updatedAt: at,
                    })
                    .onConflictDoNothing()
                    .returning()
                )[0];
            // two first settings racing: the loser updates the row the winner created
            const saved =
              row ??
              (
                await tx
                  .update(budgets)
                  .set({ envelopeCents, updatedAt: at })
                  .where(where)
                  .returning()
              )[0];
            await recordAudit(tx, {
              at,
              actor,
              action: "set-envelope",
              entityType: "budget",
              entityId: `${scheme}/${academicYear}`,
              before: current ? { envelopeCents: current.envelopeCents } : null,
              after: { envelopeCents },
            });
            return view(saved as typeof budgets.$inferSelect);
          },
          tagged<EnvelopeBelowCommitted>("EnvelopeBelowCommitted"),
        );
      });

      const list = Effect.fn("Budgets.list")(function* (academicYear?: string) {
        const rows = yield* Effect.promise(() =>
          db
            .select()
            .from(budgets)
            .where(academicYear ? eq(budgets.academicYear, academicYear) : undefined)
            .orderBy(asc(budgets.academicYear), asc(budgets.scheme)),
        );
        return rows.map(view);
      });

      return Budgets.of({ setEnvelope, list });
    }),
  );
}
