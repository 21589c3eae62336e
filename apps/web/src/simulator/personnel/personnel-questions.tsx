import type { ReactNode } from "react";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { loadForCurrentLanguage } from "../../auth/area-texts.ts";
import { PERSONNEL_ACTIVITY_OPTIONS, PERSONNEL_ROLE_OPTIONS } from "../answer-options.ts";
import { AnswerQuestion, ChoiceQuestion } from "../form-fields.tsx";
import { NumberQuestion } from "../number-question.tsx";
import type { SituationForm } from "../situation-form.ts";
import { type FocusRequest, useFocusRequest } from "../use-focus-request.ts";
import { loadPersonnelTexts, usePersonnelTranslation } from "./personnel-texts.ts";

// their texts in the current language before their first render (French comes with the chunk)
await loadForCurrentLanguage(loadPersonnelTexts);

/**
 * A member of the personnel's questions (rulebook §10, ADR 016), in place of a student's: in
 * step 1 the activity (teaching or training) rather than the kind and framework of a student's
 * stay (after the destination and the dates, with hints of their own); in step 2 their position,
 * the hours they teach and the way they travel. They come in their own chunk with their texts,
 * loaded only when "member of staff" is chosen.
 */
export const PersonnelMobility = ({ stay }: { readonly stay: ReactNode }) => (
  <>
    {stay}
    <PersonnelActivity />
  </>
);

const PersonnelActivity = () => {
  const { t } = usePersonnelTranslation();
  const { t: tApp } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="section-activity">
      <h3 id="section-activity">{t("sections.activity")}</h3>
      <ChoiceQuestion
        name="personnel.activity"
        question="activity"
        ns="personnel"
        options={PERSONNEL_ACTIVITY_OPTIONS.map((id) => ({
          id,
          label: t(`fields.activity.options.${id}`),
        }))}
        unknown={tApp("simulator.answer.unknown")}
      />
    </section>
  );
};

/** Step 2 for a member of the personnel. Every answer is optional; each one sharpens the results. */
export const PersonnelStep = ({ focus, onFocused }: FocusRequest) => {
  useFocusRequest(focus, onFocused);
  const { t } = usePersonnelTranslation();
  const { t: tApp } = useTranslation();
  const activity = useWatch<SituationForm, "personnel.activity">({ name: "personnel.activity" });
  return (
    <>
      <section className="form-section" aria-labelledby="section-role">
        <h3 id="section-role">{t("sections.role")}</h3>
        <ChoiceQuestion
          name="personnel.role"
          question="role"
          ns="personnel"
          options={PERSONNEL_ROLE_OPTIONS.map((id) => ({
            id,
            label: t(`fields.role.options.${id}`),
          }))}
          unknown={tApp("simulator.answer.unknown")}
        />
        {/* the hours taught are a teaching stay's: not asked for a training one */}
        {activity === "teaching" && (
          <NumberQuestion
            name="personnel.teachingHours"
            question="teachingHours"
            ns="personnel"
            // no minValue nor maxValue: NumberField would erase "-3" and clamp "500" to 480;
            // the schema refuses them (0 to MAX_TEACHING_HOURS) and the sentence says the range
            fractionDigits={1}
            invalidMessage={t("fields.teachingHours.error")}
          />
        )}
      </section>
      <section className="form-section" aria-labelledby="section-personnel-travel">
        <h3 id="section-personnel-travel">{t("sections.travel")}</h3>
        <AnswerQuestion name="mobility.greenTravel" question="greenTravel" />
      </section>
    </>
  );
};
