import "../../shell/eligibility.css";
import "../../simulator/scheme-card.css";
import "./eligibility-report.css";
import { formatMoney, type Participant, type SchemeResult } from "@envol/domain";
import { formatDate } from "../../i18n/format-date.ts";
import { formatUnit } from "../../i18n/format-unit.ts";
import { CriterionList } from "../../shell/criterion-list.tsx";
import { VerdictBadge } from "../../shell/verdict-badge.tsx";
import { splitByParticipant } from "../../simulator/participant-schemes.ts";
import { questionFor } from "../../simulator/questions.ts";
import { useQuestionLabel } from "../../simulator/use-question-label.ts";
import type { ApplicationDetail } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

/**
 * The eligibility of the submitted situation under today's rules and figures, scheme by
 * scheme: the verdict, the amount with its lines, each condition with its reason and hint (the
 * API's words), what is missing. The conditions met are folded away. Only the schemes of the
 * application's participant are shown (ADR 016): the other participant's, unmet on whom they
 * fund whatever the answers, are named in one line, as in the simulator.
 */
export const EligibilityReport = ({
  eligibility,
  participant,
  headingId,
}: {
  readonly eligibility: ApplicationDetail["eligibility"];
  readonly participant: Participant;
  readonly headingId: string;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const report = eligibility.report;
  const { own, others } = splitByParticipant(report?.schemes ?? [], participant, undefined);
  return (
    <section aria-labelledby={headingId} className="staff-application__section">
      <h2 id={headingId}>{t("eligibility.title")}</h2>
      <p className="staff-application__note">
        {t("eligibility.asOf", { date: formatDate(eligibility.asOf, lang) })}
        {report &&
          ` ${t("eligibility.days", { days: formatUnit(report.fundedDays, "day", lang) })}`}
        {report?.distanceKm != null &&
          ` ${t("eligibility.distance", { distance: formatUnit(report.distanceKm, "kilometer", lang) })}`}
      </p>
      {report === null ? (
        <div className="notice notice--warning">
          <p>{t("eligibility.unavailable")}</p>
          {eligibility.unavailable && <p>{eligibility.unavailable}</p>}
        </div>
      ) : (
        <div className="staff-eligibility">
          {own.map((scheme) => (
            <SchemeEligibility key={scheme.scheme} scheme={scheme} />
          ))}
          {others.length > 0 && (
            <p className="staff-application__note">
              {t(
                participant === "personnel"
                  ? "eligibility.otherStudent"
                  : "eligibility.otherPersonnel",
                {
                  names: new Intl.ListFormat(lang, { type: "conjunction" }).format(
                    others.map((s) => s.name),
                  ),
                },
              )}
            </p>
          )}
        </div>
      )}
    </section>
  );
};

const SchemeEligibility = ({ scheme }: { readonly scheme: SchemeResult }) => {
  const { t } = useStaffTranslation();
  const label = useQuestionLabel();
  const { lang } = useNames();
  const open = scheme.criteria.filter((c) => c.status !== "met");
  const met = scheme.criteria.filter((c) => c.status === "met");
  const id = `eligibility-${scheme.scheme}`;
  return (
    <article className={`scheme scheme--${scheme.verdict}`} aria-labelledby={id}>
      <header className="scheme__header">
        <h3 id={id} className="scheme__name">
          {scheme.name}
        </h3>
        <VerdictBadge verdict={scheme.verdict} label={t(`eligibility.verdict.${scheme.verdict}`)} />
      </header>
      {scheme.estimate && scheme.verdict !== "ineligible" && (
        <>
          <p className="amount">
            <span className="amount__label">{t("eligibility.amount")}</span>
            <span className="amount__value">{formatMoney(scheme.estimate.totalCents, lang)}</span>
            <span className={`confidence confidence--${scheme.estimate.confidence}`}>
              {t(`eligibility.confidence.${scheme.estimate.confidence}`)}
            </span>
          </p>
          <ul className="lines">
            {scheme.estimate.lines.map((line) => (
              <li key={line.id} className="line">
                <span>{line.label}</span>
                <span className="line__amount">{formatMoney(line.amountCents, lang)}</span>
                <span className="line__basis">{line.basis}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {scheme.missing.length > 0 && (
        <div className="staff-eligibility__missing">
          <p>{t("eligibility.missing")}</p>
          <ul>
            {scheme.missing.map((path) => {
              // the simulator's question for each missing answer, as the student saw it
              const question = questionFor(path, "partner");
              return <li key={path}>{question ? label(question) : path}</li>;
            })}
          </ul>
        </div>
      )}
      {open.length > 0 && <Criteria criteria={open} />}
      {met.length > 0 && (
        <details className="disclosure">
          <summary>{t("eligibility.met", { count: met.length })}</summary>
          <Criteria criteria={met} />
        </details>
      )}
    </article>
  );
};

const Criteria = ({ criteria }: { readonly criteria: SchemeResult["criteria"] }) => {
  const { t } = useStaffTranslation();
  return (
    <CriterionList
      criteria={criteria}
      statusLabel={(status) => t(`eligibility.status.${status}`)}
    />
  );
};
