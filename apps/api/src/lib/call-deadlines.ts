import type { ApplicationView, CallView } from "@envol/db";
import type { CallDeadlineKind, IsoDate, Lang, Registry } from "@envol/domain";
import { Result } from "effect";
import { type ChecklistEntry, checklistOf } from "./checklist.ts";
import { evaluateToday } from "./evaluate-today.ts";

/** A deadline of a call that still concerns a request: some of its documents are missing. */
export interface OpenCallDeadline {
  readonly kind: CallDeadlineKind;
  readonly dueOn: IsoDate;
}

/**
 * The call's deadlines that concern a request whose scheme asks for `checklist` (ADR 018): the
 * documents' deadline while a document due before departure is missing, the reports' while one
 * due after return is. A deadline the call does not set concerns nobody.
 */
export const openCallDeadlines = (
  call: Pick<CallView, "documentsDueOn" | "reportsDueOn">,
  checklist: readonly ChecklistEntry[],
): OpenCallDeadline[] => {
  const missing = (due: ChecklistEntry["due"]) =>
    checklist.some((item) => item.due === due && !item.uploaded);
  return [
    ...(call.documentsDueOn && missing("before-departure")
      ? [{ kind: "documents" as const, dueOn: call.documentsDueOn }]
      : []),
    ...(call.reportsDueOn && missing("after-return")
      ? [{ kind: "reports" as const, dueOn: call.reportsDueOn }]
      : []),
  ];
};

/**
 * What one scheme of the application asks for, evaluated today, marked uploaded or not: empty
 * when the situation cannot be evaluated any more (its host partner left the catalogue).
 */
export const schemeChecklist = (
  app: ApplicationView,
  scheme: string,
  documents: Parameters<typeof checklistOf>[1],
  registry: Registry,
  today: IsoDate,
  lang: Lang,
): ChecklistEntry[] => {
  const { asOf: _, ...situation } = app.situation;
  const evaluated = evaluateToday(situation, registry, today, lang);
  if (Result.isFailure(evaluated)) return [];
  const report = evaluated.success.schemes.find((s) => s.scheme === scheme);
  return report ? checklistOf({ schemes: [report] }, documents) : [];
};
