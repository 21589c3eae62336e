import { describe, expect, it } from "vitest";
import { dated, INSTITUTION, monthly, PARTNERS } from "../fixtures/fixture-plugins.ts";
import { evaluate } from "./engine.ts";
import { defineFundingPlugin, type WorkedExample } from "./plugin.ts";
import { createRegistry } from "./registry.ts";
import { describeSchemeRules } from "./scheme-rules.ts";

const TODAY = "2026-11-26";

const berlin: WorkedExample = {
  title: { fr: "Un semestre à Berlin", en: "A semester in Berlin" },
  situation: {
    student: { crous: { boursier: true } },
    mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
  },
};
const tooShort: WorkedExample = {
  title: { fr: "Trois semaines à Milan", en: "Three weeks in Milan" },
  situation: {
    student: { crous: { boursier: true } },
    mobility: { host: { partner: "polimi" }, start: "2027-03-01", end: "2027-03-21" },
  },
};
/** A partner the school's catalogue does not hold (a catalogue other than the demo one). */
const elsewhere: WorkedExample = {
  title: { fr: "Ailleurs", en: "Elsewhere" },
  situation: {
    mobility: { host: { partner: "not-in-the-catalogue" }, start: "2027-02-01", end: "2027-06-30" },
  },
};

// the fixture whose rules changed on 1 July 2024 (60 → 30 days minimum), with examples
const withExamples = defineFundingPlugin({ ...dated, examples: [berlin, tooShort, elsewhere] });
const plugin = withExamples.configure();
const registry = createRegistry({
  institution: INSTITUTION,
  plugins: [monthly.configure(), plugin],
  partners: PARTNERS,
});

describe("describeSchemeRules: a scheme's public rule page", () => {
  it("lists every period oldest first, each with its end, its criteria in words and its figures", () => {
    const rules = describeSchemeRules(plugin, registry, "en", TODAY);
    expect(rules.periods.map((p) => [p.since, p.until])).toEqual([
      ["2018-07-19", "2024-06-30"],
      ["2024-07-01", null],
    ]);
    const [before, after] = rules.periods;
    expect(before?.figures.find((f) => f.name === "minDays")?.display).toBe("60 days");
    expect(after?.figures.find((f) => f.name === "minDays")?.display).toBe("30 days");
    expect(before?.criteria.map((c) => c.id)).toEqual([
      "participant",
      "boursier",
      "duration",
      "period",
    ]);
    expect(before?.criteria[0]?.rule).toBe("this scheme funds students' stays");
    // each period's sentence reads its own figures
    expect(before?.criteria[2]?.rule).toMatch(/60/);
    expect(after?.criteria[2]?.rule).toMatch(/30/);
    expect(after?.criteria[2]?.rule).not.toBe(before?.criteria[2]?.rule);
    // and as a sentence, for the page
    expect(after?.criteria[2]?.sentence).toBe(
      "The funded duration is between 30 days and 300 days.",
    );
    expect(before?.criteria[2]?.sentence).toBe(
      "The funded duration is between 60 days and 270 days.",
    );
    expect(after?.confidence).toBe("assumed");
  });

  it("marks the period in force on the date it is given, not the wall clock's", () => {
    const inForce = (today: string) =>
      describeSchemeRules(plugin, registry, "fr", today)
        .periods.filter((p) => p.inForce)
        .map((p) => p.since);
    expect(inForce(TODAY)).toEqual(["2024-07-01"]);
    expect(inForce("2024-06-30")).toEqual(["2018-07-19"]);
    expect(describeSchemeRules(plugin, registry, "fr", "2024-06-30").today).toBe("2024-06-30");
    // before the earliest period, none is in force yet (not the earliest, as the engine falls back)
    expect(inForce("2018-07-18")).toEqual([]);
  });

  it("writes a custom condition's rule as what it requires: the period every scheme has", () => {
    const period = describeSchemeRules(plugin, registry, "fr", TODAY)
      .periods.at(-1)
      ?.criteria.find((c) => c.id === "period");
    expect(period?.sentence).toBe("Le séjour commence le 19 juillet 2018 ou après.");
  });

  it("evaluates each worked example with the engine: the scheme's result and its share of the plan as a simulation gives them", () => {
    const rules = describeSchemeRules(plugin, registry, "en", TODAY);
    expect(rules.examples.map((e) => e.title)).toEqual([
      "A semester in Berlin",
      "Three weeks in Milan",
    ]);
    const [semester, weeks] = rules.examples;
    const report = evaluate(berlin.situation, registry, { asOf: TODAY, lang: "en" });
    expect(semester?.result).toEqual(report.schemes.find((s) => s.scheme === "dated"));
    expect(semester?.result.verdict).toBe("eligible");
    expect(semester?.result.estimate?.lines[0]?.basis).toMatch(/× 150\/30 days$/);
    expect(semester?.plan).toEqual({
      amountCents: report.plan.items.find((i) => i.scheme === "dated")?.amountCents,
      note: null,
      totalCents: report.plan.totalCents,
    });
    expect(semester?.fundedDays).toBe(150);
    expect(semester?.situation).toEqual(berlin.situation);
    // 21 days is short of the 30-day minimum: ineligible, with the reason, and no amount
    expect(weeks?.result.verdict).toBe("ineligible");
    expect(weeks?.result.criteria.find((c) => c.status === "unmet")?.id).toBe("duration");
    expect(weeks?.plan.amountCents).toBeNull();
  });

  it("writes everything in the language asked", () => {
    const fr = describeSchemeRules(plugin, registry, "fr", TODAY);
    expect(fr.name).toBe("Aide datée");
    expect(fr.examples[0]?.title).toBe("Un semestre à Berlin");
    expect(fr.examples[0]?.result.estimate?.lines[0]?.basis).toMatch(/150\/30 jours$/);
    expect(fr.periods[1]?.figures.find((f) => f.name === "minDays")?.display).toBe("30 jours");
  });

  it("gives no examples for a scheme that declares none", () => {
    expect(describeSchemeRules(monthly.configure(), registry, "fr", TODAY).examples).toEqual([]);
  });
});
