// its stylesheet (simulator-page.css) comes with the entry, boot.ts: the static first screen shows its heading
import type { Situation } from "@envol/domain";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, type Resolver, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../shell/use-document-title.ts";
import { PARTICIPANT_OPTIONS } from "./answer-options.ts";
import { ChoiceQuestion } from "./form-fields.tsx";
import {
  loadDestinationQuestions,
  loadPersonnelQuestions,
  MobilityStep,
} from "./mobility-step.tsx";
import type { Step } from "./questions.ts";
import { saveDraft, startingSituation } from "./situation-draft.ts";
import { fromSituation, type SituationForm, toSituation } from "./situation-form.ts";
import { useDebouncedValue } from "./use-debounced-value.ts";

/*
 * What the first screen does not show is loaded just after it: the validation (zod and the
 * domain's schema), the second step, the results. `scripts/bundle-report.ts` weighs both parts.
 */
const loadValidation = () => import("./situation-validation.ts");
const loadSituationStep = () => import("./situation-step.tsx");
const loadResults = () => import("./results-panel.tsx");
// the questions' catalogue: read to go on to step 2 and to answer a missing question
const loadQuestions = () => import("./questions.ts");
const SituationStep = lazy(() => loadSituationStep().then((m) => ({ default: m.SituationStep })));
const PersonnelStep = lazy(() =>
  loadPersonnelQuestions().then((m) => ({ default: m.PersonnelStep })),
);
const ResultsPanel = lazy(() => loadResults().then((m) => ({ default: m.ResultsPanel })));

const resolver: Resolver<SituationForm> = async (values, context, options) =>
  (await loadValidation()).situationResolver(values, context, options);

type Validation = Awaited<ReturnType<typeof loadValidation>>;

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/**
 * The public simulator: who goes (a student or a member of the school's personnel, ADR 016), two
 * short steps (the stay, then the student's or the personnel member's situation) and the
 * results beside them, recomputed by the API a moment after each answer. The answers are kept in
 * this browser and can be shared as a link; a link wins over what the browser kept, except an
 * example's, shown without being kept.
 */
export const SimulatorPage = () => {
  const { t } = useTranslation();
  useDocumentTitle(t("simulator.documentTitle"));
  const search = useSearch({ from: "/" });
  const navigate = useNavigate({ from: "/" });
  const [start] = useState(() => startingSituation(search, storage()));
  const form = useForm<SituationForm>({
    defaultValues: fromSituation(start.situation),
    resolver,
    mode: "onTouched",
  });
  const [step, setStep] = useState<Step>(1);
  // where the focus goes next: the step's heading, or a question (see `useFocusRequest`)
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const focusDone = useCallback(() => setFocusTarget(null), []);
  const fieldToFocus = focusTarget?.startsWith("#") ? null : focusTarget;
  const [validation, setValidation] = useState<Validation | null>(null);

  useEffect(() => {
    let live = true;
    void loadValidation().then((m) => live && setValidation(m));
    // the rest of the simulator, while the student reads the first screen
    const later = () => {
      void loadResults();
      void loadSituationStep();
      void loadDestinationQuestions();
    };
    // Safari has no requestIdleCallback
    const idle = "requestIdleCallback" in window;
    const id = idle ? window.requestIdleCallback(later) : window.setTimeout(later, 200);
    return () => {
      live = false;
      if (idle) window.cancelIdleCallback(id);
      else window.clearTimeout(id);
    };
  }, []);

  // a shared link (or the account's participant) has done its work once read: back to plain "/"
  useEffect(() => {
    if (search.s || search.participant) void navigate({ search: {}, replace: true });
  }, [search.s, search.participant, navigate]);

  const values = useWatch({ control: form.control }) as SituationForm;
  const personnel = values.participant === "personnel";
  const answers = useMemo(() => toSituation(values), [values]);
  const valid = useMemo(() => validation?.validSituation(answers), [validation, answers]);
  // the last valid situation: the results stay on screen while an answer is being corrected
  const lastValid = useRef<Situation | undefined>(undefined);
  if (valid) lastValid.current = valid;
  const situation = useDebouncedValue(lastValid.current, 350);
  const settledAnswers = useDebouncedValue(answers, 350);
  useEffect(() => {
    if (start.keep) saveDraft(settledAnswers, storage());
  }, [start, settledAnswers]);

  useEffect(() => {
    if (!focusTarget?.startsWith("#")) return;
    document.getElementById(focusTarget.slice(1))?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const goTo = async (next: Step) => {
    const { STEP_ONE } = await loadQuestions();
    if (next === 2 && !(await form.trigger(STEP_ONE, { shouldFocus: true }))) return;
    setStep(next);
    setFocusTarget("#step-title");
  };

  const answer = async (path: string) => {
    const { questionFor } = await loadQuestions();
    const question = questionFor(path, form.getValues("mobility.destination"));
    if (!question) return;
    setStep(question.step);
    setFocusTarget(question.name);
  };

  return (
    <div className="simulator">
      <div className="simulator__intro">
        <h1>{t("simulator.title")}</h1>
        <p>{t("simulator.intro")}</p>
      </div>
      <div className="simulator__columns">
        <FormProvider {...form}>
          <form
            className="simulator__form"
            aria-labelledby="step-title"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (step === 1) void goTo(2);
              else setFocusTarget("#results");
            }}
          >
            <ChoiceQuestion
              name="participant"
              question="participant"
              options={PARTICIPANT_OPTIONS.map((id) => ({
                id,
                label: t(`fields.participant.${id}`),
              }))}
            />
            <ol className="steps" aria-label={t("simulator.stepsLabel")}>
              {([1, 2] as const).map((n) => (
                <li key={n} className="steps__item">
                  <button
                    type="button"
                    className="steps__button"
                    aria-current={step === n ? "step" : undefined}
                    onClick={() => void goTo(n)}
                  >
                    <span className="steps__number" aria-hidden="true">
                      {n}
                    </span>
                    {t(n === 1 ? "simulator.steps.mobility" : "simulator.steps.situation")}
                  </button>
                </li>
              ))}
            </ol>
            <h2 id="step-title" className="step-title" tabIndex={-1}>
              <span className="step-title__count">{t("simulator.stepOf", { step, total: 2 })}</span>{" "}
              {t(step === 1 ? "simulator.steps.mobility" : "simulator.steps.situation")}
            </h2>
            {step === 1 ? (
              <MobilityStep focus={fieldToFocus} onFocused={focusDone} />
            ) : (
              <Suspense fallback={<p className="field__status">{t("app.loading")}</p>}>
                {personnel ? (
                  <PersonnelStep focus={fieldToFocus} onFocused={focusDone} />
                ) : (
                  <SituationStep focus={fieldToFocus} onFocused={focusDone} />
                )}
              </Suspense>
            )}
            <div className="step-actions">
              {step === 1 ? (
                <button type="submit" className="button button--primary">
                  {t("simulator.next")}
                </button>
              ) : (
                <button type="button" className="button" onClick={() => void goTo(1)}>
                  {t("simulator.previous")}
                </button>
              )}
              {situation && (
                <a className="step-actions__results" href="#results">
                  {t("simulator.seeResults")}
                </a>
              )}
            </div>
          </form>
          <Suspense fallback={<ResultsPlaceholder />}>
            <ResultsPanel
              situation={situation}
              answers={answers}
              stale={valid === undefined && situation !== undefined}
              onAnswer={(path) => void answer(path)}
              example={!start.keep}
            />
          </Suspense>
        </FormProvider>
      </div>
    </div>
  );
};

/** The results' frame while their code loads: the same heading and the invitation to answer. */
const ResultsPlaceholder = () => {
  const { t } = useTranslation();
  return (
    <section id="results" className="results" aria-labelledby="results-title" tabIndex={-1}>
      <div className="results__heading">
        <h2 id="results-title">{t("results.title")}</h2>
      </div>
      <p className="results__waiting">{t("results.waiting")}</p>
    </section>
  );
};
