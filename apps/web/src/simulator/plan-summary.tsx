import "./plan-summary.css";
import "../shell/eligibility.css";
import { formatMoney, type Lang, type SimulationReport } from "@envol/domain";
import { useTranslation } from "react-i18next";

/** The best combination of grants and its total (the report's `plan`), with what it leaves out and why. */
export const PlanSummary = ({ report }: { readonly report: SimulationReport }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { plan } = report;
  const byId = new Map(report.schemes.map((s) => [s.scheme, s]));
  const assumed = plan.items.some(
    (item) => byId.get(item.scheme)?.estimate?.confidence === "assumed",
  );
  return (
    <section className="plan" aria-labelledby="plan-title">
      <h3 id="plan-title" className="plan__title">
        {t("results.plan.title")}
      </h3>
      {plan.items.length === 0 ? (
        <p>{t("results.plan.none")}</p>
      ) : (
        <>
          <p className="plan__total">
            {t("results.plan.total", { total: formatMoney(plan.totalCents, lang) })}
          </p>
          <ul className="plan__items">
            {plan.items.map((item) => (
              <li key={item.scheme} className="plan__item">
                <span className="plan__name">{byId.get(item.scheme)?.name ?? item.scheme}</span>
                <span className="plan__amount">{formatMoney(item.amountCents, lang)}</span>
                {item.note && <span className="plan__note">{item.note}</span>}
              </li>
            ))}
          </ul>
          {assumed && (
            <p className="confidence confidence--assumed">{t("results.plan.estimate")}</p>
          )}
        </>
      )}
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
