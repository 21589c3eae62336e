import {
  type Confidence,
  type Figure,
  facts,
  type Lang,
  type ProgrammeLevel,
  type Text,
} from "@envol/domain";
import {
  type ErasmusCountryGroup,
  type TravelBand,
  travelBandsFigure,
} from "@envol/erasmus-common";

/**
 * The rulebook's default figures for Erasmus+ Europe (rulebook §2), each with the date it took
 * effect, its source in `funding-research.md` and how sure we are. An institution replaces any
 * of them through the plugin's options; `optionFigure` then reports the institution's own value.
 */

/** Envol's earliest Erasmus+ figures are Call 2024's (rulebook §0, `period`). */
export const FIRST_CALL = 2024;

/** Who receives the distance-band travel support on a long-term stay (rulebook §2). */
export const TRAVEL_SUPPORT_POLICIES = ["fewer-opportunities", "all", "none"] as const;
export type TravelSupportPolicy = (typeof TRAVEL_SUPPORT_POLICIES)[number];

/** The Call 2024 figures apply to stays of the academic year 2024-2025 onwards. */
const CALL_2024 = "2024-07-01";
/** Call 2025: stays of the academic year 2025-2026 onwards. */
const CALL_2025 = "2025-07-01";
/** The 2021-2027 programme's first call. */
const CALL_2021 = "2021-07-01";

const RATES_SOURCE =
  "funding-research.md §2.4: École des Ponts ParisTech Erasmus+ grid for Call 2024 " +
  "(ecoledesponts.fr), the default until Télécom Paris's own grid is loaded; the sending " +
  "school sets its rates within the agency's ranges " +
  "(agence.erasmusplus.fr/bourse-erasmus-aide-financiere/bourse-erasmus-enseignement-superieur); " +
  "rulebook §2";

export const RATE_GROUP_1: Figure<number> = {
  value: 29_200,
  since: CALL_2024,
  source: RATES_SOURCE,
  confidence: "secondary",
  label: { fr: "Taux mensuel, pays du groupe 1", en: "Monthly rate, group 1 countries" },
  unit: "cents",
};

export const RATE_GROUP_2: Figure<number> = {
  value: 22_500,
  since: CALL_2024,
  source: RATES_SOURCE,
  confidence: "secondary",
  label: { fr: "Taux mensuel, pays du groupe 2", en: "Monthly rate, group 2 countries" },
  unit: "cents",
};

export const RATE_GROUP_3: Figure<number> = {
  value: 22_500,
  since: CALL_2024,
  source: RATES_SOURCE,
  confidence: "secondary",
  label: { fr: "Taux mensuel, pays du groupe 3", en: "Monthly rate, group 3 countries" },
  unit: "cents",
};

export const INTERNSHIP_TOP_UP: Figure<number> = {
  value: 15_000,
  since: CALL_2021,
  source:
    "funding-research.md §2.5: +150 €/month for long-term traineeships (kozminski.edu.pl, " +
    "ileps.fr, ecoledesponts.fr); stacks with the fewer-opportunities top-up (§11.9); rulebook §2",
  confidence: "secondary",
  label: { fr: "Complément stage (par mois)", en: "Traineeship top-up (per month)" },
  unit: "cents",
};

export const FEWER_OPPORTUNITIES_TOP_UP: Figure<number> = {
  value: 25_000,
  since: CALL_2021,
  source:
    "funding-research.md §2.5: +250 €/month for long-term stays (kozminski.edu.pl, " +
    "uni-wuerzburg.de, htwg-konstanz.de); French criteria from aides-jeunes " +
    "union-europeenne-bourse-erasmus.yml (91f108a77); rulebook §0 and §2",
  confidence: "secondary",
  label: {
    fr: "Complément moins d'opportunités (par mois)",
    en: "Fewer-opportunities top-up (per month)",
  },
  unit: "cents",
};

/** A travel policy as the rule pages write it. */
const POLICY_WORDS: Record<TravelSupportPolicy, Text> = {
  "fewer-opportunities": {
    fr: "les participants ayant moins d'opportunités",
    en: "participants with fewer opportunities",
  },
  all: { fr: "tous les participants", en: "every participant" },
  none: { fr: "personne", en: "nobody" },
};

const formatPolicy = (policy: TravelSupportPolicy, lang: Lang): string =>
  POLICY_WORDS[policy][lang];

/**
 * Who receives travel support, by call (rulebook §2, revised 2026-12-05): Call 2024 only
 * students with fewer opportunities, from Call 2025 every participant.
 */
export const TRAVEL_SUPPORT_CALL_2024: Figure<TravelSupportPolicy> = {
  value: "fewer-opportunities",
  since: CALL_2024,
  // who got long-term intra-European travel support in France for Call 2024 is unsettled: each
  // national agency decided, and several did not implement it (research §11.2)
  source:
    "rulebook §2 (decision); funding-research.md §2.6 and §11.2, rules-by-date-sources.md §1.3: " +
    "from Call 2024 each national agency or school decides who receives travel support " +
    "(researchprofessionalnews.com, erasmusbytrain.eu; fewer opportunities only at upjs.sk); " +
    "France's choice not found",
  confidence: "assumed",
  label: { fr: "Bénéficiaires du forfait voyage", en: "Who receives travel support" },
  format: formatPolicy,
};

export const TRAVEL_SUPPORT_CALL_2025: Figure<TravelSupportPolicy> = {
  value: "all",
  since: CALL_2025,
  source:
    'rulebook §2; DHBW Mosbach, Erasmus+ Reisekostenpauschale (Call 2025): "from the academic ' +
    'year 2025/26 all Erasmus+ participants receive travel support" ' +
    "(mosbach.dhbw.de/international/de/foerderung-finanzierung/erasmus/reisekostenpauschale); " +
    'the same on eu.daad.de ("Ab dem Aufruf 2025"), rules-by-date-sources.md §1.3',
  confidence: "secondary",
  label: { fr: "Bénéficiaires du forfait voyage", en: "Who receives travel support" },
  format: formatPolicy,
};

/** The rulebook's travel policy by call year, each from the call it names until the next. */
export const TRAVEL_SUPPORT_BY_CALL: readonly {
  readonly fromCall: number;
  readonly figure: Figure<TravelSupportPolicy>;
}[] = [
  { fromCall: 2024, figure: TRAVEL_SUPPORT_CALL_2024 },
  { fromCall: 2025, figure: TRAVEL_SUPPORT_CALL_2025 },
];

/** A range in cents a school's monthly study rate for one country group should lie in. */
export interface RateRange {
  readonly minCents: number;
  readonly maxCents: number;
}

/**
 * The warning band for the monthly study rates, by call (README, "Rate ranges by call"): the
 * configuration check warns outside it and never refuses, since the agency's own range is not
 * known. The French national agency's ranges for Calls 2024, 2025 and 2026 were found in no
 * public source; this band is inferred (A): the Programme Guide's 2021 ranges (310–600 /
 * 260–540 / 200–490 €) raised by the Call 2023 uplift of 12.27 % and re-mapped to the Call 2024
 * country groups. Every rate observed lies inside it (École des Ponts 292/225/225, INSA
 * Hauts-de-France 327/276/276, mfja.fr "de 225 € à 674 €"). Assumed unchanged for Calls 2025
 * and 2026 (rules-by-date-sources.md §1.1-§1.2).
 */
export const RATE_RANGES = {
  fromCall: 2024,
  confidence: "assumed",
  source:
    "rules-by-date-sources.md §1.2: inferred from the Programme Guide 2021 ranges (letudiant.fr, " +
    "2021-12-03) and the Call 2023 uplift (agensir.it, 2023-11-28); the French agency's ranges " +
    "for Calls 2024-2026 were not found",
  groups: {
    1: { minCents: 29_200, maxCents: 67_400 },
    2: { minCents: 22_500, maxCents: 60_600 },
    3: { minCents: 22_500, maxCents: 55_000 },
  },
} as const satisfies {
  fromCall: number;
  confidence: Confidence;
  source: string;
  groups: Record<ErasmusCountryGroup, RateRange>;
};

export const ELIGIBLE_LEVELS: Figure<readonly ProgrammeLevel[]> = {
  value: ["bachelor", "master", "engineering", "doctorate"],
  since: CALL_2021,
  source:
    "funding-research.md §2.2 ER-2: short cycle, bachelor, master or doctorate (Programme " +
    "Guide, erasmus-plus.ec.europa.eu/fr/programme-guide/part-b/key-action-1/" +
    "mobility-projects-for-higher-education-students-and-staff); rulebook §2",
  confidence: "official",
  label: { fr: "Niveaux d'études admis", en: "Eligible programme levels" },
  format: (levels, lang) =>
    levels.map((level) => facts.programmeLevel.valueLabel(level, lang)).join(", "),
};

const DURATION_SOURCE =
  "funding-research.md §2.2 ER-6: long-term stays of 2 to 12 months " +
  "(agence.erasmusplus.fr/bourse-erasmus-aide-financiere/bourse-erasmus-enseignement-superieur); " +
  "rulebook §2";

export const MIN_DAYS: Figure<number> = {
  value: 60,
  since: CALL_2021,
  source: DURATION_SOURCE,
  confidence: "official",
  label: { fr: "Durée minimale", en: "Minimum duration" },
  unit: "days",
};

export const MAX_DAYS: Figure<number> = {
  value: 360,
  since: CALL_2021,
  source: DURATION_SOURCE,
  confidence: "official",
  label: { fr: "Durée maximale", en: "Maximum duration" },
  unit: "days",
};

export const CYCLE_CAP_DAYS: Figure<number> = {
  value: 360,
  since: CALL_2021,
  source:
    "funding-research.md §2.2 ER-8: 12 months per study cycle, earlier and zero-grant stays " +
    "included (imt-bs.eu, hs-bremerhaven.de, insa-hautsdefrance.fr); 24 months for one-cycle " +
    "programmes is an open question (§11.8); rulebook §2",
  confidence: "secondary",
  label: { fr: "Plafond Erasmus+ par cycle d'études", en: "Erasmus+ cap per study cycle" },
  unit: "days",
};

/** The Call 2024 distance bands, the same figure in every Erasmus+ scheme (`travelBandsFigure`). */
export const TRAVEL_BANDS_2024: Figure<readonly TravelBand[]> = travelBandsFigure(2024);
