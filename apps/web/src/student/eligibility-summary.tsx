import "../shell/criterion-list.css";
import "../shell/eligibility.css";
import "./eligibility-summary.css";
import { formatMoney, type Lang, type SchemeResult } from "@envol/domain";
import { useTranslation } from "react-i18next";
import { formatDate } from "../i18n/format-date.ts";
import { VerdictBadge } from "../shell/verdict-badge.tsx";
import type { ApplicationDetail } from "./student-api.ts";
import { useStudentTranslation } from "./student-texts.ts";

/**
 * The application's situation evaluated today (the API does it with the rules and figures in
 * force): for each requested grant its verdict, its estimate and how sure it is, and the
 * conditions not met or not known, with what would change them. A grant the office approved
 * shows its approved amount in place of the estimate, and the total "up to" is left out once one
 * is approved: it would sit beside a different amount approved.
 */
export const EligibilitySummary = ({
  application,
}: {
  readonly application: ApplicationDetail;
}) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const report = application.eligibility;
  // a grant the office approved is paid its approved amount, not today's estimate
  const approved = new Map(
    application.requests.flatMap((r) =>
      r.approvedCents === null ? [] : [[r.scheme, r.approvedCents] as const],
    ),
  );
  return (
    <section className="panel" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t("eligibility.title")}</h2>
      {report === null ? (
        <p className="notice notice--warning">{t("eligibility.unavailable")}</p>
      ) : (
        <>
          <p className="eligibility__as-of">
            {t("eligibility.asOf", { date: formatDate(application.eligibilityAsOf, lang) })}
          </p>
          {report.plan.items.length > 0 && approved.size === 0 && (
            <p className="eligibility__total">
              {t("eligibility.total", { total: formatMoney(report.plan.totalCents, lang) })}
            </p>
          )}
          <ul className="eligibility">
            {report.schemes.map((scheme) => (
              <li key={scheme.scheme}>
                <SchemeVerdict scheme={scheme} approvedCents={approved.get(scheme.scheme)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

const SchemeVerdict = ({
  scheme,
  approvedCents,
}: {
  readonly scheme: SchemeResult;
  readonly approvedCents: number | undefined;
}) => {
  const { t, i18n } = useStudentTranslation();
  const { t: tApp } = useTranslation();
  const lang = i18n.language as Lang;
  const open = scheme.criteria.filter((c) => c.status !== "met");
  return (
    <div className={`verdict verdict--${scheme.verdict}`}>
      <p className="verdict__head">
        <strong className="verdict__name">{scheme.name}</strong>
        <VerdictBadge verdict={scheme.verdict} label={tApp(`results.verdict.${scheme.verdict}`)} />
      </p>
      {approvedCents !== undefined ? (
        <p className="verdict__amount">
          {t("common.approved")} {formatMoney(approvedCents, lang)}
        </p>
      ) : (
        scheme.estimate &&
        scheme.verdict !== "ineligible" && (
          <p className="verdict__amount">
            {formatMoney(scheme.estimate.totalCents, lang)}{" "}
            <span className={`confidence confidence--${scheme.estimate.confidence}`}>
              {tApp(`results.confidence.${scheme.estimate.confidence}`)}
            </span>
          </p>
        )
      )}
      {open.length > 0 && (
        <>
          <p className="verdict__open">{t("eligibility.open")}</p>
          <ul className="criteria">
            {open.map((c) => (
              <li key={c.id} className={`criterion criterion--${c.status}`}>
                <span className="criterion__status">
                  <span aria-hidden="true">{c.status === "unmet" ? "✗ " : "? "}</span>
                  {tApp(`results.criteria.status.${c.status}`)}
                </span>
                <span className="criterion__reason">{c.reason}</span>
                {c.hint && <span className="criterion__hint">{c.hint}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};
