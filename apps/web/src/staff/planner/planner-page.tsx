import "./planner-page.css";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useId } from "react";
import { useDocumentTitle } from "../../shell/use-document-title.ts";
import { AcademicYearChoice, useAcademicYear } from "../academic-year-choice.tsx";
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
  const academicYear = useAcademicYear(search.academicYear);
  const { year, current } = academicYear;
  const names = useNames();
  const known = names.schemes.some((s) => s.id === search.scheme);
  const scheme = known ? search.scheme : undefined;
  const headingId = useId();
  const schemeId = useId();

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
        <AcademicYearChoice
          asked={search.academicYear}
          {...academicYear}
          onChoose={(chosen) => go({ academicYear: chosen ?? current })}
        />
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
