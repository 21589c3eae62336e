import "./rules-pages.css";
import "../shell/eligibility.css";
import { formatLongDate, formatMoney, type Lang } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { lazy, Suspense, useDeferredValue, useState } from "react";
import { ApiProblem } from "../api/api-problem.ts";
import { schemesQuery } from "../api/schemes.ts";
import { formatUnit } from "../i18n/format-unit.ts";
import { CriterionList } from "../shell/criterion-list.tsx";
import { VerdictBadge } from "../shell/verdict-badge.tsx";
import { encodeSituation } from "../simulator/situation-link.ts";
import { type SchemeRulesJson, schemeRulesQuery } from "./rules-api.ts";
import { RulesLink } from "./rules-link.tsx";
import { RulesLoadError, RulesPending } from "./rules-states.tsx";
import { useRulesTranslation } from "./rules-texts.ts";
import { isSchemeId } from "./scheme-id.ts";
import { SourceText } from "./source-text.tsx";
import { usePageTitle } from "./use-page-title.ts";
import { usePathLanguage } from "./use-path-language.ts";

// the answers' list (the student area's, with the partner catalogue and the domain's country
// and region names) is loaded when a reader opens it: the page paints without it
const SituationDetails = lazy(() =>
  import("../student/situation-details.tsx").then((m) => ({ default: m.SituationDetails })),
);

type Period = SchemeRulesJson["periods"][number];
type Example = SchemeRulesJson["examples"][number];
type RulesT = ReturnType<typeof useRulesTranslation>["t"];

/**
 * `/regles/<scheme>`, `/rules/<scheme>`: one scheme's published rules, in the language of the
 * address — its summary and funder, its conditions in words, the figures in force today with
 * their date, source and confidence, those of the other periods, and its worked examples as
 * the server's engine computes them today (verdict, amount, lines with their basis).
 */
export const SchemeRulesPage = ({
  lang,
  scheme,
}: {
  readonly lang: Lang;
  readonly scheme: string;
}) => {
  usePathLanguage(lang, scheme);
  const { t } = useRulesTranslation(lang);
  const rules = useQuery(schemeRulesQuery(scheme, lang));
  // the long page is drawn in the background, in slices, once its rules arrive: drawn in one
  // task, it would keep the reader's first taps waiting
  const data = useDeferredValue(rules.data);
  // an id that cannot be a scheme's is not asked of the API: no such grant, as the API's 404
  const missing =
    !isSchemeId(scheme) || (rules.error instanceof ApiProblem && rules.error.status === 404);
  usePageTitle(rules.data?.name ?? t(missing ? "notFoundTitle" : "index.title"));
  // the top, drawn before the rules arrive, is the static first paint's (static-shell.ts)
  const top = (
    <>
      <p className="rules__back">
        <RulesLink lang={lang}>{t("back")}</RulesLink>
      </p>
      <p className="rules__about">{t("about")}</p>
    </>
  );
  if (missing || rules.isError) {
    return (
      <div className="rules" lang={lang}>
        {top}
        {missing ? (
          <h1>{t("notFound")}</h1>
        ) : (
          <RulesLoadError lang={lang} error={rules.error} onRetry={() => void rules.refetch()} />
        )}
      </div>
    );
  }
  if (data === undefined)
    return (
      <div className="rules" lang={lang}>
        {top}
        <RulesPending lang={lang} />
      </div>
    );
  const current = data.periods.find((p) => p.inForce);
  const earlier = data.periods.filter((p) => current && p.since < current.since);
  const later = data.periods.filter((p) => current && p.since > current.since);
  const date = (iso: string) => formatLongDate(iso, lang);
  return (
    <div className="rules" lang={lang}>
      {top}
      <h1>{data.name}</h1>
      <p className="rules__summary">{data.summary}</p>
      <p className="rules__funder">
        {t("funder", { funder: data.funder })}{" "}
        <a href={data.url} rel="noopener noreferrer">
          {t("official")}
        </a>
      </p>
      <ExclusiveWith lang={lang} ids={data.exclusiveWith} t={t} />

      {current && (
        <>
          <section className="rules__section" aria-labelledby="rules-criteria">
            <h2 id="rules-criteria">{t("criteria.title")}</h2>
            <p>{t("criteria.intro", { today: date(data.today) })}</p>
            <CriteriaList criteria={current.criteria} />
          </section>

          <section className="rules__section" aria-labelledby="rules-figures">
            <h2 id="rules-figures">{t("figures.title")}</h2>
            <p>{t("figures.intro", { since: date(current.since), today: date(data.today) })}</p>
            <FiguresTable
              figures={current.figures}
              caption={t("figures.caption", { today: date(data.today) })}
              lang={lang}
              t={t}
            />
            <ConfidenceLegend t={t} />
          </section>
        </>
      )}

      {earlier.length > 0 && (
        <OtherPeriods
          id="rules-earlier"
          title={t("periods.earlier")}
          periods={[...earlier].reverse()}
          lang={lang}
          t={t}
        />
      )}
      {later.length > 0 && (
        <OtherPeriods
          id="rules-later"
          title={t("periods.later")}
          periods={later}
          lang={lang}
          t={t}
        />
      )}

      <section className="rules__section" aria-labelledby="rules-examples">
        <h2 id="rules-examples">{t("examples.title")}</h2>
        {data.examples.length === 0 ? (
          <p>{t("examples.none")}</p>
        ) : (
          <>
            <p>{t("examples.intro")}</p>
            {data.examples.map((example, i) => (
              <WorkedExample
                key={example.title}
                id={`rules-example-${i + 1}`}
                example={example}
                lang={lang}
                t={t}
              />
            ))}
          </>
        )}
      </section>
    </div>
  );
};

/** The schemes it cannot be combined with, by their names (the catalogue's, in `lang`). */
const ExclusiveWith = ({
  lang,
  ids,
  t,
}: {
  readonly lang: Lang;
  readonly ids: readonly string[];
  readonly t: RulesT;
}) => {
  const schemes = useQuery({ ...schemesQuery(lang), enabled: ids.length > 0 });
  if (ids.length === 0) return null;
  const names = ids.map((id) => schemes.data?.find((s) => s.id === id)?.name ?? id);
  return <p>{t("exclusive", { names: names.join(", ") })}</p>;
};

/** The conditions: each one's title, and its rule as a sentence. */
const CriteriaList = ({ criteria }: { readonly criteria: Period["criteria"] }) => (
  <dl className="rules__criteria">
    {criteria.map((c) => (
      <div key={c.id} className="rules__criterion">
        <dt>{c.title ?? c.id}</dt>
        <dd>{c.sentence}</dd>
      </div>
    ))}
  </dl>
);

const FiguresTable = ({
  figures,
  caption,
  lang,
  t,
}: {
  readonly figures: Period["figures"];
  readonly caption: string;
  readonly lang: Lang;
  readonly t: RulesT;
}) => (
  // a data table keeps its columns (WCAG 1.4.10 exempts it from reflow): on a phone it scrolls
  // sideways, inside a named region one can reach and scroll with the keyboard
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable (axe: scrollable-region-focusable)
  <section className="rules__table-wrap" aria-label={caption} tabIndex={0}>
    <table className="rules__figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("figures.name")}</th>
          <th scope="col">{t("figures.value")}</th>
          <th scope="col">{t("figures.sourceDate")}</th>
          <th scope="col">{t("figures.source")}</th>
          <th scope="col">{t("figures.confidence")}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.name}>
            <th scope="row">{f.label}</th>
            <td className="rules__value">{f.display}</td>
            <td>{formatLongDate(f.since, lang)}</td>
            <td className="rules__source">
              <SourceText source={f.source} />
            </td>
            <td>
              <span className={`confidence confidence--${f.confidence}`}>
                {t(`confidence.${f.confidence}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

const ConfidenceLegend = ({ t }: { readonly t: RulesT }) => (
  <>
    <h3 className="rules__legend-title">{t("confidence.title")}</h3>
    <dl className="rules__legend">
      {(["official", "secondary", "assumed"] as const).map((level) => (
        <div key={level} className="rules__legend-row">
          <dt>{t(`confidence.${level}`)}</dt>
          <dd>{t(`confidence.${level}Means`)}</dd>
        </div>
      ))}
    </dl>
  </>
);

/** Periods other than the one in force, each folded: its dates, conditions and figures. */
const OtherPeriods = ({
  id,
  title,
  periods,
  lang,
  t,
}: {
  readonly id: string;
  readonly title: string;
  readonly periods: readonly Period[];
  readonly lang: Lang;
  readonly t: RulesT;
}) => (
  <section className="rules__section" aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    {periods.map((p) => {
      const since = formatLongDate(p.since, lang);
      const range =
        p.until === null
          ? t("periods.from", { since })
          : t("periods.range", { since, until: formatLongDate(p.until, lang) });
      return (
        <details key={p.since} className="disclosure rules__period">
          <summary>{range}</summary>
          <h3 className="rules__period-title">{t("criteria.title")}</h3>
          <CriteriaList criteria={p.criteria} />
          <FiguresTable figures={p.figures} caption={range} lang={lang} t={t} />
        </details>
      );
    })}
  </section>
);

/** One worked example: the stay, the verdict, the amount line by line, and its answers. */
const WorkedExample = ({
  id,
  example,
  lang,
  t,
}: {
  readonly id: string;
  readonly example: Example;
  readonly lang: Lang;
  readonly t: RulesT;
}) => {
  const { result, plan } = example;
  const estimate = result.verdict === "ineligible" ? null : result.estimate;
  const money = (cents: number) => formatMoney(cents, lang);
  const reasons = result.criteria.filter((c) => c.status !== "met");
  return (
    <article className="rules__example" aria-labelledby={id}>
      <h3 id={id}>{example.title}</h3>
      <p>
        {t("examples.stay", {
          start: formatLongDate(example.situation.mobility.start, lang),
          end: formatLongDate(example.situation.mobility.end, lang),
          duration: formatUnit(example.fundedDays, "day", lang),
          year: example.academicYear,
        })}
        {example.distanceKm !== null &&
          ` ${t("examples.distance", { distance: formatUnit(example.distanceKm, "kilometer", lang) })}`}
      </p>
      <p>
        <VerdictBadge verdict={result.verdict} label={t(`verdict.${result.verdict}`)} />
      </p>
      {estimate && (
        <>
          <p className="amount">
            <span className="amount__label">{t("examples.amount")}</span>
            <span className="amount__value">{money(estimate.totalCents)}</span>
          </p>
          <h4 className="rules__subheading">{t("examples.lines")}</h4>
          <ul className="lines">
            {estimate.lines.map((line) => (
              <li key={line.id} className="line">
                <span className="line__label">{line.label}</span>
                <span className="line__amount">{money(line.amountCents)}</span>
                <span className="line__basis">{line.basis}</span>
              </li>
            ))}
          </ul>
          {estimate.notes.length > 0 && (
            <ul className="notes">
              {estimate.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {reasons.length > 0 && (
        <>
          <h4 className="rules__subheading">{t("examples.why")}</h4>
          <CriterionList
            criteria={reasons}
            statusLabel={(status) => t(`status.${status}`)}
            reasonClassName="criterion__reason"
          />
        </>
      )}
      {result.verdict === "eligible" && (
        <p>
          {plan.amountCents === null
            ? t("examples.notInPlan", { total: money(plan.totalCents) })
            : `${t("examples.inPlan", { amount: money(plan.amountCents) })}${plan.note ? ` ${plan.note}` : ""} ${t("examples.planTotal", { total: money(plan.totalCents) })}`}
        </p>
      )}
      <ExampleAnswers situation={example.situation} summary={t("examples.situation")} />
      <p>
        {/* an example: the simulator shows it without keeping it as the student's own answers */}
        <Link to="/" search={{ s: encodeSituation(example.situation), example: true }}>
          {t("examples.simulate")}
        </Link>
      </p>
    </article>
  );
};

/** An example's answers, folded: the list is loaded and drawn once the reader opens it. */
const ExampleAnswers = ({
  situation,
  summary,
}: {
  readonly situation: Example["situation"];
  readonly summary: string;
}) => {
  const [open, setOpen] = useState(false);
  return (
    <details className="disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && (
        <Suspense fallback={null}>
          <SituationDetails situation={situation} headingLevel={4} />
        </Suspense>
      )}
    </details>
  );
};
