import {
  type ConfigurationWarning,
  evaluate,
  PluginOptionsInvalid,
  RegistryInvalid,
  SituationSchema,
  STANDARD_FACTS,
} from "@envol/domain";
import { TELECOM_PARIS } from "@envol/domain/reference";
import { alumni } from "@envol/plugin-alumni";
import { ami } from "@envol/plugin-ami";
import { erasmus } from "@envol/plugin-erasmus";
import { idf } from "@envol/plugin-idf";
import { describe, expect, it } from "vitest";
import { TELECOM_PARIS_CONFIG } from "./institution.ts";
import { configurationWarningText, loadRegistry, use } from "./institution-config.ts";

describe("the institution configuration", () => {
  it("registers the five schemes of the school's page, with the AMI registered but off", () => {
    const ids = loadRegistry(TELECOM_PARIS_CONFIG).plugins.map((p) => p.id);
    // the school's page, in its order; a scheme registered later may follow
    expect(ids.slice(0, 5)).toEqual(["idf", "erasmus", "mic", "fitec", "alumni"]);
    expect(ids).not.toContain("ami");
    expect(TELECOM_PARIS_CONFIG.plugins.find((p) => p.id === "ami")?.enabled).toBe(false);
    expect(
      loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true }).plugins.map((p) => p.id),
    ).toContain("ami");
  });

  it("resolves partners from the demo catalogue", () => {
    const registry = loadRegistry(TELECOM_PARIS_CONFIG);
    expect(registry.partners("tu-berlin")?.country).toBe("DE");
    expect(registry.partners("nowhere")).toBeUndefined();
  });

  it("stops on a misspelt option, naming the plugin and the field", () => {
    const config = {
      institution: TELECOM_PARIS,
      plugins: [use(idf, { monthlyRateTypo: 40_000 } as never)],
    };
    expect(() => loadRegistry(config)).toThrow(PluginOptionsInvalid);
    expect(() => loadRegistry(config)).toThrow(/plugin "idf".*\n.*monthlyRateTypo/);
  });

  it("checks a switched-off scheme's options and exclusivity too, before the day it is switched on", () => {
    const typo = {
      institution: TELECOM_PARIS,
      plugins: [use(idf), use(ami, { monthlyRateTypo: 1 } as never, { enabled: false })],
    };
    expect(() => loadRegistry(typo)).toThrow(/plugin "ami".*\n.*monthlyRateTypo/);
    const unknown = {
      institution: TELECOM_PARIS,
      plugins: [use(idf), use(ami, { exclusiveWith: ["mikc"] }, { enabled: false })],
    };
    expect(() => loadRegistry(unknown)).toThrow(
      'plugin "ami": exclusiveWith names "mikc", which is not a registered scheme',
    );
  });

  it("stops on a duplicate plugin id", () => {
    const config = { institution: TELECOM_PARIS, plugins: [use(alumni), use(alumni)] };
    expect(() => loadRegistry(config)).toThrow(RegistryInvalid);
    expect(() => loadRegistry(config)).toThrow(/two plugins have the id "alumni"/);
  });

  it("stops on an exclusiveWith naming a scheme it does not register, naming the plugin and the id", () => {
    const config = {
      institution: TELECOM_PARIS,
      plugins: [use(alumni, { exclusiveWith: ["mikc", "idf"] }), use(idf), use(erasmus)],
    };
    expect(() => loadRegistry(config)).toThrow(RegistryInvalid);
    // every one at once: the typo, and erasmus's default naming mic, which is not registered here
    expect(() => loadRegistry(config)).toThrow(
      'invalid funding registry:\n  - plugin "alumni": exclusiveWith names "mikc", which is not a registered scheme\n  - plugin "erasmus": exclusiveWith names "mic", which is not a registered scheme',
    );
  });

  it("warns, naming the plugin, the option and the range, of an Erasmus+ rate outside its call's range", () => {
    const warnings: ConfigurationWarning[] = [];
    const rates = [
      { fromCall: 2024, group1Cents: 29_200, group2Cents: 22_500, group3Cents: 22_500 },
      { fromCall: 2026, group1Cents: 25_000, group2Cents: 22_500, group3Cents: 22_500 },
    ];
    const registry = loadRegistry(
      {
        institution: TELECOM_PARIS,
        // switched off, still checked: the office sees it before the day it switches it on
        plugins: [use(idf), use(erasmus, { rates, exclusiveWith: [] }, { enabled: false })],
      },
      { warn: (w) => warnings.push(w) },
    );
    // a warning, not a refusal: the registry is built
    expect(registry.plugins.map((p) => p.id)).toEqual(["idf"]);
    expect(warnings.map(configurationWarningText)).toEqual([
      expect.stringMatching(
        /^plugin "erasmus": rates\.1\.group1Cents: 250 € a month for group 1 from call 2026 is outside the range 292 €–674 €/,
      ),
    ]);
  });

  it("has nothing to warn of in Télécom Paris's configuration", () => {
    const warnings: ConfigurationWarning[] = [];
    loadRegistry(TELECOM_PARIS_CONFIG, { warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
  });

  it("accepts an exclusiveWith naming a scheme registered but switched off", () => {
    const registry = loadRegistry({
      institution: TELECOM_PARIS,
      plugins: [use(alumni, { exclusiveWith: ["ami"] }), use(ami, {}, { enabled: false })],
    });
    expect(registry.plugins.map((p) => p.id)).toEqual(["alumni"]);
    expect(registry.exclusive("ami", "alumni")).toBe(true);
  });

  it("evaluates only the schemes asked for, switched off or not, the others still registered", () => {
    const registry = loadRegistry(TELECOM_PARIS_CONFIG, { only: ["ami", "erasmus"] });
    expect(registry.plugins.map((p) => p.id)).toEqual(["erasmus", "ami"]);
    // erasmus names mic: not evaluated here, but registered, so no mistake
    expect(registry.exclusive("erasmus", "mic")).toBe(true);
  });

  it("lists the facts its schemes read: the domain's, then those the plugins declare, each once", () => {
    const ids = loadRegistry(TELECOM_PARIS_CONFIG, { enableAll: true }).facts.map((f) => f.id);
    expect(ids.slice(0, STANDARD_FACTS.length)).toEqual(STANDARD_FACTS.map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
    // erasmus and mic both declare the Erasmus+ ones; a scheme registered later may add its own
    expect(ids.slice(STANDARD_FACTS.length)).toEqual(
      expect.arrayContaining([
        "holdsEche",
        "erasmusDaysAfterStay",
        "hostInFitecProjectOfItsCountry",
        "amiMonthsTotal",
        "stayWholeMonths",
      ]),
    );
  });

  it("evaluates a situation against every registered scheme", () => {
    const registry = loadRegistry(TELECOM_PARIS_CONFIG);
    const situation = SituationSchema.parse({
      mobility: { host: { partner: "polimi" }, start: "2027-03-01", end: "2027-04-14" },
    });
    const report = evaluate(situation, registry, { asOf: "2026-11-26", lang: "en" });
    expect(report.fundedDays).toBe(44);
    expect(report.schemes.map((s) => s.scheme)).toEqual(registry.plugins.map((p) => p.id));
  });
});
