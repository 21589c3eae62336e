import type { DocumentRequestView, DocumentView } from "@envol/db";
import type { DocumentDue, SimulationReport } from "@envol/domain";

/** A document with the label of the checklist item it answers, in the reader's language. */
export type LabelledDocument = DocumentView & { readonly label: string };

/** One item of an application's checklist, as the student and the office read it. */
export interface ChecklistEntry {
  readonly id: string;
  readonly label: string;
  readonly due: DocumentDue;
  /** The requested schemes that ask for it. */
  readonly schemes: readonly string[];
  readonly uploaded: boolean;
  readonly documents: readonly LabelledDocument[];
}

/**
 * The documents the requested schemes ask for (the report is already reduced to them), once
 * each, in the reader's language, marked uploaded or not, with the files that answer each.
 */
export const checklistOf = (
  report: Pick<SimulationReport, "schemes"> | null,
  documents: readonly DocumentView[],
): ChecklistEntry[] => {
  const items = new Map<
    string,
    { id: string; label: string; due: DocumentDue; schemes: string[] }
  >();
  for (const scheme of report?.schemes ?? []) {
    for (const d of scheme.documents) {
      const item = items.get(d.id);
      if (item) {
        item.schemes.push(scheme.scheme);
        // one scheme wanting it before departure is enough to make it due then
        if (d.due === "before-departure") item.due = d.due;
      } else items.set(d.id, { ...d, schemes: [scheme.scheme] });
    }
  }
  return [...items.values()].map((item) => {
    const uploaded = documents
      .filter((d) => d.kind === item.id)
      .map((d) => ({ ...d, label: item.label }));
    return { ...item, uploaded: uploaded.length > 0, documents: uploaded };
  });
};

/**
 * The application's documents, each with the label of the checklist item it answers. A
 * document whose item the checklist no longer holds (the rules changed since it was uploaded)
 * keeps its kind as its label, as the only name it has.
 */
export const labelledDocuments = (
  checklist: readonly ChecklistEntry[],
  documents: readonly DocumentView[],
): LabelledDocument[] => {
  const labels = new Map(checklist.map((item) => [item.id, item.label]));
  return documents.map((d) => ({ ...d, label: labels.get(d.kind) ?? d.kind }));
};

/** An office request for a document, with its item's label and whether it is overdue today. */
export const labelledRequests = (
  checklist: readonly ChecklistEntry[],
  requests: readonly DocumentRequestView[],
  today: string,
) => {
  const labels = new Map(checklist.map((item) => [item.id, item.label]));
  return requests.map((r) => ({
    ...r,
    label: labels.get(r.kind) ?? r.kind,
    overdue: r.answeredAt === null && r.dueDate < today,
  }));
};
