import "./rules-pages.css";
import type { Lang } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { schemesQuery } from "../api/schemes.ts";
import { RulesLink } from "./rules-link.tsx";
import { RulesLoadError, RulesPending } from "./rules-states.tsx";
import { useRulesTranslation } from "./rules-texts.ts";
import { usePageTitle } from "./use-page-title.ts";
import { usePathLanguage } from "./use-path-language.ts";

/**
 * `/regles`, `/rules`: the schemes the school offers, each with its funder and summary and a
 * link to its rule page, in the language of the address.
 */
export const RulesIndexPage = ({ lang }: { readonly lang: Lang }) => {
  usePathLanguage(lang);
  const { t } = useRulesTranslation(lang);
  usePageTitle(t("index.title"));
  const schemes = useQuery(schemesQuery(lang));
  return (
    <div className="rules" lang={lang}>
      <h1>{t("index.title")}</h1>
      <p className="rules__lede">{t("index.intro")}</p>
      {schemes.isPending ? (
        <RulesPending lang={lang} />
      ) : schemes.isError ? (
        <RulesLoadError lang={lang} error={schemes.error} onRetry={() => void schemes.refetch()} />
      ) : (
        <ul className="rules__schemes" aria-label={t("index.listLabel")}>
          {schemes.data.map((s) => (
            <li key={s.id} className="rules__scheme">
              <h2 className="rules__scheme-name">
                <RulesLink lang={lang} scheme={s.id}>
                  {s.name}
                </RulesLink>
              </h2>
              <p className="rules__funder">{t("funder", { funder: s.funder })}</p>
              <p>{s.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
