import {
  type DocumentItem,
  type EvaluationContext,
  facts,
  type PersonnelActivity,
} from "@envol/domain";

const MOBILITY_AGREEMENT: Readonly<Record<PersonnelActivity | "unknown", DocumentItem>> = {
  teaching: {
    id: "mobility-agreement",
    label: {
      fr: "Programme d'enseignement (Mobility Agreement for Teaching) signé par l'école et l'établissement d'accueil",
      en: "Teaching programme (Mobility Agreement for Teaching) signed by the school and the host institution",
    },
  },
  training: {
    id: "mobility-agreement",
    label: {
      fr: "Programme de formation (Mobility Agreement for Training) signé par l'école et l'organisme d'accueil",
      en: "Training programme (Mobility Agreement for Training) signed by the school and the host organisation",
    },
  },
  unknown: {
    id: "mobility-agreement",
    label: {
      fr: "Programme d'enseignement ou de formation (Mobility Agreement) signé par l'école et l'établissement d'accueil",
      en: "Teaching or training programme (Mobility Agreement) signed by the school and the host",
    },
  },
};

const GRANT_AGREEMENT: DocumentItem = {
  id: "grant-agreement",
  label: {
    fr: "Contrat de mobilité Erasmus+ du personnel signé",
    en: "Signed Erasmus+ staff grant agreement",
  },
};

/** The host's certificate after return: the dates, and for teaching the hours taught (rulebook §10). */
const ATTENDANCE = {
  teaching: {
    id: "attendance-certificate",
    label: {
      fr: "Attestation de présence de l'établissement d'accueil, avec les dates de l'activité et les heures d'enseignement",
      en: "Certificate of attendance from the host, with the dates of the activity and the teaching hours",
    },
    due: "after-return",
  },
  other: {
    id: "attendance-certificate",
    label: {
      fr: "Attestation de présence de l'organisme d'accueil, avec les dates de l'activité",
      en: "Certificate of attendance from the host, with the dates of the activity",
    },
    due: "after-return",
  },
} as const satisfies Record<string, DocumentItem>;

const GREEN_TRAVEL_PROOF: DocumentItem = {
  id: "green-travel-proof",
  label: {
    fr: "Billets ou déclaration sur l'honneur du voyage bas carbone",
    en: "Tickets or sworn statement for green travel",
  },
};

/**
 * The checklist of a staff stay, the same for both staff schemes (rulebook §10): the mobility
 * agreement (the teaching or training programme both institutions sign), the grant agreement,
 * the certificate of attendance after return (with the hours for teaching; the hours named as
 * long as the activity is unknown), and the proof of green travel when the stay says so.
 *
 * @example
 * documents: ({ ctx }) => staffDocuments(ctx)
 */
export const staffDocuments = (ctx: EvaluationContext): readonly DocumentItem[] => {
  const activity = ctx.situation.personnel?.activity;
  const docs: DocumentItem[] = [
    MOBILITY_AGREEMENT[activity ?? "unknown"],
    GRANT_AGREEMENT,
    activity === "training" ? ATTENDANCE.other : ATTENDANCE.teaching,
  ];
  if (facts.greenTravel.get(ctx) === true) docs.push(GREEN_TRAVEL_PROOF);
  return docs;
};
