import "./calls-page.css";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useId, useMemo, useState } from "react";
import { callWindow } from "../../api/call-window.ts";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { formatDate } from "../../i18n/format-date.ts";
import { useDocumentTitle } from "../../shell/use-document-title.ts";
import { AcademicYearChoice, useAcademicYear } from "../academic-year-choice.tsx";
import { todayIso } from "../academic-years.ts";
import { LoadProblem } from "../load-problem.tsx";
import { callsQueryOptions } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { CallDialog, type CallSaved } from "./call-dialog.tsx";

const callsRoute = getRouteApi("/staff/calls");

/**
 * The calls for applications of one academic year (in the address, `?academicYear=2026-2027`;
 * the current one by default), ADR 018: every scheme with its call, if the office opened one
 * (window, deadlines, reminder, open or not today), and a dialog to open or change it.
 */
export const CallsPage = () => {
  const { t } = useStaffTranslation();
  useDocumentTitle(t("calls.title"));
  const asked = callsRoute.useSearch({ select: (search) => search.academicYear });
  const navigate = useNavigate({ from: "/staff/calls" });
  const today = useMemo(() => todayIso(), []);
  const academicYear = useAcademicYear(asked);
  const { year } = academicYear;
  const api = useEnvolClient();
  const names = useNames();
  const lang = names.lang;
  const calls = useQuery({
    ...callsQueryOptions(api, year, lang),
    placeholderData: keepPreviousData,
  });
  const [done, setDone] = useState<CallSaved | null>(null);
  const headingId = useId();
  const introId = useId();

  const byScheme = new Map((calls.data ?? []).map((c) => [c.scheme, c]));
  const date = (iso: string | null) =>
    iso === null ? t("calls.noDeadline") : formatDate(iso, lang);

  return (
    <section className="staff-page" aria-labelledby={headingId} aria-describedby={introId}>
      <div className="staff-page__header">
        <h1 id={headingId}>{t("calls.title")}</h1>
      </div>
      <p id={introId} className="staff-calls__intro">
        {t("calls.intro")}
      </p>
      <AcademicYearChoice
        asked={asked}
        {...academicYear}
        onChoose={(chosen) => {
          setDone(null);
          void navigate({ search: chosen === undefined ? {} : { academicYear: chosen } });
        }}
      />

      <p role="status" className="staff-calls__status">
        {done &&
          t(done.opened ? "callForm.opened" : "callForm.changed", {
            scheme: names.scheme(done.scheme),
            year,
            opens: formatDate(done.opensOn, lang),
            closes: formatDate(done.closesOn, lang),
          })}
      </p>

      {calls.isError && !calls.data ? (
        <LoadProblem error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.isPending ? (
        <p role="status">{t("calls.loading")}</p>
      ) : (
        <div className="staff-table-scroll">
          <table className="staff-data-table staff-data-table--cards staff-calls__table">
            <caption>{t("calls.tableTitle", { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("calls.columns.scheme")}</th>
                <th scope="col">{t("calls.columns.window")}</th>
                <th scope="col">{t("calls.columns.documents")}</th>
                <th scope="col">{t("calls.columns.reports")}</th>
                <th scope="col">{t("calls.columns.reminder")}</th>
                <th scope="col">{t("calls.columns.state")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("calls.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {names.schemes.map((scheme) => {
                const call = byScheme.get(scheme.id);
                const state = call === undefined ? "none" : callWindow(call, today);
                return (
                  <tr key={scheme.id}>
                    <th scope="row" data-label={t("calls.columns.scheme")}>
                      {scheme.name}
                    </th>
                    {call === undefined ? (
                      <td colSpan={4} data-label={t("calls.columns.window")}>
                        {t("calls.none")}
                      </td>
                    ) : (
                      <>
                        <td data-label={t("calls.columns.window")}>
                          {t("calls.window", {
                            opens: date(call.opensOn),
                            closes: date(call.closesOn),
                          })}
                        </td>
                        <td data-label={t("calls.columns.documents")}>
                          {date(call.documentsDueOn)}
                        </td>
                        <td data-label={t("calls.columns.reports")}>{date(call.reportsDueOn)}</td>
                        <td data-label={t("calls.columns.reminder")}>
                          {t("calls.reminder", { count: call.reminderDaysBefore })}
                        </td>
                      </>
                    )}
                    <td data-label={t("calls.columns.state")}>
                      <span className={`staff-call-state staff-call-state--${state}`}>
                        {t(`calls.states.${state}`)}
                      </span>
                    </td>
                    <td className="staff-data-table__actions">
                      <div className="staff-calls__actions">
                        <Link
                          to="/staff/planner"
                          search={{ scheme: scheme.id, academicYear: year }}
                          className="button staff-button--small"
                        >
                          {t("calls.plan")}
                          <span className="visually-hidden"> — {scheme.name}</span>
                        </Link>{" "}
                        <CallDialog
                          scheme={scheme.id}
                          schemeName={scheme.name}
                          academicYear={year}
                          call={call}
                          onDone={setDone}
                        />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
