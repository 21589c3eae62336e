import { booleanFact, type Fact, numberFact } from "@envol/domain";

/**
 * The facts Erasmus+ Europe and the international credit mobility read beyond the domain's
 * standard ones. Each plugin lists those its criteria read in its `facts` (docs/plugins.md).
 */

export const holdsEche = booleanFact({
  id: "holdsEche",
  label: {
    fr: "établissement titulaire de la charte Erasmus (ECHE)",
    en: "home institution holds the Erasmus Charter (ECHE)",
  },
  says: {
    yes: {
      fr: "l'école est titulaire de la charte Erasmus (ECHE)",
      en: "the school holds the Erasmus Charter (ECHE)",
    },
    no: {
      fr: "l'école n'est pas titulaire de la charte Erasmus (ECHE)",
      en: "the school does not hold the Erasmus Charter (ECHE)",
    },
  },
  paths: [],
  get: (ctx) => ctx.institution.eche,
});

export const erasmusDaysInCycle = numberFact({
  id: "erasmusDaysInCycle",
  label: {
    fr: "jours Erasmus+ déjà effectués dans le cycle",
    en: "Erasmus+ days already used in this cycle",
  },
  the: {
    fr: "le nombre de jours Erasmus+ déjà effectués dans le cycle",
    en: "the number of Erasmus+ days already used in this cycle",
  },
  unit: "days",
  paths: ["student.history.erasmusDaysInCycle"],
  get: (ctx) => ctx.situation.student?.history?.erasmusDaysInCycle,
});

/**
 * Erasmus+ days in the study cycle once this stay is counted: the counter Erasmus+ and the
 * international credit mobility share (rulebook §2 and §3, `cycle-cap`).
 */
export const erasmusDaysAfterStay = numberFact({
  id: "erasmusDaysAfterStay",
  label: {
    fr: "jours Erasmus+ dans le cycle, ce séjour compris",
    en: "Erasmus+ days in the cycle, this stay included",
  },
  the: {
    fr: "le nombre de jours Erasmus+ dans le cycle, ce séjour compris,",
    en: "the number of Erasmus+ days in the cycle, this stay included,",
  },
  unit: "days",
  paths: erasmusDaysInCycle.paths,
  get: (ctx) => {
    const before = erasmusDaysInCycle.get(ctx);
    return before === undefined ? undefined : before + ctx.fundedDays;
  },
});

/** What both schemes' criteria read: their `facts`. */
export const ERASMUS_FACTS: readonly Fact[] = [holdsEche, erasmusDaysAfterStay];
