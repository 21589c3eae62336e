import "./rules-pages.css";
import type { Lang } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { schemesQuery } from "../api/schemes.ts";
// the participants as the simulator lists them: the domain's module would bring zod to this page
import { PARTICIPANT_OPTIONS } from "../simulator/answer-options.ts";
import { RulesLink } from "./rules-link.tsx";
import { RulesLoadError, RulesPending } from "./rules-states.tsx";
import { useRulesTranslation } from "./rules-texts.ts";
import { usePageTitle } from "./use-page-title.ts";
import { usePathLanguage } from "./use-path-language.ts";

/**
 * `/regles`, `/rules`: the schemes the school offers, each with its funder and summary and a
 * link to its rule page, in the language of the address; the students' schemes, then those for
 * the school's personnel (the catalogue's `participant`, ADR 016), each group under its heading.
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
        PARTICIPANT_OPTIONS.map((participant) => {
          const group = schemes.data.filter((s) => s.participant === participant);
          if (group.length === 0) return null;
          return (
            <section
              key={participant}
              className="rules__group"
              aria-labelledby={`rules-group-${participant}`}
            >
              <h2 id={`rules-group-${participant}`}>{t(`index.groups.${participant}`)}</h2>
              <ul className="rules__schemes" aria-labelledby={`rules-group-${participant}`}>
                {group.map((s) => (
                  <li key={s.id} className="rules__scheme">
                    <h3 className="rules__scheme-name">
                      <RulesLink lang={lang} scheme={s.id}>
                        {s.name}
                      </RulesLink>
                    </h3>
                    <p className="rules__funder">{t("funder", { funder: s.funder })}</p>
                    <p>{s.summary}</p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
};
