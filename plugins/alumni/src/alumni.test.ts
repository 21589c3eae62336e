import {
  CONFIGURED_SOURCE,
  createRegistry,
  evaluate,
  type Lang,
  makeEvaluationContext,
  type PlanPeer,
  PluginOptionsInvalid,
  roundHalfUp,
  SituationSchema,
} from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { type ConformanceCase, runPluginConformance } from "@envol/domain/testing";
import { describe, expect, it } from "vitest";
import cases from "../cases.json" with { type: "json" };
import { alumni } from "./alumni.ts";

runPluginConformance(alumni, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  // a destination is required by the situation schema, so `destination` can never be unknown
  exempt: { unknown: ["destination"] },
});

const ASOF = "2026-11-26";
const partners = DEMO_PARTNER_CATALOGUE.partners;
const lookup = (id: string) => partners.find((p) => p.id === id);

/** Worked example 1 of rulebook §9, with its costs: 300 € + 120 € + 500 € = 920 €. */
const example = (overrides: { host?: unknown; costs?: unknown } = {}) => ({
  student: {
    programme: { level: "engineering", year: 2, mode: "initial" },
    crous: { echelon: "5" },
    household: { quotientFamilial: 1_200_000 },
  },
  mobility: {
    kind: "study",
    framework: "inter-institution-agreement",
    host: overrides.host ?? { partner: "tu-berlin" },
    start: "2027-02-01",
    end: "2027-06-30",
    costs: overrides.costs ?? { transport: 30_000, insurance: 12_000, installation: 50_000 },
  },
});

/** The aid's share in a plan with `peers`, its basis written in each language. */
const inPlan = (situation: unknown, peers: readonly PlanPeer[], options?: object) => {
  const configured = alumni.configure(options);
  const parsed = SituationSchema.parse(situation);
  const shareIn = (lang: Lang) => {
    const ctx = makeEvaluationContext(parsed, TELECOM_PARIS, lookup, ASOF, lang);
    const share = configured.inPlan?.(ctx, configured.periodFor(parsed.mobility.start), peers);
    if (!share) throw new Error("the alumni aid must define inPlan");
    return share;
  };
  const fr = shareIn("fr");
  return { cents: roundHalfUp(fr.amount), basis: { fr: fr.basis, en: shareIn("en").basis } };
};

const report = (situation: unknown, lang: "fr" | "en", options?: object) => {
  const registry = createRegistry({
    institution: TELECOM_PARIS,
    plugins: [alumni.configure(options)],
    partners,
  });
  const result = evaluate(SituationSchema.parse(situation), registry, { asOf: ASOF, lang })
    .schemes[0];
  if (!result) throw new Error("no scheme result");
  return result;
};

// The peers as the engine hands them over: each chosen scheme with its rounded lines.
const erasmusGreen: PlanPeer = {
  scheme: "erasmus",
  name: { fr: "Erasmus+ Europe", en: "Erasmus+ Europe" },
  amountCents: 312_700,
  lines: [
    { id: "individual-support", amountCents: 271_000, covers: "living" },
    { id: "travel", amountCents: 41_700, covers: "transport" },
  ],
};
const erasmusNoTravel: PlanPeer = {
  scheme: "erasmus",
  name: { fr: "Erasmus+ Europe", en: "Erasmus+ Europe" },
  amountCents: 146_000,
  lines: [{ id: "individual-support", amountCents: 146_000, covers: "living" }],
};
const idf: PlanPeer = {
  scheme: "idf",
  name: { fr: "Bourse IDF", en: "IDF grant" },
  amountCents: 225_000,
  lines: [{ id: "monthly", amountCents: 225_000, covers: "living" }],
};

describe("alumni in a plan (rulebook §5, §9)", () => {
  it("worked example 2: Erasmus+ green travel of 417 € leaves min(800, 920 − 417) = 503 €", () => {
    const share = inPlan(example(), [erasmusGreen, idf]);
    expect(share.cents).toBe(50_300);
    expect(share.basis.fr).toBe(
      "min(800\u00a0€, 920\u00a0€ de frais déclarés − voyage déjà payé : Erasmus+ Europe 417\u00a0€)",
    );
    expect(share.basis.en).toBe(
      "min(€800, €920 of declared costs − travel already paid: Erasmus+ Europe €417)",
    );
  });

  it("worked example 1 (Call 2026, travel for all): Erasmus+ travel of 309 € leaves min(800, 920 − 309) = 611 €", () => {
    const erasmusWithTravel: PlanPeer = {
      ...erasmusNoTravel,
      amountCents: 176_900,
      lines: [...erasmusNoTravel.lines, { id: "travel", amountCents: 30_900, covers: "transport" }],
    };
    const share = inPlan(example(), [erasmusWithTravel, idf]);
    expect(share.cents).toBe(61_100);
    expect(share.basis.en).toBe(
      "min(€800, €920 of declared costs − travel already paid: Erasmus+ Europe €309)",
    );
  });

  it("no peer pays travel (Erasmus+ in Call 2024 without fewer opportunities): the standalone 800 € stands", () => {
    const share = inPlan(example(), [erasmusNoTravel, idf]);
    expect(share.cents).toBe(80_000);
    expect(share.basis.en).toContain("no travel paid by the other grants");
  });

  it("travel paid beyond the declared costs leaves nothing, never a negative amount", () => {
    const mic: PlanPeer = {
      scheme: "mic",
      name: { fr: "Erasmus+ international", en: "Erasmus+ international" },
      amountCents: 648_500,
      lines: [
        { id: "individual-support", amountCents: 475_000, covers: "living" },
        { id: "travel", amountCents: 173_500, covers: "transport" },
      ],
    };
    const share = inPlan(example({ host: { partner: "usp" } }), [mic]);
    expect(share.cents).toBe(0);
    expect(share.basis.fr).toContain("max(0, 920\u00a0€ de frais déclarés");
    expect(share.basis.en).toContain("Erasmus+ international €1,735");
  });

  it("sums the travel of every peer and names each scheme with its amount", () => {
    const fitec: PlanPeer = {
      scheme: "fitec",
      name: { fr: "FITEC", en: "FITEC" },
      amountCents: 490_000,
      lines: [
        { id: "travel", amountCents: 90_000, covers: "transport" },
        { id: "stipend", amountCents: 400_000, covers: "living" },
      ],
    };
    const other: PlanPeer = {
      scheme: "other",
      name: { fr: "Autre", en: "Other" },
      amountCents: 10_000,
      lines: [{ id: "train", amountCents: 10_000, covers: "transport" }],
    };
    // São Paulo, 1 800 € of costs: min(1 500, 1 800 − 900 − 100) = 800 €
    const share = inPlan(
      example({ host: { partner: "usp" }, costs: { transport: 150_000, visa: 30_000 } }),
      [fitec, idf, other],
    );
    expect(share.cents).toBe(80_000);
    expect(share.basis.en).toBe(
      "min(€1,500, €1,800 of declared costs − travel already paid: FITEC €900 + Other €100)",
    );
  });

  it("caps after subtracting: 2 500 € of costs minus 417 € of travel is still capped at 1 500 €", () => {
    const share = inPlan(
      example({
        host: { partner: "mcgill" },
        costs: { transport: 150_000, installation: 100_000 },
      }),
      [erasmusGreen],
    );
    expect(share.cents).toBe(150_000);
  });

  it("never exceeds the standalone amount", () => {
    // costs under the cap (300 € against 800 €), so the cap alone cannot keep the share down
    const situation = example({ costs: { transport: 30_000 } });
    for (const peers of [[], [idf], [erasmusGreen], [erasmusGreen, idf]]) {
      const standalone = report(situation, "en").estimate?.totalCents ?? 0;
      expect(inPlan(situation, peers).cents).toBeLessThanOrEqual(standalone);
    }
  });
});

describe("alumni options", () => {
  it("rejects a negative cap and names the field", () => {
    let error: unknown;
    try {
      alumni.configure({ capEuropeCents: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PluginOptionsInvalid);
    expect((error as PluginOptionsInvalid).issues.map((i) => i.path)).toEqual(["capEuropeCents"]);
  });

  it("rejects an exclusivity that is not a scheme id", () => {
    expect(() => alumni.configure({ exclusiveWith: ["Erasmus+"] })).toThrow(/exclusiveWith\.0/);
  });

  it("combines with every scheme by default, and honours a configured exclusivity", () => {
    expect(alumni.configure().exclusive).toEqual([]);
    expect(alumni.configure({ exclusiveWith: ["mic"] }).exclusive).toEqual(["mic"]);
  });

  it("reports a configured cap as the institution's own figure and uses it", () => {
    const configured = alumni.configure({ capEuropeCents: 100_000 });
    const cap = configured.periodFor("2027-02-01").parameters.capEurope;
    expect(cap?.source).toBe(CONFIGURED_SOURCE);
    expect(cap?.confidence).toBe("official");
    const result = report(example(), "en", { capEuropeCents: 100_000 });
    expect(result.estimate?.totalCents).toBe(92_000);
    expect(result.estimate?.confidence).toBe("official");
  });

  it("stops calling the caps assumptions once the institution has set both", () => {
    const both = { capEuropeCents: 100_000, capOutsideEuropeCents: 200_000 };
    expect(report(example(), "en").estimate?.notes.join(" ")).toContain("must confirm");
    expect(report(example(), "en", both).estimate?.notes.join(" ")).not.toContain("confirm");
  });

  it("marks every default figure as assumed, and the estimate too", () => {
    const parameters = alumni.configure().periodFor("2027-02-01").parameters;
    for (const figure of Object.values(parameters)) expect(figure.confidence).toBe("assumed");
    expect(report(example(), "en").estimate?.confidence).toBe("assumed");
  });
});

describe("alumni explanations", () => {
  it("explains the capped amount from the declared costs, in French and English", () => {
    const fr = report(example(), "fr").estimate;
    expect(fr?.lines[0]?.basis).toBe(
      "min(800\u00a0€ plafond en Europe, 920\u00a0€ de frais déclarés : transport 300\u00a0€ + assurance 120\u00a0€ + installation 500\u00a0€)",
    );
    expect(fr?.notes.join(" ")).toContain("120\u00a0€ de frais au-delà du plafond");
    expect(fr?.notes.join(" ")).toContain(
      "à confirmer par le service des relations internationales",
    );
    const en = report(example({ host: { partner: "usp" } }), "en").estimate;
    expect(en?.lines[0]?.basis).toBe(
      "min(€1,500 cap outside Europe, €920 of declared costs: transport €300 + insurance €120 + installation €500)",
    );
  });

  it("says how to meet the means test when the quotient familial is one cent too high", () => {
    const taxable = {
      ...example(),
      student: {
        crous: { boursier: false },
        household: { quotientFamilial: 1_919_001, nonTaxable: false },
      },
    };
    const fr = report(taxable, "fr").criteria.find((c) => c.id === "means");
    expect(fr?.status).toBe("unmet");
    expect(fr?.reason).toContain("19\u202f190,01\u00a0€");
    expect(fr?.hint).toContain(
      "le quotient familial ne dépasse pas 19\u202f190\u00a0€, soit 0,01\u00a0€ de moins",
    );
    const en = report(taxable, "en").criteria.find((c) => c.id === "means");
    expect(en?.hint).toContain("if you hold a CROUS grant");
    expect(en?.hint).toContain(
      "the family quotient (quotient familial) is no more than €19,190, €0.01 less",
    );
  });

  it("says there is no cost to cover when the declared costs add up to 0, in French and English", () => {
    const zero = example({ costs: { transport: 0, insurance: 0 } });
    const fr = report(zero, "fr");
    expect(fr.verdict).toBe("ineligible");
    expect(fr.criteria.find((c) => c.id === "costs")).toMatchObject({
      status: "unmet",
      reason: "Aucun frais à couvrir : vos frais déclarés s'élèvent à 0\u00a0€.",
      hint: "L'aide rembourse des frais réels : déclarez ce que le séjour vous coûte (transport, visa, assurance, installation).",
    });
    expect(report(zero, "en").criteria.find((c) => c.id === "costs")).toMatchObject({
      status: "unmet",
      reason: "No cost to cover: your declared costs add up to €0.",
      hint: "The aid pays real costs: declare what the stay costs you (transport, visa, insurance, installation).",
    });
  });

  it("gives the costs' total when they are above 0, and asks for them when none is given", () => {
    const met = report(example({ costs: { transport: 0, visa: 9_900 } }), "en");
    expect(met.criteria.find((c) => c.id === "costs")?.reason).toBe(
      "Your declared costs add up to €99: the aid covers them up to its cap.",
    );
    const unknown = report(example({ costs: {} }), "fr").criteria.find((c) => c.id === "costs");
    expect(unknown).toMatchObject({
      status: "unknown",
      hint: "Indiquez les frais de votre séjour (transport, visa, assurance, installation) pour le savoir.",
    });
  });

  it("asks for the costs when none is declared, and gives no amount", () => {
    const result = report(example({ costs: {} }), "en");
    expect(result.verdict).toBe("incomplete");
    expect(result.estimate?.lines).toEqual([]);
    expect(result.estimate?.notes[0]).toBe(
      "Declare your costs (transport, visa, insurance, installation): the aid pays them up to €800 (cap in Europe).",
    );
  });
});

describe("alumni documents", () => {
  const ids = (situation: unknown) => report(situation, "en").documents.map((d) => d.id);

  it("asks a grant holder for the CROUS notification and a receipt for each declared cost", () => {
    expect(ids(example())).toEqual([
      "crous-notification",
      "receipt-transport",
      "receipt-insurance",
      "receipt-installation",
      "bank-details",
    ]);
  });

  it("asks a household without a CROUS grant for its tax notice", () => {
    const situation = {
      ...example({ costs: { visa: 9_900, transport: 0 } }),
      student: { crous: { boursier: false }, household: { nonTaxable: true } },
    };
    expect(ids(situation)).toEqual(["tax-notice", "receipt-visa", "bank-details"]);
  });

  it("asks for either proof and all receipts when nothing is known yet", () => {
    const { student: _student, ...rest } = example({ costs: {} });
    expect(ids(rest)).toEqual(["means-proof", "receipts", "bank-details"]);
  });
});
