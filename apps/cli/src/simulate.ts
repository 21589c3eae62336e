import {
  evaluate,
  type FieldIssue,
  type Lang,
  type Registry,
  type SimulationReport,
  validateSituation,
} from "@envol/domain";

export type SimulateOutcome =
  | { readonly ok: true; readonly report: SimulationReport }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * The CLI's whole job, without I/O: JSON text in, the simulation response of ARCHITECTURE §4.1
 * out, or the field issues. `today` is the evaluation date when the situation has no `asOf`.
 */
export const simulate = (
  input: string,
  registry: Registry,
  lang: Lang,
  today: string,
): SimulateOutcome => {
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: "(body)", message: `not JSON: ${(e as Error).message}` }],
    };
  }
  const v = validateSituation(json, registry.partners, lang);
  if (!v.ok) return v;
  return { ok: true, report: evaluate(v.situation, registry, { asOf: today, lang }) };
};
