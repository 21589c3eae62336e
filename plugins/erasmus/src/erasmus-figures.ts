import type { Figure, ProgrammeLevel } from "@envol/domain";

/**
 * The rulebook's default figures for Erasmus+ Europe (rulebook §2), each with the date it took
 * effect, its source in `funding-research.md` and how sure we are. An institution replaces any
 * of them through the plugin's options; `optionFigure` then reports the institution's own value.
 */

/** Who receives the distance-band travel support on a long-term stay (rulebook §2). */
export const TRAVEL_SUPPORT_POLICIES = ["fewer-opportunities", "all", "none"] as const;
export type TravelSupportPolicy = (typeof TRAVEL_SUPPORT_POLICIES)[number];

/** The Call 2024 figures apply to stays of the academic year 2024-2025 onwards. */
const CALL_2024 = "2024-07-01";
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

export const TRAVEL_SUPPORT: Figure<TravelSupportPolicy> = {
  value: "fewer-opportunities",
  since: CALL_2024,
  // who gets long-term intra-European travel support in France is unsettled (research §11.2)
  source:
    "rulebook §2 (decision); funding-research.md §2.6 and §11.2: from Call 2024 each national " +
    "agency or school decides who receives travel support (researchprofessionalnews.com, " +
    "erasmusbytrain.eu; fewer opportunities only at upjs.sk)",
  confidence: "assumed",
  label: { fr: "Bénéficiaires du forfait voyage", en: "Who receives travel support" },
};

export const GREEN_TOP_UP: Figure<number> = {
  value: 5_000,
  since: CALL_2021,
  source:
    "funding-research.md §2.6: one-off +50 € for green travel without travel support " +
    "(wur.nl, htwg-konstanz.de, bruckneruni.at); rulebook §2",
  confidence: "secondary",
  label: { fr: "Complément voyage bas carbone", en: "Green travel top-up" },
  unit: "cents",
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

export const TRAVEL_BANDS_2024: Figure<string> = {
  value: "rulebook §0 travel bands, call 2024 onwards (travelBand in @envol/erasmus-common)",
  since: CALL_2024,
  source:
    "funding-research.md §9: bands up to 2 999 km from vu.nl (Call 2024), the 28 € and " +
    "1 735 € ends from mfja.fr, the 3 000–7 999 km amounts recalled from the 2024 Programme " +
    "Guide (to check); rulebook §0",
  // the weakest rows (3 000–7 999 km) are recalled, not read; each line reports its own row
  confidence: "assumed",
  label: { fr: "Forfaits voyage par distance", en: "Travel support by distance band" },
};
