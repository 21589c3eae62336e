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
export const micOptions = z.object({
  lumpSumCents: z.number().int().nonnegative().default(LUMP_SUM.value),
});

/**
 * Mic: describe the scheme here (who funds it, for whom), and cite the rulebook section.
 */
export const mic = defineFundingPlugin({
  id: "mic",
  name: { fr: "Mic", en: "Mic" },
  funder: { fr: "À préciser", en: "To be confirmed" },
  url: "https://example.org/mic",
  summary: {
    fr: "Une aide forfaitaire pour un séjour à l'étranger.",
    en: "A lump sum for a stay abroad.",
  },
  options: micOptions,
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
