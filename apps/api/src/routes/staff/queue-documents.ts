import type { QueueRow } from "@envol/db";
import type { IsoDate, Lang, Registry, SimulationReport } from "@envol/domain";
import { Result } from "effect";
import { evaluateToday } from "../../lib/evaluate-today.ts";

/** Whether a request's documents are all in, and which are not. */
export interface QueueDocuments {
  /** Null when the situation cannot be evaluated today (its host left the catalogue). */
  readonly complete: boolean | null;
  readonly missing: readonly { readonly id: string; readonly label: string }[];
}

/**
 * For each row of a queue page, the documents its scheme's checklist asks for (the situation as
 * submitted, on today's rules, as the student's area lists them) against those uploaded to its
 * application. Each application is evaluated once, whatever number of its requests the page
 * shows.
 */
export const queueDocuments = (
  rows: readonly QueueRow[],
  registry: Registry,
  today: IsoDate,
  lang: Lang,
): QueueDocuments[] => {
  const reports = new Map<string, SimulationReport | null>();
  for (const row of rows) {
    if (reports.has(row.request.applicationId)) continue;
    const { asOf: _, ...situation } = row.situation;
    const evaluated = evaluateToday(situation, registry, today, lang);
    reports.set(row.request.applicationId, Result.isSuccess(evaluated) ? evaluated.success : null);
  }
  return rows.map((row) => {
    const report = reports.get(row.request.applicationId);
    if (!report) return { complete: null, missing: [] };
    const checklist = report.schemes.find((s) => s.scheme === row.request.scheme)?.documents ?? [];
    const missing = checklist.filter((d) => !row.uploadedKinds.includes(d.id));
    return { complete: missing.length === 0, missing };
  });
};
