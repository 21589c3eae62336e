import { z } from "zod";
import { DOCUMENT_DUES } from "./plugin.ts";

/** The simulation response of ARCHITECTURE §4.1, in one language. */

export const VerdictSchema = z.enum(["eligible", "ineligible", "incomplete"]);
export type Verdict = z.output<typeof VerdictSchema>;

export const ConfidenceSchema = z.enum(["official", "secondary", "assumed"]);

export const CriterionResultSchema = z.object({
  id: z.string(),
  status: z.enum(["met", "unmet", "unknown"]),
  reason: z.string(),
  hint: z.string().nullable(),
});

export const EstimateLineSchema = z.object({
  id: z.string(),
  label: z.string(),
  amountCents: z.number().int(),
  basis: z.string(),
});

export const EstimateSchema = z.object({
  totalCents: z.number().int(),
  lines: z.array(EstimateLineSchema),
  confidence: ConfidenceSchema,
  /** What the estimate leaves out and why. */
  notes: z.array(z.string()),
});

export const SchemeResultSchema = z.object({
  scheme: z.string(),
  name: z.string(),
  verdict: VerdictSchema,
  criteria: z.array(CriterionResultSchema),
  /** Situation fields that would complete the picture (field paths), for incomplete verdicts. */
  missing: z.array(z.string()),
  /** The standalone amount; null when the scheme is ineligible. */
  estimate: EstimateSchema.nullable(),
  /**
   * For an incomplete scheme, the most it could give once its open questions are answered
   * ("jusqu'à X €"): its estimate with every open answer that moves an amount at its most
   * favourable. Null for a scheme already decided.
   */
  upToCents: z.number().int().nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** Before the student leaves, or once back from the stay. */
      due: z.enum(DOCUMENT_DUES),
    }),
  ),
});

export const PlanSchema = z.object({
  items: z.array(
    z.object({
      scheme: z.string(),
      amountCents: z.number().int(),
      /** How the amount was adjusted for the other schemes of the plan, when it was. */
      note: z.string().optional(),
    }),
  ),
  totalCents: z.number().int(),
  excluded: z.array(z.object({ scheme: z.string(), reason: z.string() })),
  /**
   * The best combination the open questions could still lead to: the eligible schemes as they
   * are, the incomplete ones at their most (`pending`), never two exclusive schemes together.
   * Null when no scheme is incomplete.
   */
  upTo: z
    .object({
      items: z.array(
        z.object({ scheme: z.string(), amountCents: z.number().int(), pending: z.boolean() }),
      ),
      totalCents: z.number().int(),
    })
    .nullable(),
});

export const SimulationReportSchema = z
  .object({
    academicYear: z.string(),
    fundedDays: z.number().int(),
    /** One-way great-circle km, rounded down as the travel bands compare them; null for a typed destination without coordinates. */
    distanceKm: z.number().int().nullable(),
    schemes: z.array(SchemeResultSchema),
    plan: PlanSchema,
  })
  .meta({ id: "SimulationReport" });

export type CriterionResultJson = z.output<typeof CriterionResultSchema>;
export type Estimate = z.output<typeof EstimateSchema>;
export type SchemeResult = z.output<typeof SchemeResultSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type SimulationReport = z.output<typeof SimulationReportSchema>;
