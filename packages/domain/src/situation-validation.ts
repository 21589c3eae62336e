import type { PartnerLookup } from "./evaluation-context.ts";
import { issueText } from "./issue-text.ts";
import { isPartnerHost, type Situation, SituationSchema } from "./situation.ts";
import type { Lang, Text } from "./text.ts";

/** A problem with one field of a request: its dotted path and why, in the reader's words. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export type SituationValidation =
  | { readonly ok: true; readonly situation: Situation }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * Validates a simulation request as the API and the CLI receive it: the schema of §4.1, then
 * the partner id against the catalogue. Every problem names its field, in `lang`.
 *
 * @example
 * const v = validateSituation(JSON.parse(body), registry.partners);
 * if (!v.ok) console.error(v.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
 */
export const validateSituation = (
  input: unknown,
  partners: PartnerLookup,
  lang: Lang = "en",
): SituationValidation => {
  const parsed = SituationSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join("."),
        message: issueText(i, input)[lang],
      })),
    };
  }
  const host = parsed.data.mobility.host;
  if (isPartnerHost(host) && !partners(host.partner)) {
    return {
      ok: false,
      issues: [{ path: "mobility.host.partner", message: unknownPartner(host.partner)[lang] }],
    };
  }
  return { ok: true, situation: parsed.data };
};

/** What is said of a partner id that the catalogue does not hold. */
export const unknownPartner = (partner: string): Text => ({
  fr: `aucun partenaire « ${partner} » dans le catalogue`,
  en: `no partner "${partner}" in the catalogue`,
});
