import "./planner-page.css";
import { isAcademicYear } from "@envol/domain";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useId, useMemo } from "react";
import { useDocumentTitle } from "../../shell/use-document-title.ts";
import { academicYearChoices, currentAcademicYear, todayIso } from "../academic-years.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { RankingPanel } from "./ranking-panel.tsx";
import { WhatIfPanel } from "./what-if-panel.tsx";

const plannerRoute = getRouteApi("/staff/planner");

/**
 * The planner (issue #15, ADRs 019 and 020), `/staff/planner?scheme=idf&academicYear=2026-2027`:
 * for one scheme's call of a year, the ranked allocation (rules in order, proposed, moved by
 * hand, applied) and the what-if (other options or envelope, run over the year's requests,
 * scenarios side by side, one saved as the options from a date).
 */
export const PlannerPage = () => {
  const { t } = useStaffTranslation();
  useDocumentTitle(t("planner.title"));
  const search = plannerRoute.useSearch();
  const navigate = useNavigate({ from: "/staff/planner" });
  const current = useMemo(() => currentAcademicYear(todayIso()), []);
  const year =
    search.academicYear !== undefined && isAcademicYear(search.academicYear)
      ? search.academicYear
      : current;
  const years = academicYearChoices(current, year);
  const names = useNames();
  const known = names.schemes.some((s) => s.id === search.scheme);
  const scheme = known ? search.scheme : undefined;
  const headingId = useId();
  const schemeId = useId();
  const yearId = useId();

  const go = (next: { scheme?: string | undefined; academicYear?: string }) => {
    const s = next.scheme ?? scheme;
    const y = next.academicYear ?? year;
    void navigate({
      search: { ...(s ? { scheme: s } : {}), ...(y === current ? {} : { academicYear: y }) },
    });
  };

  return (
    <section className="staff-page staff-planner" aria-labelledby={headingId}>
      <div className="staff-page__header">
        <h1 id={headingId}>{t("planner.title")}</h1>
      </div>
      <p className="staff-planner__intro">{t("planner.intro")}</p>
      <div className="staff-planner__choice">
        <div className="field">
          <label className="field__label" htmlFor={schemeId}>
            {t("planner.scheme")}
          </label>
          <select
            id={schemeId}
            className="field__input"
            value={scheme ?? ""}
            onChange={(e) => go({ scheme: e.currentTarget.value || undefined })}
          >
            <option value="">{t("planner.chooseScheme")}</option>
            {names.schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={yearId}>
            {t("calls.year")}
          </label>
          <select
            id={yearId}
            className="field__input"
            value={year}
            onChange={(e) => go({ academicYear: e.currentTarget.value })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y === current ? t("calls.currentYear", { year: y }) : y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {search.scheme !== undefined && !known && names.schemes.length > 0 && (
        <div className="notice notice--warning">
          <p>{t("planner.unknownScheme", { scheme: search.scheme })}</p>
        </div>
      )}
      {scheme === undefined ? (
        <p>{t("planner.pickFirst")}</p>
      ) : (
        <>
          <RankingPanel
            key={`r-${scheme}-${year}`}
            scheme={scheme}
            schemeName={names.scheme(scheme)}
            academicYear={year}
          />
          <WhatIfPanel
            key={`w-${scheme}-${year}`}
            scheme={scheme}
            schemeName={names.scheme(scheme)}
            academicYear={year}
          />
        </>
      )}
    </section>
  );
};
