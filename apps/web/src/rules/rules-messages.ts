import type { Strings } from "../i18n/strings.ts";
import type { rulesFr } from "./rules.fr.ts";

/** The rule pages' texts in any language: the French ones' keys. */
export type RulesMessages = Strings<typeof rulesFr>;
