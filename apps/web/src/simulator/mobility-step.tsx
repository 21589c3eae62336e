import { lazy, Suspense } from "react";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FRAMEWORK_OPTIONS, MOBILITY_KIND_OPTIONS } from "./answer-options.ts";
import { ChoiceQuestion, TextQuestion } from "./form-fields.tsx";
import type { SituationForm } from "./situation-form.ts";
import { type FocusRequest, useFocusRequest } from "./use-focus-request.ts";

export const loadDestinationQuestions = () => import("./destination-questions.tsx");
const PartnerQuestion = lazy(() =>
  loadDestinationQuestions().then((m) => ({ default: m.PartnerQuestion })),
);
const TypedDestination = lazy(() =>
  loadDestinationQuestions().then((m) => ({ default: m.TypedDestination })),
);
export const loadPersonnelQuestions = () => import("./personnel/personnel-questions.tsx");
const PersonnelMobility = lazy(() =>
  loadPersonnelQuestions().then((m) => ({ default: m.PersonnelMobility })),
);

/**
 * Step 1: where, when, and what kind of stay; for a member of the personnel, the same with their
 * own hints, and what activity (`personnel/personnel-questions.tsx`). Only the destination and
 * the dates are required.
 */
export const MobilityStep = ({ focus, onFocused }: FocusRequest) => {
  useFocusRequest(focus, onFocused);
  const { t } = useTranslation();
  const participant = useWatch<SituationForm, "participant">({ name: "participant" });
  return participant === "personnel" ? (
    <Suspense fallback={<p className="field__status">{t("app.loading")}</p>}>
      {/* rendered once the personnel's chunk has brought their hints */}
      <PersonnelMobility stay={<StayQuestions ns="personnel" />} />
    </Suspense>
  ) : (
    <>
      <StayQuestions />
      <section className="form-section" aria-labelledby="section-kind">
        <h3 id="section-kind">{t("simulator.sections.kind")}</h3>
        <ChoiceQuestion
          name="mobility.kind"
          question="kind"
          options={MOBILITY_KIND_OPTIONS.map((id) => ({ id, label: t(`fields.kind.${id}`) }))}
          unknown={t("simulator.answer.unknown")}
        />
        <ChoiceQuestion
          name="mobility.framework"
          question="framework"
          options={FRAMEWORK_OPTIONS.map((id) => ({
            id,
            label: t(`fields.framework.options.${id}`),
          }))}
          unknown={t("simulator.answer.unknown")}
        />
      </section>
    </>
  );
};

/**
 * The destination and the dates: a student's, or with `ns` a member of the personnel's, whose
 * hints (their own texts) speak of activity days rather than a student's funded months.
 */
export const StayQuestions = ({ ns }: { readonly ns?: "personnel" }) => {
  const { t } = useTranslation();
  const destination = useWatch<SituationForm, "mobility.destination">({
    name: "mobility.destination",
  });
  return (
    <>
      <section className="form-section" aria-labelledby="section-destination">
        <h3 id="section-destination">{t("simulator.sections.destination")}</h3>
        <ChoiceQuestion
          name="mobility.destination"
          question="destination"
          ns={ns}
          options={[
            { id: "partner", label: t("fields.destination.partner") },
            { id: "typed", label: t("fields.destination.typed") },
          ]}
        />
        {destination !== "" && (
          <Suspense fallback={<p className="field__status">{t("app.loading")}</p>}>
            {destination === "partner" ? <PartnerQuestion /> : <TypedDestination />}
          </Suspense>
        )}
      </section>
      <section className="form-section" aria-labelledby="section-dates">
        <h3 id="section-dates">{t("simulator.sections.dates")}</h3>
        <div className="field-row">
          <TextQuestion name="mobility.start" question="start" ns={ns} type="date" />
          <TextQuestion name="mobility.end" question="end" ns={ns} type="date" />
        </div>
      </section>
    </>
  );
};
