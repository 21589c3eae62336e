/**
 * A call for applications: the office opens one per scheme and academic year, with an
 * application window and the deadlines of the documents (ADR 018). The window's days are
 * inclusive and read on the school's calendar (Europe/Paris): "today" is an argument, as
 * everywhere in the domain.
 */
import { Data } from "effect";
import { z } from "zod";
import { addDays, type IsoDate, isIsoDate } from "./calendar-date.ts";
import { fieldText } from "./issue-text.ts";
import { formatLongDate } from "./long-date.ts";
import { IsoDateSchema } from "./situation.ts";
import type { Lang, Text } from "./text.ts";

/** The deadlines a call may set: the documents due before departure, those due after return. */
export const CALL_DEADLINE_KINDS = ["documents", "reports"] as const;
export type CallDeadlineKind = (typeof CALL_DEADLINE_KINDS)[number];

/** The most days before a deadline its reminder may go: two months. */
export const MAX_REMINDER_DAYS_BEFORE = 60;
export const DEFAULT_REMINDER_DAYS_BEFORE = 7;

/** What the office states of a call. */
export interface CallTerms {
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  /** The documents due before departure; null: no deadline. */
  readonly documentsDueOn: IsoDate | null;
  /** The documents due after return; null: no deadline. */
  readonly reportsDueOn: IsoDate | null;
  readonly reminderDaysBefore: number;
}

const CLOSES_AFTER_OPENING = fieldText({
  fr: "l'appel doit se clore le jour de son ouverture ou après",
  en: "the call must close on or after the day it opens",
});
const DUE_AFTER_OPENING = fieldText({
  fr: "l'échéance ne peut précéder l'ouverture de l'appel",
  en: "the deadline cannot come before the call opens",
});

/** Whether `a` comes no later than `b`; true when either is not a date (its own field says so). */
const ordered = (a: unknown, b: unknown) =>
  typeof a !== "string" || typeof b !== "string" || !isIsoDate(a) || !isIsoDate(b) || a <= b;

/**
 * Checks the dates' order even when another field is wrong, so that every wrong field is named
 * at once; not when the body is not an object at all.
 */
const always = {
  when: (payload: { readonly value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null,
};

/** A call as the office writes it (`PUT /api/staff/calls/{scheme}/{academicYear}`). */
export const CallTermsSchema = z
  .strictObject({
    opensOn: IsoDateSchema,
    closesOn: IsoDateSchema,
    documentsDueOn: IsoDateSchema.nullable().default(null).meta({
      description: "The deadline of the documents due before departure (null: none)",
    }),
    reportsDueOn: IsoDateSchema.nullable().default(null).meta({
      description: "The deadline of the documents due after return (null: none)",
    }),
    reminderDaysBefore: z
      .number()
      .int()
      .min(0)
      .max(MAX_REMINDER_DAYS_BEFORE)
      .default(DEFAULT_REMINDER_DAYS_BEFORE)
      .meta({ description: "How many days before each deadline its reminder is e-mailed" }),
  })
  .refine((c) => ordered(c.opensOn, c.closesOn), {
    ...CLOSES_AFTER_OPENING,
    ...always,
    path: ["closesOn"],
  })
  .refine((c) => ordered(c.opensOn, c.documentsDueOn), {
    ...DUE_AFTER_OPENING,
    ...always,
    path: ["documentsDueOn"],
  })
  .refine((c) => ordered(c.opensOn, c.reportsDueOn), {
    ...DUE_AFTER_OPENING,
    ...always,
    path: ["reportsDueOn"],
  });

/** Where `today` falls against a call's window. */
export type CallWindowState = "not-open-yet" | "open" | "closed";

export const callWindowOn = (
  call: Pick<CallTerms, "opensOn" | "closesOn">,
  today: IsoDate,
): CallWindowState =>
  today < call.opensOn ? "not-open-yet" : today > call.closesOn ? "closed" : "open";

/** A request submitted outside its call's window: the detail of a 409 `call-closed`. */
export class CallClosed extends Data.TaggedError("CallClosed")<{
  readonly scheme: string;
  readonly schemeName: Text;
  readonly academicYear: string;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly state: Exclude<CallWindowState, "open">;
}> {
  override get message(): string {
    return `the ${this.scheme} call of ${this.academicYear} is open from ${this.opensOn} to ${this.closesOn}: ${this.state}`;
  }

  explain(lang: Lang): string {
    const [opens, closes] = [
      formatLongDate(this.opensOn, lang),
      formatLongDate(this.closesOn, lang),
    ];
    const name = this.schemeName[lang];
    if (lang === "fr")
      return this.state === "closed"
        ? `L'appel à candidatures ${name} ${this.academicYear} était ouvert du ${opens} au ${closes}\u00a0; il est clos.`
        : `L'appel à candidatures ${name} ${this.academicYear} ouvrira le ${opens} et fermera le ${closes}\u00a0; il n'est pas encore ouvert.`;
    return this.state === "closed"
      ? `The ${name} ${this.academicYear} call for applications was open from ${opens} to ${closes}; it is closed.`
      : `The ${name} ${this.academicYear} call for applications opens on ${opens} and closes on ${closes}; it is not open yet.`;
  }
}

/**
 * Whether a request may be submitted `today` under its call: undefined when it may (no call
 * for its scheme and year means the office set no window: submission is open), else why not.
 */
export const submissionRefusal = (
  call:
    | (Pick<CallTerms, "opensOn" | "closesOn"> & {
        readonly scheme: string;
        readonly schemeName: Text;
        readonly academicYear: string;
      })
    | undefined,
  today: IsoDate,
): CallClosed | undefined => {
  if (!call) return undefined;
  const state = callWindowOn(call, today);
  if (state === "open") return undefined;
  const { scheme, schemeName, academicYear, opensOn, closesOn } = call;
  return new CallClosed({ scheme, schemeName, academicYear, opensOn, closesOn, state });
};

/**
 * Whether a deadline's reminder is due `today`: from `daysBefore` days before it to the day
 * itself, both included.
 */
export const reminderDue = (dueOn: IsoDate, daysBefore: number, today: IsoDate): boolean =>
  today >= addDays(dueOn, -daysBefore) && today <= dueOn;

/** The reminder of a call's deadline, in the student's language. */
export const callReminderMessage = (
  reminder: { readonly kind: CallDeadlineKind; readonly dueOn: IsoDate; readonly schemeName: Text },
  lang: Lang,
): { readonly subject: string; readonly body: string } => {
  const due = formatLongDate(reminder.dueOn, lang);
  const name = reminder.schemeName[lang];
  if (lang === "fr") {
    const what = reminder.kind === "documents" ? "documents" : "documents de retour";
    const when = reminder.kind === "documents" ? "avant votre départ" : "après votre retour";
    return {
      subject: `Rappel\u00a0: ${what} à déposer avant le ${due}`,
      body: `Votre demande ${name} attend encore des documents à déposer ${when}. L'appel à candidatures fixe leur échéance au ${due}\u00a0: déposez-les dans Envol d'ici là.`,
    };
  }
  const what = reminder.kind === "documents" ? "documents" : "return documents";
  const when = reminder.kind === "documents" ? "before your departure" : "after your return";
  return {
    subject: `Reminder: ${what} to upload by ${due}`,
    body: `Your ${name} request still awaits documents due ${when}. The call for applications sets their deadline on ${due}: upload them in Envol by then.`,
  };
};
