import { createLazyRoute, useParams } from "@tanstack/react-router";
import { RulesIndexPage } from "../rules/rules-index-page.tsx";
import { SchemeRulesPage } from "../rules/scheme-rules-page.tsx";

/**
 * The schemes' published rules, loaded only when visited (their routes are in `router.tsx`):
 * the same pages at a French address and an English one, the address setting the language.
 * Public: no sign-in, nothing of the student or staff areas.
 */
const SchemeRulesFr = () => {
  const { scheme } = useParams({ from: "/regles/$scheme" });
  return <SchemeRulesPage lang="fr" scheme={scheme} />;
};

const SchemeRulesEn = () => {
  const { scheme } = useParams({ from: "/rules/$scheme" });
  return <SchemeRulesPage lang="en" scheme={scheme} />;
};

export const rulesFr = createLazyRoute("/regles")({
  component: () => <RulesIndexPage lang="fr" />,
});
export const schemeRulesFr = createLazyRoute("/regles/$scheme")({ component: SchemeRulesFr });
export const rulesEn = createLazyRoute("/rules")({
  component: () => <RulesIndexPage lang="en" />,
});
export const schemeRulesEn = createLazyRoute("/rules/$scheme")({ component: SchemeRulesEn });
