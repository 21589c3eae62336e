import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTITUTION, PARTNERS } from "../../fixtures/fixture-plugins.ts";
import { EUROPE, FRANCE_AND_OVERSEAS } from "../countries.ts";
import { type EvaluationContext, makeEvaluationContext } from "../evaluation-context.ts";
import {
  booleanFact,
  crousBoursier,
  disability,
  enumFact,
  fewerOpportunities,
  fewerOpportunitiesGrounds,
  fundedDays,
  gapYear,
  homeRegion,
  hostCountry,
  mobilityKind,
  nonTaxable,
  numberFact,
  programmeLevel,
  quotientFamilial,
  residenceRegion,
} from "../facts.ts";
import { SituationSchema } from "../situation.ts";
import type { Lang } from "../text.ts";
import {
  allOf,
  anyOf,
  atLeast,
  atMost,
  between,
  type Condition,
  type CustomOutcome,
  custom,
  isFalse,
  isTrue,
  noneOf,
  not,
  oneOf,
  type Status,
  when,
} from "./condition.ts";
import { criterion, criterionResult } from "./criterion.ts";
import { describeCondition } from "./describe.ts";
import { evaluateCondition } from "./evaluation.ts";

const lookup = (id: string) => PARTNERS.find((p) => p.id === id);

/** 44 funded days at Politecnico di Milano, as in the rulebook's third worked example. */
const SHORT_STAY = { host: { partner: "polimi" }, start: "2027-03-01", end: "2027-04-14" };

const contextOf = (
  input: { student?: unknown; mobility?: unknown },
  lang: Lang,
): EvaluationContext =>
  makeEvaluationContext(
    SituationSchema.parse({ mobility: SHORT_STAY, ...input }),
    INSTITUTION,
    lookup,
    "2026-11-26",
    lang,
  );

/** A criterion's result with the fields that would decide it, as the engine gathers them. */
const evaluateRule = (condition: Condition, ctx: EvaluationContext, lang: Lang, scheme: string) => {
  const e = evaluateCondition(condition, ctx);
  const missing = e.kind === "unknown" ? e.missing : [];
  return { ...criterionResult(criterion("rule", condition), e, lang, scheme), missing };
};

const check = (
  condition: Condition,
  input: { student?: unknown; mobility?: unknown },
  lang: Lang,
) => evaluateRule(condition, contextOf(input, lang), lang, "Erasmus+");

describe("leaf reasons and hints", () => {
  it("between: 44 funded days against 60-360 asks for 16 more days", () => {
    const c = between(fundedDays, 60, 360);
    expect(check(c, {}, "en")).toEqual({
      id: "rule",
      status: "unmet",
      reason: "The funded duration is 44 days; Erasmus+ requires between 60 days and 360 days.",
      hint: "This condition is met if the funded duration reaches 60 days, 16 days more.",
      missing: [],
    });
    const fr = check(c, {}, "fr");
    expect(fr.reason).toBe(
      "La durée financée est de 44 jours ; Erasmus+ exige entre 60 jours et 360 jours.",
    );
    expect(fr.hint).toBe(
      "Cette condition est remplie si la durée financée atteint 60 jours, soit 16 jours de plus.",
    );
  });

  it("between: a stay over the maximum asks for fewer days", () => {
    const input = { mobility: { ...SHORT_STAY, start: "2027-01-01", end: "2028-02-10" } };
    const c = between(fundedDays, 60, 360);
    expect(check(c, input, "en").hint).toBe(
      "This condition is met if the funded duration is no more than 360 days, 40 days less.",
    );
    expect(check(c, input, "fr").hint).toBe(
      "Cette condition est remplie si la durée financée ne dépasse pas 360 jours, soit 40 jours de moins.",
    );
  });

  it("between: met inside the bounds, with no hint", () => {
    const input = { mobility: { ...SHORT_STAY, end: "2027-06-30" } };
    const r = check(between(fundedDays, 60, 360), input, "en");
    expect(r.status).toBe("met");
    expect(r.hint).toBeNull();
    expect(r.reason).toBe(
      "The funded duration is 120 days; Erasmus+ requires between 60 days and 360 days.",
    );
  });

  it("atLeast: names the threshold, the value and the missing amount", () => {
    const c = atLeast(quotientFamilial, 100000);
    const input = { student: { household: { quotientFamilial: 50000 } } };
    const en = check(c, input, "en");
    expect(en.status).toBe("unmet");
    expect(en.reason).toBe(
      "The family quotient (quotient familial) is €500; Erasmus+ requires at least €1,000.",
    );
    expect(en.hint).toBe(
      "This condition is met if the family quotient (quotient familial) reaches €1,000, €500 more.",
    );
    const fr = check(c, input, "fr");
    expect(fr.reason).toBe(
      "Le quotient familial est de 500\u00a0€ ; Erasmus+ exige au moins 1\u202f000\u00a0€.",
    );
    expect(fr.hint).toBe(
      "Cette condition est remplie si le quotient familial atteint 1\u202f000\u00a0€, soit 500\u00a0€ de plus.",
    );
  });

  it("atLeast: met at the bound itself", () => {
    expect(check(atLeast(fundedDays, 44), {}, "en").status).toBe("met");
    expect(check(atLeast(fundedDays, 45), {}, "en").hint).toBe(
      "This condition is met if the funded duration reaches 45 days, 1 day more.",
    );
  });

  it("atMost: the means test's quotient familial ceiling", () => {
    const c = atMost(quotientFamilial, 1_919_000);
    const over = { student: { household: { quotientFamilial: 2_000_000 } } };
    expect(check(c, over, "en")).toMatchObject({
      status: "unmet",
      reason:
        "The family quotient (quotient familial) is €20,000; Erasmus+ requires at most €19,190.",
      hint: "This condition is met if the family quotient (quotient familial) is no more than €19,190, €810 less.",
    });
    expect(check(c, over, "fr")).toMatchObject({
      reason:
        "Le quotient familial est de 20\u202f000\u00a0€ ; Erasmus+ exige au plus 19\u202f190\u00a0€.",
      hint: "Cette condition est remplie si le quotient familial ne dépasse pas 19\u202f190\u00a0€, soit 810\u00a0€ de moins.",
    });
    const at = { student: { household: { quotientFamilial: 1_919_000 } } };
    expect(check(c, at, "en")).toMatchObject({ status: "met", hint: null });
  });

  it("oneOf with a list: lists the values in the rule and offers them in the hint", () => {
    const c = oneOf(programmeLevel, ["bachelor", "master", "engineering"]);
    const input = { student: { programme: { level: "doctorate" } } };
    expect(check(c, input, "en")).toMatchObject({
      status: "unmet",
      reason:
        "Programme level: doctorate; Erasmus+ accepts: bachelor, master or engineering degree.",
      hint: "This condition is met if the programme level is bachelor, master or engineering degree.",
    });
    expect(check(c, input, "fr")).toMatchObject({
      reason:
        "Niveau d'études : doctorat ; Erasmus+ accepte : licence / bachelor, master ou cycle ingénieur.",
      hint: "Cette condition est remplie si le niveau d'études est licence / bachelor, master ou cycle ingénieur.",
    });
    expect(check(c, { student: { programme: { level: "master" } } }, "en").status).toBe("met");
  });

  it("names a region by its INSEE code, the student's and the school's alike", () => {
    const input = { student: { residenceRegion: "11" } };
    expect(check(oneOf(residenceRegion, ["84"]), input, "fr")).toMatchObject({
      status: "unmet",
      reason: "Région de résidence : Île-de-France ; Erasmus+ accepte : Auvergne-Rhône-Alpes.",
    });
    expect(check(oneOf(residenceRegion, ["53"]), input, "en").reason).toBe(
      "Region of residence: Île-de-France; Erasmus+ accepts: Brittany.",
    );
    // the fixture school is in Île-de-France
    expect(check(oneOf(homeRegion, ["84"]), {}, "fr").reason).toBe(
      "Région de l'établissement : Île-de-France ; Erasmus+ accepte : Auvergne-Rhône-Alpes.",
    );
  });

  it("writes a rule's words when the rule is built, not for each situation", () => {
    const labelled: string[] = [];
    const level = enumFact({
      ...programmeLevel,
      valueLabel: (v, lang) => {
        labelled.push(v);
        return programmeLevel.valueLabel(v, lang);
      },
    });
    const c = oneOf(level, ["bachelor", "master", "engineering"]);
    labelled.length = 0;
    const input = { student: { programme: { level: "master" } } };
    for (const lang of ["fr", "en", "en"] as const)
      expect(check(c, input, lang).status).toBe("met");
    // only the student's value is written per situation; the rule's list was written once
    expect(labelled).toEqual(["master", "master", "master"]);
  });

  it("oneOf with a named set: names the set", () => {
    const c = oneOf(hostCountry, EUROPE);
    const input = { mobility: { ...SHORT_STAY, host: { country: "BR" } } };
    expect(check(c, input, "en")).toMatchObject({
      status: "unmet",
      reason:
        "Destination country: Brazil; Erasmus+ requires a European country (EU, associated, Regions 13 and 14).",
      hint: "This condition is met if the destination country is a European country (EU, associated, Regions 13 and 14).",
    });
    expect(check(c, input, "fr")).toMatchObject({
      reason:
        "Pays de destination : Brésil ; Erasmus+ exige un pays d'Europe (UE, pays associés, Régions 13 et 14).",
      hint: "Cette condition est remplie si le pays de destination est un pays d'Europe (UE, pays associés, Régions 13 et 14).",
    });
    expect(check(c, {}, "en").status).toBe("met");
  });

  it("noneOf with a named set: reads as an exclusion", () => {
    const c = noneOf(hostCountry, FRANCE_AND_OVERSEAS);
    const input = { mobility: { ...SHORT_STAY, host: { country: "GP" } } };
    expect(check(c, input, "en")).toMatchObject({
      status: "unmet",
      reason: "Destination country: Guadeloupe; Erasmus+ excludes France, mainland or overseas.",
      hint: "This condition is met if the destination country is not France, mainland or overseas.",
    });
    expect(check(c, input, "fr")).toMatchObject({
      reason:
        "Pays de destination : Guadeloupe ; Erasmus+ exclut la France, métropole ou outre-mer.",
      hint: "Cette condition est remplie si le pays de destination n'est pas la France, métropole ou outre-mer.",
    });
    expect(check(c, {}, "en")).toMatchObject({
      status: "met",
      reason: "Destination country: Italy; Erasmus+ excludes France, mainland or overseas.",
    });
  });

  it("noneOf with a list: the hint names the values to avoid", () => {
    const c = noneOf(hostCountry, ["BR", "AR"]);
    const input = { mobility: { ...SHORT_STAY, host: { country: "BR" } } };
    expect(check(c, input, "en").hint).toBe(
      "This condition is met if the destination country is not Brazil and Argentina.",
    );
    expect(check(c, input, "fr").hint).toBe(
      "Cette condition est remplie si le pays de destination n'est pas Brésil et Argentine.",
    );
  });

  it("isTrue: the flag is required", () => {
    const input = { student: { crous: { boursier: false } } };
    expect(check(isTrue(crousBoursier), input, "en")).toMatchObject({
      status: "unmet",
      reason: "You do not hold a CROUS grant; Erasmus+ is only possible if you hold a CROUS grant.",
      hint: "This condition is met if you hold a CROUS grant.",
    });
    expect(check(isTrue(crousBoursier), input, "fr")).toMatchObject({
      reason:
        "Vous n'êtes pas boursier ou boursière du CROUS ; Erasmus+ n'est possible que si vous êtes boursier ou boursière du CROUS.",
      hint: "Cette condition est remplie si vous êtes boursier ou boursière du CROUS.",
    });
    // an échelon implies a grant holder
    expect(
      check(isTrue(crousBoursier), { student: { crous: { echelon: "5" } } }, "en").status,
    ).toBe("met");
  });

  it("isFalse: the flag is excluded", () => {
    const during = { student: { programme: { gapYear: true } } };
    expect(check(isFalse(gapYear), during, "en")).toMatchObject({
      status: "unmet",
      reason:
        "You are on a gap year (césure); Erasmus+ is only possible if you are not on a gap year (césure).",
      hint: "This condition is met if you are not on a gap year (césure).",
    });
    expect(check(isFalse(gapYear), during, "fr")).toMatchObject({
      reason:
        "Vous êtes en année de césure ; Erasmus+ n'est possible que si vous n'êtes pas en année de césure.",
      hint: "Cette condition est remplie si vous n'êtes pas en année de césure.",
    });
    expect(
      check(isFalse(gapYear), { student: { programme: { gapYear: false } } }, "en"),
    ).toMatchObject({
      status: "met",
      reason: "You are not on a gap year (césure).",
      hint: null,
    });
  });

  it("writes zero days in the plural in English and the singular in French", () => {
    const erasmusDaysInCycle = numberFact({
      id: "erasmusDaysInCycle",
      label: {
        fr: "jours Erasmus+ déjà effectués dans le cycle",
        en: "Erasmus+ days already used in this cycle",
      },
      unit: "days",
      paths: ["student.history.erasmusDaysInCycle"],
      get: (ctx) => ctx.situation.student?.history?.erasmusDaysInCycle,
    });
    const c = atMost(erasmusDaysInCycle, 300);
    const input = { student: { history: { erasmusDaysInCycle: 0 } } };
    expect(check(c, input, "en").reason).toBe(
      "Erasmus+ days already used in this cycle is 0 days; Erasmus+ requires at most 300 days.",
    );
    expect(check(c, input, "fr").reason).toBe(
      "Jours Erasmus+ déjà effectués dans le cycle est de 0 jour ; Erasmus+ exige au plus 300 jours.",
    );
  });
});

describe("custom conditions", () => {
  const houseRule = custom({
    describe: { fr: "règle maison", en: "house rule" },
    evaluate: (ctx): CustomOutcome => {
      if (ctx.situation.student?.programme?.year === undefined) {
        return {
          status: "unknown",
          reason: { fr: "", en: "" },
          missing: ["student.programme.year"],
        };
      }
      return ctx.fundedDays > 40
        ? { status: "met", reason: { fr: "Séjour assez long", en: "Long enough" } }
        : {
            status: "unmet",
            reason: { fr: "Séjour trop court", en: "Too short" },
            hint: { fr: "restez plus longtemps", en: "stay longer" },
          };
    },
  });
  const withYear = { student: { programme: { year: 2 } } };
  const shortStay = { ...withYear, mobility: { ...SHORT_STAY, end: "2027-03-10" } };

  it("uses the plugin's own reason and hint", () => {
    expect(check(houseRule, withYear, "en")).toMatchObject({
      status: "met",
      reason: "Long enough.",
      hint: null,
    });
    expect(check(houseRule, shortStay, "en")).toMatchObject({
      status: "unmet",
      reason: "Too short.",
      hint: "stay longer.",
    });
    expect(check(houseRule, shortStay, "fr")).toMatchObject({
      reason: "Séjour trop court.",
      hint: "restez plus longtemps.",
    });
  });

  it("falls back to its description when it gives no hint", () => {
    const noHint = custom({
      describe: { fr: "règle maison", en: "house rule" },
      evaluate: () => ({ status: "unmet", reason: { fr: "Non", en: "No" } }),
    });
    expect(check(noHint, {}, "en").hint).toBe("This condition is met if house rule.");
    expect(check(noHint, {}, "fr").hint).toBe("Cette condition est remplie si règle maison.");
  });

  it("reports its own missing fields when unknown", () => {
    expect(check(houseRule, {}, "en")).toEqual({
      id: "rule",
      status: "unknown",
      reason: "Not answered yet: house rule.",
      hint: "Tell us house rule to find out.",
      missing: ["student.programme.year"],
    });
  });

  it("negated, turns met into unmet and keeps unknown", () => {
    expect(check(not(houseRule), withYear, "en")).toMatchObject({
      status: "unmet",
      reason: "Long enough.",
      hint: "This condition is met if not (house rule).",
    });
    expect(check(not(houseRule), withYear, "fr").hint).toBe(
      "Cette condition est remplie si non (règle maison).",
    );
    expect(check(not(houseRule), shortStay, "en")).toMatchObject({ status: "met", hint: null });
    expect(check(not(houseRule), {}, "en").status).toBe("unknown");
    expect(describeCondition(not(houseRule), "en")).toBe("not (house rule)");
    expect(describeCondition(houseRule, "fr")).toBe("règle maison");
  });
});

describe("three-valued logic", () => {
  const means = anyOf(isTrue(nonTaxable), atMost(quotientFamilial, 1_919_000));

  it("an unknown leaf lists the missing field and asks for it", () => {
    expect(check(atMost(quotientFamilial, 1_919_000), {}, "fr")).toEqual({
      id: "rule",
      status: "unknown",
      reason: "Pas encore renseigné : quotient familial.",
      hint: "Indiquez le quotient familial pour le savoir.",
      missing: ["student.household.quotientFamilial"],
    });
  });

  it("anyOf is unknown when nothing holds and something is unknown, with every missing field", () => {
    expect(check(means, {}, "en")).toEqual({
      id: "rule",
      status: "unknown",
      reason: "Not answered yet: non-taxable household and family quotient (quotient familial).",
      hint: "Tell us whether your household is not taxable and the family quotient (quotient familial) to find out.",
      missing: ["student.household.nonTaxable", "student.household.quotientFamilial"],
    });
    const partly = check(means, { student: { household: { nonTaxable: false } } }, "en");
    expect(partly.status).toBe("unknown");
    expect(partly.missing).toEqual(["student.household.quotientFamilial"]);
  });

  it("anyOf: one alternative met beats an unknown one, and is the reason", () => {
    const r = check(means, { student: { household: { quotientFamilial: 1_200_000 } } }, "en");
    expect(r).toEqual({
      id: "rule",
      status: "met",
      reason:
        "The family quotient (quotient familial) is €12,000; Erasmus+ requires at most €19,190.",
      hint: null,
      missing: [],
    });
    expect(
      check(means, { student: { household: { quotientFamilial: 1_200_000 } } }, "fr").reason,
    ).toBe(
      "Le quotient familial est de 12\u202f000\u00a0€ ; Erasmus+ exige au plus 19\u202f190\u00a0€.",
    );
  });

  it("anyOf: the first alternative that holds is the reason even when both hold", () => {
    const r = check(
      means,
      { student: { household: { nonTaxable: true, quotientFamilial: 1_200_000 } } },
      "en",
    );
    expect(r.reason).toBe("Your household is not taxable.");
  });

  it("anyOf: unmet when every alternative fails, with every alternative as a way out", () => {
    const input = { student: { household: { nonTaxable: false, quotientFamilial: 2_000_000 } } };
    expect(check(means, input, "en")).toMatchObject({
      status: "unmet",
      reason:
        "None of the options is met: your household is taxable; the family quotient (quotient familial) is €20,000, while it must be at most €19,190.",
      hint: "This condition is met if your household is not taxable, or if the family quotient (quotient familial) is no more than €19,190, €810 less.",
    });
    expect(check(means, input, "fr")).toMatchObject({
      reason:
        "Aucune des possibilités n'est remplie : votre foyer est imposable ; le quotient familial est de 20\u202f000\u00a0€, alors qu'il faut au plus 19\u202f190\u00a0€.",
      hint: "Cette condition est remplie si votre foyer est non imposable, ou si le quotient familial ne dépasse pas 19\u202f190\u00a0€, soit 810\u00a0€ de moins.",
    });
  });

  it("anyOf: a list's value that fails says what it is and what it is not, as a sentence", () => {
    const c = anyOf(oneOf(mobilityKind, ["internship"]), atLeast(fundedDays, 60));
    const input = { mobility: { ...SHORT_STAY, kind: "study" } };
    expect(check(c, input, "fr").reason).toBe(
      "Aucune des possibilités n'est remplie : le type de mobilité est séjour d'études et non stage ; la durée financée est de 44 jours, alors qu'il faut au moins 60 jours.",
    );
    expect(check(c, input, "en").reason).toBe(
      "None of the options is met: the kind of mobility is study period, not internship; the funded duration is 44 days, while it must be at least 60 days.",
    );
    const europe = anyOf(oneOf(mobilityKind, ["internship"]), oneOf(hostCountry, EUROPE));
    const far = { mobility: { ...SHORT_STAY, kind: "study", host: { country: "JP" } } };
    expect(check(europe, far, "fr").reason).toContain(
      "le pays de destination est Japon, qui n'est pas ",
    );
  });

  it("allOf: one unmet condition beats an unknown one", () => {
    const c = allOf(isTrue(nonTaxable), atLeast(fundedDays, 60));
    expect(check(c, {}, "en")).toEqual({
      id: "rule",
      status: "unmet",
      reason: "The funded duration is 44 days; Erasmus+ requires at least 60 days.",
      hint: "This condition is met if the funded duration reaches 60 days, 16 days more.",
      missing: [],
    });
  });

  it("allOf: every unmet condition is a reason and must change", () => {
    const c = allOf(atLeast(fundedDays, 60), noneOf(hostCountry, FRANCE_AND_OVERSEAS));
    const r = check(c, { mobility: { ...SHORT_STAY, host: { country: "FR" } } }, "en");
    expect(r).toMatchObject({
      status: "unmet",
      reason:
        "The funded duration is 44 days, while it must be at least 60 days; the destination country is France, which is excluded.",
      hint: "This condition is met if the funded duration reaches 60 days, 16 days more, and the destination country is not France, mainland or overseas.",
    });
  });

  it("allOf: unknown when nothing fails and something is unknown; met when everything holds", () => {
    const c = allOf(atLeast(fundedDays, 30), isTrue(nonTaxable));
    expect(check(c, {}, "en")).toMatchObject({
      status: "unknown",
      missing: ["student.household.nonTaxable"],
    });
    expect(check(c, { student: { household: { nonTaxable: true } } }, "en")).toMatchObject({
      status: "met",
      reason: "The funded duration is 44 days; your household is not taxable.",
      hint: null,
    });
  });

  it("a derived fact names only the answers still missing", () => {
    const input = { student: { crous: { boursier: true }, fewerOpportunities: { qpv: false } } };
    expect(check(isTrue(fewerOpportunities), input, "en")).toMatchObject({
      status: "unknown",
      missing: [
        "student.crous.echelon",
        "student.fewerOpportunities.disability",
        "student.fewerOpportunities.zrr",
      ],
    });
    const known = { student: { crous: { boursier: true }, fewerOpportunities: { zrr: true } } };
    expect(check(isTrue(fewerOpportunities), known, "en").status).toBe("met");
  });

  it("lists the grounds of fewer opportunities that hold, in the rulebook's order", () => {
    const grounds = (student: unknown) => fewerOpportunitiesGrounds(contextOf({ student }, "fr"));
    expect(grounds({})).toEqual([]);
    expect(
      grounds({
        crous: { echelon: "7" },
        fewerOpportunities: { zrr: true, qpv: false, disability: true },
      }),
    ).toEqual(["high-echelon", "disability", "zrr"]);
    // échelon 5 is not a ground; nor is an unanswered question
    expect(grounds({ crous: { echelon: "5" }, fewerOpportunities: { qpv: true } })).toEqual([
      "qpv",
    ]);
    // known false everywhere: the fact is false, not unknown
    const none = {
      crous: { boursier: false },
      fewerOpportunities: { disability: false, qpv: false, zrr: false },
    };
    expect(check(isTrue(fewerOpportunities), { student: none }, "en").status).toBe("unmet");
  });

  // Kleene's strong three-valued logic, written independently of the engine.
  type Tree =
    | { readonly leaf: number }
    | { readonly op: "all" | "any"; readonly kids: readonly Tree[] }
    | { readonly not: Tree };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.record({ leaf: fc.integer({ min: 0, max: 3 }) }),
      fc.record({
        op: fc.constantFrom("all" as const, "any" as const),
        kids: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ not: tie("tree") }),
    ),
  })).tree;

  const kleene = (
    t: Tree,
    values: readonly (boolean | undefined)[],
  ): { status: Status; missing: Set<string> } => {
    if ("leaf" in t) {
      const v = values[t.leaf];
      return v === undefined
        ? { status: "unknown", missing: new Set([`f.${t.leaf}`]) }
        : { status: v ? "met" : "unmet", missing: new Set() };
    }
    if ("not" in t) {
      const inner = kleene(t.not, values);
      const flip: Record<Status, Status> = { met: "unmet", unmet: "met", unknown: "unknown" };
      return { status: flip[inner.status], missing: inner.missing };
    }
    const kids = t.kids.map((k) => kleene(k, values));
    const decisive: Status = t.op === "all" ? "unmet" : "met";
    if (kids.some((k) => k.status === decisive)) return { status: decisive, missing: new Set() };
    const unknown = kids.filter((k) => k.status === "unknown");
    if (unknown.length > 0)
      return { status: "unknown", missing: new Set(unknown.flatMap((k) => [...k.missing])) };
    return { status: t.op === "all" ? "met" : "unmet", missing: new Set() };
  };

  it("allOf, anyOf and not follow Kleene's logic, reporting the fields that would decide", () => {
    const base = contextOf({}, "en");
    fc.assert(
      fc.property(
        tree,
        fc.array(fc.constantFrom(true, false, undefined), { minLength: 4, maxLength: 4 }),
        (t, values) => {
          const facts = values.map((v, i) =>
            booleanFact({
              id: `f${i}`,
              label: { fr: `f${i}`, en: `f${i}` },
              paths: [`f.${i}`],
              get: () => v,
            }),
          );
          const build = (x: Tree): Condition =>
            "leaf" in x
              ? isTrue(facts[x.leaf] ?? (facts[0] as never))
              : "not" in x
                ? not(build(x.not))
                : (x.op === "all" ? allOf : anyOf)(...x.kids.map(build));
          const expected = kleene(t, values);
          const r = evaluateRule(build(t), base, "en", "Scheme");
          expect(r.status).toBe(expected.status);
          expect(new Set(r.missing)).toEqual(expected.missing);
          expect(r.hint === null).toBe(r.status === "met");
        },
      ),
    );
  });
});

describe("not", () => {
  it("pushes the negation down to the leaves (De Morgan)", () => {
    const a = isTrue(nonTaxable);
    const b = atLeast(fundedDays, 60);
    const c = atMost(quotientFamilial, 1_919_000);
    expect(not(allOf(a, b))).toMatchObject({
      kind: "any",
      conditions: [
        isFalse(nonTaxable),
        { kind: "compare", op: "below", fact: fundedDays, bound: 60 },
      ],
    });
    expect(not(anyOf(a, c))).toMatchObject({
      kind: "all",
      conditions: [
        isFalse(nonTaxable),
        { kind: "compare", op: "above", fact: quotientFamilial, bound: 1_919_000 },
      ],
    });
    expect(not(oneOf(hostCountry, ["BR"]))).toEqual(noneOf(hostCountry, ["BR"]));
    expect(not(noneOf(hostCountry, FRANCE_AND_OVERSEAS))).toEqual(
      oneOf(hostCountry, FRANCE_AND_OVERSEAS),
    );
    expect(not(isFalse(gapYear))).toEqual(isTrue(gapYear));
    expect(not(between(fundedDays, 60, 360))).toMatchObject({
      kind: "range",
      inside: false,
      min: 60,
      max: 360,
    });
  });

  it("undoes itself", () => {
    const conditions = [
      isTrue(nonTaxable),
      atLeast(fundedDays, 60),
      atMost(quotientFamilial, 1),
      between(fundedDays, 60, 360),
      oneOf(hostCountry, EUROPE),
      allOf(isTrue(nonTaxable), anyOf(atLeast(fundedDays, 1), noneOf(hostCountry, ["FR"]))),
      custom({
        describe: { fr: "x", en: "x" },
        evaluate: () => ({ status: "met", reason: { fr: "x", en: "x" } }),
      }),
    ];
    for (const c of conditions) expect(not(not(c))).toEqual(c);
  });

  it("reads positively at the leaves", () => {
    expect(check(not(atLeast(fundedDays, 30)), {}, "en")).toMatchObject({
      status: "unmet",
      reason: "The funded duration is 44 days; Erasmus+ requires less than 30 days.",
      hint: "This condition is met if the funded duration is under 30 days.",
    });
    expect(check(not(atMost(fundedDays, 30)), {}, "fr")).toMatchObject({
      status: "met",
      reason: "La durée financée est de 44 jours ; Erasmus+ exige plus de 30 jours.",
    });
    expect(check(not(between(fundedDays, 30, 60)), {}, "en")).toMatchObject({
      status: "unmet",
      reason:
        "The funded duration is 44 days; Erasmus+ requires less than 30 days or more than 60 days.",
      hint: "This condition is met if the funded duration is under 30 days or over 60 days.",
    });
    expect(check(not(between(fundedDays, 30, 60)), {}, "fr").hint).toBe(
      "Cette condition est remplie si la durée financée reste sous 30 jours ou dépasse 60 jours.",
    );
  });
});

describe("describeCondition", () => {
  it.each([
    [
      between(fundedDays, 60, 360),
      "durée financée : entre 60 jours et 360 jours",
      "funded duration: between 60 days and 360 days",
    ],
    [
      atLeast(fundedDays, 30),
      "durée financée : au moins 30 jours",
      "funded duration: at least 30 days",
    ],
    [
      atMost(quotientFamilial, 1_919_000),
      "quotient familial : au plus 19\u202f190\u00a0€",
      "family quotient (quotient familial): at most €19,190",
    ],
    [isTrue(crousBoursier), "boursier du CROUS : oui", "CROUS grant holder: yes"],
    [isFalse(gapYear), "année de césure : non", "gap year (césure): no"],
    [
      oneOf(programmeLevel, ["engineering"]),
      "niveau d'études : cycle ingénieur",
      "programme level: engineering degree",
    ],
    [
      oneOf(programmeLevel, ["bachelor", "master"]),
      "niveau d'études : licence / bachelor ou master",
      "programme level: bachelor or master",
    ],
    [
      noneOf(hostCountry, FRANCE_AND_OVERSEAS),
      "pays de destination : pas la France, métropole ou outre-mer",
      "destination country: not France, mainland or overseas",
    ],
    [
      noneOf(hostCountry, ["BR", "AR"]),
      "pays de destination : autre que Brésil et Argentine",
      "destination country: other than Brazil and Argentina",
    ],
    [
      anyOf(isTrue(nonTaxable), atMost(quotientFamilial, 1_919_000)),
      "foyer non imposable : oui ou quotient familial : au plus 19\u202f190\u00a0€",
      "non-taxable household: yes or family quotient (quotient familial): at most €19,190",
    ],
    [
      allOf(atLeast(fundedDays, 60), anyOf(isTrue(nonTaxable), isTrue(crousBoursier))),
      "durée financée : au moins 60 jours et (foyer non imposable : oui ou boursier du CROUS : oui)",
      "funded duration: at least 60 days and (non-taxable household: yes or CROUS grant holder: yes)",
    ],
  ] as const)("describes %# in French and English", (c, fr, en) => {
    expect(describeCondition(c, "fr")).toBe(fr);
    expect(describeCondition(c, "en")).toBe(en);
  });
});

describe("when: a rule that applies only when another holds", () => {
  const internshipDays = when(oneOf(mobilityKind, ["internship"]), atLeast(fundedDays, 60));
  const stay = (kind?: string, end = SHORT_STAY.end) => ({
    mobility: { ...SHORT_STAY, kind, end },
  });

  it("reads as a sentence in the catalogue", () => {
    expect(describeCondition(internshipDays, "en")).toBe(
      "when kind of mobility: internship, funded duration: at least 60 days",
    );
    expect(describeCondition(internshipDays, "fr")).toBe(
      "si type de mobilité : stage, durée financée : au moins 60 jours",
    );
  });

  it("is met, saying why, when the other does not hold", () => {
    expect(check(internshipDays, stay("study"), "en")).toMatchObject({
      status: "met",
      reason:
        "Kind of mobility: study period; the rule applies only when kind of mobility: internship.",
      hint: null,
    });
    expect(check(internshipDays, stay("study"), "fr").reason).toBe(
      "Type de mobilité : séjour d'études ; la règle ne s'applique que si type de mobilité : stage.",
    );
  });

  it("is the rule itself when the other holds, with what decided it", () => {
    expect(check(internshipDays, stay("internship"), "en")).toEqual({
      id: "rule",
      status: "unmet",
      reason:
        "Kind of mobility: internship; the funded duration is 44 days; Erasmus+ requires at least 60 days.",
      hint: "This condition is met if the funded duration reaches 60 days, 16 days more.",
      missing: [],
    });
    const fr = check(internshipDays, stay("internship"), "fr");
    expect(fr.reason).toBe(
      "Type de mobilité : stage ; la durée financée est de 44 jours ; Erasmus+ exige au moins 60 jours.",
    );
    expect(fr.hint).toBe(
      "Cette condition est remplie si la durée financée atteint 60 jours, soit 16 jours de plus.",
    );
    expect(check(internshipDays, stay("internship", "2027-06-01"), "en").status).toBe("met");
  });

  it("is unknown only while the other is unknown and the rule is not met anyway", () => {
    expect(check(internshipDays, stay(), "en")).toMatchObject({
      status: "unknown",
      reason: "Not answered yet: kind of mobility.",
      missing: ["mobility.kind"],
    });
    expect(check(internshipDays, stay(undefined, "2027-06-01"), "en")).toMatchObject({
      status: "met",
      reason: "The funded duration is 91 days; Erasmus+ requires at least 60 days.",
    });
  });

  it("negated, fails only where the other holds and the rule does not", () => {
    const c = not(internshipDays);
    expect(c).toEqual(allOf(oneOf(mobilityKind, ["internship"]), not(atLeast(fundedDays, 60))));
    expect(check(c, stay("internship"), "en").status).toBe("met");
    expect(check(c, stay("study"), "en").status).toBe("unmet");
  });
});

describe("hints of nested conditions", () => {
  it("bracket a nested condition only when it joins several, whatever its words", () => {
    // the label itself says "ou": a single condition, not an alternative to bracket
    const c = allOf(atLeast(fundedDays, 60), anyOf(isTrue(disability)));
    const input = { student: { fewerOpportunities: { disability: false } } };
    expect(check(c, input, "fr").hint).toBe(
      "Cette condition est remplie si la durée financée atteint 60 jours, soit 16 jours de plus, et que vous avez un handicap ou une maladie de longue durée.",
    );
    const several = allOf(atLeast(fundedDays, 60), anyOf(isTrue(disability), isTrue(nonTaxable)));
    const both = {
      student: { fewerOpportunities: { disability: false }, household: { nonTaxable: false } },
    };
    expect(check(several, both, "en").hint).toBe(
      "This condition is met if the funded duration reaches 60 days, 16 days more, and either you have a disability or a long-term illness or your household is not taxable.",
    );
  });
});
