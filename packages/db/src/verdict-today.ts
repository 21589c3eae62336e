import { evaluate, type Registry, type Situation, UnknownPartner } from "@envol/domain";

/**
 * What the scheme says of the situation today, on the current rules: its verdict and its
 * standalone estimate. A host the catalogue has lost since leaves it ineligible. An approval
 * weighs it (ADR 010), and an allocation ranks only the requests it finds eligible.
 */
export const verdictToday = (
  registry: Registry,
  situation: Situation,
  scheme: string,
  today: string,
) => {
  try {
    const report = evaluate({ ...situation, asOf: today }, registry, {
      asOf: today,
      lang: "fr",
    });
    const result = report.schemes.find((s) => s.scheme === scheme);
    return {
      verdict: result?.verdict ?? "ineligible",
      estimateCents: result?.estimate?.totalCents ?? null,
    } as const;
  } catch (e) {
    if (e instanceof UnknownPartner) return { verdict: "ineligible", estimateCents: null } as const;
    throw e;
  }
};
