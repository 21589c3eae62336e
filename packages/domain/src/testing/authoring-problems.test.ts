import { describe, expect, it } from "vitest";
import { z } from "zod";
import { noneOf } from "../conditions/condition.ts";
import { criterion } from "../conditions/criterion.ts";
import { FRANCE_AND_OVERSEAS } from "../countries.ts";
import { hostCountry } from "../facts.ts";
import type { Figure } from "../figures.ts";
import { defineFundingPlugin } from "../plugin.ts";
import { authoringProblems } from "./plugin-conformance.ts";

/** A plugin as the generator writes it, with its name and its figure's source to be filled. */
const scheme = (name: { fr: string; en: string }, source: string) => {
  const lumpSum: Figure<number> = {
    value: 50_000,
    since: "2026-09-01",
    source,
    confidence: "assumed",
    label: { fr: "Forfait", en: "Lump sum" },
    unit: "cents",
  };
  return defineFundingPlugin({
    id: "demo-scheme",
    name,
    funder: { fr: "École", en: "School" },
    url: "https://example.org",
    summary: { fr: "Une aide.", en: "A grant." },
    options: z.object({}),
    parameters: () => [{ since: lumpSum.since, parameters: { lumpSum } }],
    criteria: () => [criterion("destination", noneOf(hostCountry, FRANCE_AND_OVERSEAS))],
    estimate: () => ({ confidence: "assumed", lines: [] }),
    documents: () => [],
  }).configure();
};

describe("authoringProblems", () => {
  it("rejects a figure whose source is still the generator's TODO", () => {
    const generated = scheme(
      { fr: "Aide démo", en: "Demo grant" },
      "TODO: the funder's page or regulation (URL, date read)",
    );
    expect(authoringProblems(generated)).toEqual([
      'figure lumpSum (since 2026-09-01): its source is still "TODO: the funder\'s page or regulation (URL, date read)"',
    ]);
  });

  it("rejects a text that is the same in French and English", () => {
    const untranslated = scheme({ fr: "Demo scheme", en: "Demo scheme" }, "https://example.org");
    expect(authoringProblems(untranslated)).toEqual([
      'name: "Demo scheme" is the same in French and English',
    ]);
  });

  it("accepts a proper name the setup lists, and a plugin with nothing to fill", () => {
    const erasmusLike = scheme({ fr: "Erasmus+ Europe", en: "Erasmus+ Europe" }, "https://e.eu");
    expect(authoringProblems(erasmusLike, ["Erasmus+ Europe"])).toEqual([]);
    expect(authoringProblems(scheme({ fr: "Aide", en: "Grant" }, "Rulebook §1"))).toEqual([]);
  });
});
