import type { CallTerms } from "../staff-api.ts";

/**
 * The office's form for a call (ADR 018), as text the inputs hold: the window's first and last
 * days, the two deadlines (empty: none) and the reminders' days. The API checks what they mean
 * and names each wrong field (422); the page shows its words beside that field.
 */
export interface CallFormValues {
  readonly opensOn: string;
  readonly closesOn: string;
  readonly documentsDueOn: string;
  readonly reportsDueOn: string;
  readonly reminderDaysBefore: string;
}

export const CALL_FIELDS = [
  "opensOn",
  "closesOn",
  "documentsDueOn",
  "reportsDueOn",
  "reminderDaysBefore",
] as const satisfies readonly (keyof CallFormValues)[];

export type CallField = (typeof CALL_FIELDS)[number];

/** What a call the office has opened holds, as the staff list gives it. */
export interface CallOnRecord {
  readonly opensOn: string;
  readonly closesOn: string;
  readonly documentsDueOn: string | null;
  readonly reportsDueOn: string | null;
  readonly reminderDaysBefore: number;
  readonly open: boolean;
}

/** The form filled with the call as it stands, or empty with the API's default reminder. */
export const callFormValues = (call: CallOnRecord | undefined): CallFormValues => ({
  opensOn: call?.opensOn ?? "",
  closesOn: call?.closesOn ?? "",
  documentsDueOn: call?.documentsDueOn ?? "",
  reportsDueOn: call?.reportsDueOn ?? "",
  reminderDaysBefore: String(call?.reminderDaysBefore ?? 7),
});

/**
 * The body of `PUT /api/staff/calls/{scheme}/{year}`: an empty deadline is none (null); an empty
 * reminder leaves the API's default. What is typed is sent as typed, for the API to judge
 * (a number of days that is not one is sent as such, and refused by name).
 */
export const callTermsOf = (values: CallFormValues): CallTerms => {
  const days = values.reminderDaysBefore.trim();
  return {
    opensOn: values.opensOn,
    closesOn: values.closesOn,
    documentsDueOn: values.documentsDueOn === "" ? null : values.documentsDueOn,
    reportsDueOn: values.reportsDueOn === "" ? null : values.reportsDueOn,
    ...(days !== "" && { reminderDaysBefore: Number(days) }),
  } as CallTerms;
};

/**
 * Whether saving needs the office to confirm first: changing a call students are applying under
 * now (its window includes today). Opening a call, or changing one closed or not open yet, does
 * not.
 */
export const needsConfirmation = (call: CallOnRecord | undefined): boolean => call?.open === true;
