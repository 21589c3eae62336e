import type { Lang } from "@envol/domain";

/**
 * Said above the results of an example opened from a rule page: it is not kept, and the
 * student's own answers are one click away (the page reloaded without the example reads them
 * back). Its words live here, in the results' chunk, not in the app's texts (fr.ts, en.ts):
 * those are in the first screen, which has no room left (see `scripts/bundle-report.ts`).
 */
export const ExampleNotice = ({ lang }: { readonly lang: Lang }) => (
  <p className="notice">
    {EXAMPLE_NOTICE[lang].text} <a href="/">{EXAMPLE_NOTICE[lang].back}</a>
  </p>
);

const EXAMPLE_NOTICE: Record<Lang, { readonly text: string; readonly back: string }> = {
  fr: {
    text: "Ceci est un exemple des règles publiées : il n'est pas enregistré, vos propres réponses restent gardées dans ce navigateur.",
    back: "Revenir à mes réponses",
  },
  en: {
    text: "This is an example from the published rules: it is not saved, your own answers stay kept in this browser.",
    back: "Back to my answers",
  },
};
