import type { DocumentItem } from "./plugin.ts";

/**
 * Checklist items several schemes ask for in the same words: a plugin lists them from here
 * rather than writing them again. A scheme that words an item its own way keeps its own.
 */

export const BANK_DETAILS: DocumentItem = {
  id: "bank-details",
  label: { fr: "RIB", en: "Bank details (RIB)" },
};

/** The household's tax notice, whatever it says: the means test reads either. */
export const HOUSEHOLD_TAX_NOTICE: DocumentItem = {
  id: "tax-notice",
  label: {
    fr: "Dernier avis d'imposition (ou de non-imposition) du foyer",
    en: "Household's latest tax notice (or non-taxable notice)",
  },
};

/** The host's certificate of the dates the student actually came and left. */
export const ATTENDANCE_CERTIFICATE: DocumentItem = {
  id: "attendance-certificate",
  label: {
    fr: "Attestation de présence (dates d'arrivée et de départ)",
    en: "Attendance certificate (arrival and departure dates)",
  },
  due: "after-return",
};

const ACCEPTANCE_LETTER: DocumentItem = {
  id: "acceptance-letter",
  label: {
    fr: "Lettre d'acceptation de l'établissement d'accueil",
    en: "Acceptance letter from the host institution",
  },
};

const INTERNSHIP_AGREEMENT: DocumentItem = {
  id: "internship-agreement",
  label: { fr: "Convention de stage", en: "Internship agreement" },
};

/** The proof of the stay while its kind is unknown: the checklist says which for what. */
const EITHER_PROOF: DocumentItem = {
  id: "mobility-proof",
  label: {
    fr: "Lettre d'acceptation (études) ou convention de stage (stage)",
    en: "Acceptance letter (studies) or internship agreement (internship)",
  },
};

/**
 * The proof of the stay, for a `mobilityKind` ("study", "internship"): the host's acceptance letter for studies, the internship agreement for
 * an internship, either while the kind is unknown.
 *
 * @example
 * stayProof(facts.mobilityKind.get(ctx)).id // "acceptance-letter" for a study period
 */
export const stayProof = (kind: string | undefined): DocumentItem =>
  kind === "study"
    ? ACCEPTANCE_LETTER
    : kind === "internship"
      ? INTERNSHIP_AGREEMENT
      : EITHER_PROOF;
