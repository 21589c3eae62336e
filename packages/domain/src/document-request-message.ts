import { formatLongDate } from "./long-date.ts";
import type { StudentMessage } from "./notifications.ts";
import type { Lang, Text } from "./text.ts";

/** What the office asked for: the checklist item, its own words and the date it wants it by. */
export interface DocumentRequestFacts {
  /** The checklist item, in both languages ("RIB" / "Bank details (RIB)"). */
  readonly label: Text;
  /** The office's message, as written. */
  readonly message: string;
  /** The date the office wants it by (ISO). */
  readonly dueDate: string;
}

/**
 * The e-mail telling a student that the office asks them for a document, in their language.
 *
 * @example
 * documentRequestMessage({ label: { fr: "RIB", en: "Bank details (RIB)" }, message: "…", dueDate: "2027-02-01" }, "fr").subject
 * // "Document demandé : RIB"
 */
export const documentRequestMessage = (f: DocumentRequestFacts, lang: Lang): StudentMessage => {
  const due = formatLongDate(f.dueDate, lang);
  return {
    fr: {
      subject: `Document demandé : ${f.label.fr}`,
      body: `Le service des relations internationales vous demande le document « ${f.label.fr} » avant le ${due}.\n\nSon message : ${f.message}\n\nDéposez-le dans votre espace Envol, sur la page de votre candidature.`,
    },
    en: {
      subject: `Document requested: ${f.label.en}`,
      body: `The international relations office asks you for the document "${f.label.en}" by ${due}.\n\nTheir message: ${f.message}\n\nUpload it in your Envol area, on your application's page.`,
    },
  }[lang];
};
