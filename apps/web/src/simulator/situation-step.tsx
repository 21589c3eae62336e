import type { Lang } from "@envol/domain";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { COST_OPTIONS, ECHELON_OPTIONS, LEVEL_OPTIONS, MODE_OPTIONS } from "./answer-options.ts";
import { AnswerQuestion, ChoiceQuestion, FieldGroup } from "./form-fields.tsx";
import { NumberQuestion } from "./number-question.tsx";
import { regionOptions } from "./region-options.ts";
import { SearchQuestion } from "./search-question.tsx";
import type { SituationForm } from "./situation-form.ts";
import { type FocusRequest, useFocusRequest } from "./use-focus-request.ts";

/** Step 2: the student's situation. Every answer is optional; each one sharpens the results. */
export const SituationStep = ({ focus, onFocused }: FocusRequest) => {
  useFocusRequest(focus, onFocused);
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const unknown = t("simulator.answer.unknown");
  const boursier = useWatch<SituationForm, "student.crous.boursier">({
    name: "student.crous.boursier",
  });
  const regions = regionOptions(lang);
  return (
    <>
      <section className="form-section" aria-labelledby="section-studies">
        <h3 id="section-studies">{t("simulator.sections.studies")}</h3>
        <ChoiceQuestion
          name="student.programme.level"
          question="level"
          options={LEVEL_OPTIONS.map((id) => ({ id, label: t(`fields.level.options.${id}`) }))}
          unknown={unknown}
        />
        <NumberQuestion name="student.programme.year" question="year" minValue={1} maxValue={8} />
        <ChoiceQuestion
          name="student.programme.mode"
          question="mode"
          options={MODE_OPTIONS.map((id) => ({ id, label: t(`fields.mode.options.${id}`) }))}
          unknown={unknown}
        />
        <AnswerQuestion name="student.programme.gapYear" question="gapYear" />
      </section>
      <section className="form-section" aria-labelledby="section-resources">
        <h3 id="section-resources">{t("simulator.sections.resources")}</h3>
        <AnswerQuestion name="student.crous.boursier" question="boursier" />
        {boursier !== "no" && (
          <ChoiceQuestion
            name="student.crous.echelon"
            question="echelon"
            options={ECHELON_OPTIONS.map((echelon) => ({
              id: echelon,
              label: t("fields.echelon.option", { echelon }),
            }))}
            unknown={unknown}
          />
        )}
        <NumberQuestion
          name="student.household.quotientFamilial"
          question="qf"
          minValue={0}
          fractionDigits={2}
        />
        <AnswerQuestion name="student.household.nonTaxable" question="nonTaxable" />
        <SearchQuestion
          key={lang}
          name="student.residenceRegion"
          question="region"
          options={regions}
          empty={t("fields.region.empty")}
        />
      </section>
      <section className="form-section" aria-labelledby="section-opportunities">
        <h3 id="section-opportunities">{t("simulator.sections.opportunities")}</h3>
        <AnswerQuestion name="student.fewerOpportunities.disability" question="disability" />
        <AnswerQuestion name="student.fewerOpportunities.qpv" question="qpv" />
        <AnswerQuestion name="student.fewerOpportunities.zrr" question="zrr" />
      </section>
      <section className="form-section" aria-labelledby="section-history">
        <h3 id="section-history">{t("simulator.sections.history")}</h3>
        <NumberQuestion
          name="student.history.erasmusDaysInCycle"
          question="erasmusDays"
          minValue={0}
        />
        <NumberQuestion
          name="student.history.amiMonthsTotal"
          question="amiMonths"
          minValue={0}
          fractionDigits={1}
        />
      </section>
      <section className="form-section" aria-labelledby="section-travel">
        <h3 id="section-travel">{t("simulator.sections.travel")}</h3>
        <AnswerQuestion name="mobility.greenTravel" question="greenTravel" />
        <FieldGroup label={t("fields.costs.label")} description={t("fields.costs.description")}>
          {COST_OPTIONS.map((cost) => (
            <NumberQuestion
              key={cost}
              name={`mobility.costs.${cost}`}
              question={cost}
              minValue={0}
              fractionDigits={2}
            />
          ))}
        </FieldGroup>
      </section>
    </>
  );
};
