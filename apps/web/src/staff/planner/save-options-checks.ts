/**
 * What the "save as the new options" form can say before asking to confirm (ADR 020): a day
 * that is a date, not before the scheme's first period, and a reason. The API judges again.
 */

export type SaveCheck = "date" | "beforeFirst" | "reasonRequired";

export const saveChecks = (
  since: string,
  reason: string,
  firstPeriod: string,
): { readonly since?: SaveCheck; readonly reason?: SaveCheck } => ({
  ...(!/^\d{4}-\d{2}-\d{2}$/.test(since)
    ? { since: "date" as const }
    : firstPeriod !== "" && since < firstPeriod
      ? { since: "beforeFirst" as const }
      : {}),
  ...(reason.trim() === "" ? { reason: "reasonRequired" as const } : {}),
});
