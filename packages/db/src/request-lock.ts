import { eq } from "drizzle-orm";
import { RequestNotFound } from "./errors.ts";
import { applications, schemeRequests, users } from "./schema/index.ts";
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
