import { and, eq, sql } from "drizzle-orm";
import type { AppDatabase } from "./database.ts";
import { BudgetNotFound, RequestNotFound } from "./errors.ts";
import { applications, budgets, ledgerEntries, schemeRequests, users } from "./schema/index.ts";
import type { Tx } from "./transact.ts";

/**
 * A scheme request with its application and student, its row locked until the transaction
 * ends. Every change to a request starts here, then locks its envelope if money moves: the same
 * order everywhere, so that two transactions never wait on each other.
 *
 * @throws RequestNotFound
 */
export const lockRequest = async (tx: Tx, requestId: string) => {
  const found = (
    await tx
      .select({ request: schemeRequests, application: applications, student: users })
      .from(schemeRequests)
      .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
      .innerJoin(users, eq(users.id, applications.studentId))
      .where(eq(schemeRequests.id, requestId))
      .for("update", { of: schemeRequests })
  )[0];
  if (!found) throw new RequestNotFound({ id: requestId });
  return found;
};

/**
 * The student's row, locked until the transaction ends (`no key update`: rows referring to the
 * student may still be written), after the request's own lock and before the envelope's: a
 * submission weighs the student's other requests and an approval their other grants, and two
 * at once must not both miss the other's.
 */
export const lockStudent = async (tx: Tx, studentId: string) => {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, studentId)).for("no key update");
};

const budgetRows = (tx: Tx, scheme: string, academicYear: string) =>
  tx
    .select()
    .from(budgets)
    .where(and(eq(budgets.scheme, scheme), eq(budgets.academicYear, academicYear)));

const theBudget = <B>(rows: readonly B[], scheme: string, academicYear: string): B => {
  const budget = rows[0];
  if (!budget) throw new BudgetNotFound({ scheme, academicYear });
  return budget;
};

/**
 * The envelope of a scheme and year, locked until the transaction ends: always after the
 * request's own lock ({@link lockRequest}).
 *
 * @throws BudgetNotFound
 */
export const lockBudget = async (tx: Tx, scheme: string, academicYear: string) =>
  theBudget(await budgetRows(tx, scheme, academicYear).for("update"), scheme, academicYear);

/**
 * The envelope of a scheme and year as it stands, not locked: for a proposal, which whoever
 * applies it checks again under {@link lockBudget}.
 *
 * @throws BudgetNotFound
 */
export const readBudget = async (tx: Tx, scheme: string, academicYear: string) =>
  theBudget(await budgetRows(tx, scheme, academicYear), scheme, academicYear);

/** The money of a request: what it was paid so far (advance, balance). */
export const paidSoFar = async (tx: Tx | AppDatabase, requestId: string): Promise<number> => {
  const rows = await tx
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountCents}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.requestId, requestId), eq(ledgerEntries.kind, "payment")));
  return Number(rows[0]?.total ?? 0);
};
