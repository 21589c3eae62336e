import {
  cents,
  criterion,
  defineFundingPlugin,
  type Figure,
  FRANCE_AND_OVERSEAS,
  facts,
  lumpSumBasis,
  noneOf,
  optionFigure,
} from "@envol/domain";
import { z } from "zod";

/** The figure behind the default lump sum: replace it with the scheme's real figure and source. */
const LUMP_SUM: Figure<number> = {
  value: 50_000,
  since: "2026-09-01",
  source: "TODO: the funder's page or regulation (URL, date read)",
  confidence: "assumed",
  label: { fr: "Forfait", en: "Lump sum" },
  unit: "cents",
};

/** Options: every field defaulted to the rulebook's figure, so an institution changes it in configuration. */
export const alumniOptions = z.object({
  lumpSumCents: z.number().int().nonnegative().default(LUMP_SUM.value),
});

/**
 * Alumni: describe the scheme here (who funds it, for whom), and cite the rulebook section.
 */
export const alumni = defineFundingPlugin({
  id: "alumni",
  name: { fr: "Alumni", en: "Alumni" },
  funder: { fr: "À préciser", en: "To be confirmed" },
  url: "https://example.org/alumni",
  summary: {
    fr: "Une aide forfaitaire pour un séjour à l'étranger.",
    en: "A lump sum for a stay abroad.",
  },
  options: alumniOptions,
  parameters: (options) => [
    {
      since: LUMP_SUM.since,
      parameters: { lumpSum: optionFigure(LUMP_SUM, options.lumpSumCents) },
    },
  ],
  criteria: () => [criterion("destination", noneOf(facts.hostCountry, FRANCE_AND_OVERSEAS))],
  estimate: ({ parameters }) => ({
    confidence: parameters.lumpSum.confidence,
    lines: [
      {
        id: "lump-sum",
        label: parameters.lumpSum.label,
        amount: cents(parameters.lumpSum.value),
        basis: lumpSumBasis(parameters.lumpSum.value),
      },
    ],
  }),
  documents: () => [
    { id: "acceptance-letter", label: { fr: "Lettre d'acceptation", en: "Acceptance letter" } },
  ],
});
