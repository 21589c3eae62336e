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
const PersonnelActivity = lazy(() =>
  loadPersonnelQuestions().then((m) => ({ default: m.PersonnelActivity })),
);

/**
 * Step 1: where, when, and what kind of stay (for a member of the personnel, what activity).
 * Only the destination and the dates are required.
 */
export const MobilityStep = ({ focus, onFocused }: FocusRequest) => {
  useFocusRequest(focus, onFocused);
  const { t } = useTranslation();
  const destination = useWatch<SituationForm, "mobility.destination">({
    name: "mobility.destination",
  });
  const participant = useWatch<SituationForm, "participant">({ name: "participant" });
  return (
    <>
      <section className="form-section" aria-labelledby="section-destination">
        <h3 id="section-destination">{t("simulator.sections.destination")}</h3>
        <ChoiceQuestion
          name="mobility.destination"
          question="destination"
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
          <TextQuestion name="mobility.start" question="start" type="date" />
          <TextQuestion name="mobility.end" question="end" type="date" />
        </div>
      </section>
      {participant === "personnel" ? (
        <Suspense fallback={<p className="field__status">{t("app.loading")}</p>}>
          <PersonnelActivity />
        </Suspense>
      ) : (
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
      )}
    </>
  );
};
