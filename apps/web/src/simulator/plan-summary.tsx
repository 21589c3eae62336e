import "./plan-summary.css";
import "../shell/eligibility.css";
import { formatMoney, type Lang, type SimulationReport } from "@envol/domain";
import { useTranslation } from "react-i18next";
import { MissingQuestions } from "./missing-questions.tsx";
import { planView } from "./plan-view.ts";

/**
 * The best combination of grants (the report's `plan`): what these answers already secure and
 * its total, then each scheme the remaining questions could still open, "jusqu'à" the most it
 * could give, with the questions that would settle it, and what the combination could reach;
 * last, what it leaves out and why.
 */
export const PlanSummary = ({
  report,
  onAnswer,
}: {
  readonly report: SimulationReport;
  /** Takes the student to a question; without it (outside the simulator's form), none is offered. */
  readonly onAnswer?: (path: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { plan } = report;
  const view = planView(report);
  const byId = new Map(report.schemes.map((s) => [s.scheme, s]));
  const assumed = [...view.certain, ...view.pending].some(
    (item) => byId.get(item.scheme)?.estimate?.confidence === "assumed",
  );
  const money = (cents: number) => formatMoney(cents, lang);
  return (
    <section className="plan" aria-labelledby="plan-title">
      <h3 id="plan-title" className="plan__title">
        {t("results.plan.title")}
      </h3>
      {view.certain.length > 0 ? (
        <>
          <p className="plan__total">
            {t("results.plan.total", { total: money(plan.totalCents) })}
          </p>
          <ul className="plan__items">
            {view.certain.map((item) => (
              <li key={item.scheme} className="plan__item">
                <span className="plan__name">{item.name}</span>
                <span className="plan__amount">{money(item.amountCents)}</span>
                {item.note && <span className="plan__note">{item.note}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        view.upToCents === null && <p>{t("results.plan.none")}</p>
      )}
      {view.upToCents !== null && (
        <>
          <p className={view.certain.length > 0 ? "plan__more" : "plan__total"}>
            {t("results.plan.upTo", { total: money(view.upToCents) })}
          </p>
          <ul className="plan__items">
            {view.pending.map((item) => (
              <li key={item.scheme} className="plan__item">
                <span className="plan__name">{item.name}</span>
                <span className="plan__amount">
                  {t("results.plan.upToAmount", { amount: money(item.upToCents) })}
                </span>
                {onAnswer && item.missing.length > 0 && (
                  <span className="plan__note">
                    <MissingQuestions paths={item.missing} onAnswer={onAnswer} variant="inline" />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {assumed && <p className="confidence confidence--assumed">{t("results.plan.estimate")}</p>}
      {plan.excluded.length > 0 && (
        <>
          <h4 className="plan__subtitle">{t("results.plan.excluded")}</h4>
          <ul className="plan__excluded">
            {plan.excluded.map((x) => (
              <li key={x.scheme}>
                <span className="plan__name">{byId.get(x.scheme)?.name ?? x.scheme}</span> —{" "}
                {x.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
