import "./academic-year-choice.css";
import { isAcademicYear } from "@envol/domain";
import { useId, useMemo } from "react";
import { academicYearChoices, currentAcademicYear, todayIso } from "./academic-years.ts";
import { useStaffTranslation } from "./texts/staff-texts.ts";

/**
 * The academic year a back-office page shows, from its address's `academicYear` (the current
 * one when absent or not a year), with the years to offer.
 */
export const useAcademicYear = (asked: string | undefined) => {
  const current = useMemo(() => currentAcademicYear(todayIso()), []);
  const year = asked !== undefined && isAcademicYear(asked) ? asked : current;
  return { current, year, years: academicYearChoices(current, year) };
};

/**
 * The choice of the academic year on a back-office page (budgets, calls, the planner), and a
 * warning when the address asked for something that is not a year. `onChoose` receives the
 * year chosen, or `undefined` for the current one (a plain address).
 */
export const AcademicYearChoice = ({
  asked,
  year,
  current,
  years,
  onChoose,
}: ReturnType<typeof useAcademicYear> & {
  readonly asked: string | undefined;
  readonly onChoose: (year: string | undefined) => void;
}) => {
  const { t } = useStaffTranslation();
  const id = useId();
  return (
    <>
      <div className="field academic-year-choice">
        <label className="field__label" htmlFor={id}>
          {t("academicYear.label")}
        </label>
        <select
          id={id}
          className="field__input"
          value={year}
          onChange={(e) => {
            const chosen = e.currentTarget.value;
            onChoose(chosen === current ? undefined : chosen);
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y === current ? t("academicYear.current", { year: y }) : y}
            </option>
          ))}
        </select>
      </div>
      {asked !== undefined && asked !== year && (
        <div className="notice notice--warning">
          <p>{t("academicYear.bad", { asked, year })}</p>
        </div>
      )}
    </>
  );
};
