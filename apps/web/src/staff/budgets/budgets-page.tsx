import "./budgets-page.css";
import { formatMoney } from "@envol/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { useDocumentTitle } from "../../shell/use-document-title.ts";
import { AcademicYearChoice, useAcademicYear } from "../academic-year-choice.tsx";
import { budgetRows, budgetTotals, chartData } from "../budget-rows.ts";
import { LoadProblem } from "../load-problem.tsx";
import { budgetsCsvHref, budgetsQueryOptions } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { BudgetChart } from "./budget-chart.tsx";
import { EnvelopeDialog } from "./envelope-dialog.tsx";

const budgetsRoute = getRouteApi("/staff/budgets");

/**
 * The envelopes of one academic year (in the address, `?academicYear=2026-2027`; the current
 * one by default): a chart of what is committed, paid and left per scheme, the same numbers in
 * a table beside it, and each envelope to set or change (and the waiting list to promote).
 */
export const BudgetsPage = () => {
  const { t } = useStaffTranslation();
  useDocumentTitle(t("budgets.title"));
  const asked = budgetsRoute.useSearch({ select: (search) => search.academicYear });
  const navigate = useNavigate({ from: "/staff/budgets" });
  const academicYear = useAcademicYear(asked);
  const { year } = academicYear;
  const api = useEnvolClient();
  const names = useNames();
  const budgets = useQuery({
    ...budgetsQueryOptions(api, year),
    placeholderData: keepPreviousData,
  });
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const tableCaptionId = useId();
  const chartTitleId = useId();

  const rows = budgetRows(
    names.schemes.map((s) => ({ id: s.id, name: s.name })),
    budgets.data ?? [],
  );
  const totals = budgetTotals(budgets.data ?? []);
  const lang = names.lang;

  return (
    <section className="staff-page" aria-labelledby={headingId}>
      <div className="staff-page__header">
        <h1 id={headingId}>{t("budgets.title")}</h1>
        <a className="button" href={budgetsCsvHref(year)} download>
          {t("budgets.export")}
        </a>
      </div>
      <AcademicYearChoice
        asked={asked}
        {...academicYear}
        onChoose={(chosen) => {
          setDone(null);
          void navigate({ search: chosen === undefined ? {} : { academicYear: chosen } });
        }}
      />

      <p role="status" className="staff-budgets__status">
        {done}
      </p>

      {budgets.isError && !budgets.data ? (
        <LoadProblem error={budgets.error} onRetry={() => void budgets.refetch()} />
      ) : budgets.isPending ? (
        <p role="status">{t("budgets.loading")}</p>
      ) : (
        <div className="staff-budgets">
          <figure className="staff-panel staff-budgets__chart" aria-labelledby={chartTitleId}>
            <figcaption id={chartTitleId} className="staff-budgets__caption">
              {t("budgets.chartTitle", { year })}
            </figcaption>
            {budgets.data.length === 0 ? (
              <p>{t("budgets.none", { year })}</p>
            ) : (
              <BudgetChart data={chartData(rows)} lang={lang} label={t("budgets.chartLabel")} />
            )}
            <p className="staff-budgets__chart-note">{t("budgets.chartNote")}</p>
          </figure>

          <div className="staff-table-scroll">
            <table className="staff-data-table staff-data-table--cards">
              <caption id={tableCaptionId}>{t("budgets.tableTitle", { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("budgets.columns.scheme")}</th>
                  <th scope="col" className="staff-numeric">
                    {t("budgets.columns.envelope")}
                  </th>
                  <th scope="col" className="staff-numeric">
                    {t("budgets.columns.committed")}
                  </th>
                  <th scope="col" className="staff-numeric">
                    {t("budgets.columns.paid")}
                  </th>
                  <th scope="col" className="staff-numeric">
                    {t("budgets.columns.remaining")}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t("budgets.columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.scheme}>
                    <th scope="row" data-label={t("budgets.columns.scheme")}>
                      {row.name}
                    </th>
                    {row.budget === null ? (
                      <td colSpan={4} data-label={t("budgets.columns.envelope")}>
                        {t("budgets.notSet")}
                      </td>
                    ) : (
                      <>
                        <td className="staff-numeric" data-label={t("budgets.columns.envelope")}>
                          {formatMoney(row.budget.envelopeCents, lang)}
                        </td>
                        <td className="staff-numeric" data-label={t("budgets.columns.committed")}>
                          {formatMoney(row.budget.committedCents, lang)}
                        </td>
                        <td className="staff-numeric" data-label={t("budgets.columns.paid")}>
                          {formatMoney(row.budget.paidCents, lang)}
                        </td>
                        <td className="staff-numeric" data-label={t("budgets.columns.remaining")}>
                          {formatMoney(row.budget.remainingCents, lang)}
                        </td>
                      </>
                    )}
                    <td className="staff-data-table__actions">
                      <EnvelopeDialog
                        scheme={row.scheme}
                        schemeName={row.name}
                        academicYear={year}
                        budget={row.budget}
                        onDone={setDone}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
              {budgets.data.length > 0 && (
                <tfoot>
                  <tr>
                    <th scope="row" data-label={t("budgets.columns.scheme")}>
                      {t("budgets.total")}
                    </th>
                    <td className="staff-numeric" data-label={t("budgets.columns.envelope")}>
                      {formatMoney(totals.envelopeCents, lang)}
                    </td>
                    <td className="staff-numeric" data-label={t("budgets.columns.committed")}>
                      {formatMoney(totals.committedCents, lang)}
                    </td>
                    <td className="staff-numeric" data-label={t("budgets.columns.paid")}>
                      {formatMoney(totals.paidCents, lang)}
                    </td>
                    <td className="staff-numeric" data-label={t("budgets.columns.remaining")}>
                      {formatMoney(totals.remainingCents, lang)}
                    </td>
                    <td />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        </div>
      )}
    </section>
  );
};
