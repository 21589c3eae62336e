import { formatMoney } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { type ApiProblem, isProblem } from "../../api/api-problem.ts";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { formatDate } from "../../i18n/format-date.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { fieldSentence } from "../field-sentence.ts";
import { FormField } from "../form-field.tsx";
import { LoadProblem, WriteProblem } from "../load-problem.tsx";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { defaultSince, laterPeriods, optionsOnDate } from "./dated-options.ts";
import {
  amountCheck,
  boundText,
  centsOfText,
  type FieldCheck,
  fieldText,
  optionFields,
  optionsOf,
} from "./option-fields.ts";
import { allocationQueryOptions, runScenario, schemeOptionsQueryOptions } from "./planner-api.ts";
import { SaveOptionsDialog } from "./save-options-dialog.tsx";
import { percentDone, type Scenario } from "./scenario.ts";
import { ScenarioComparison } from "./scenario-comparison.tsx";

type Run =
  | { readonly state: "idle" }
  | { readonly state: "running"; readonly done: number; readonly total: number }
  | { readonly state: "failed"; readonly error: unknown };

/**
 * The what-if (ADR 020): the scheme's numeric options as fields (from their JSON Schema, money
 * in euros, with their bounds) and an envelope; "run" re-evaluates every request of the year
 * with them, the progress read from the stream; each run is kept as a scenario, compared side
 * by side with today's options, and may be saved as the options from a date.
 */
export const WhatIfPanel = ({
  scheme,
  schemeName,
  academicYear,
}: {
  readonly scheme: string;
  readonly schemeName: string;
  readonly academicYear: string;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const api = useEnvolClient();
  const id = useId();
  const options = useQuery(schemeOptionsQueryOptions(api, scheme, lang));
  const allocation = useQuery(allocationQueryOptions(api, scheme, academicYear, lang));
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [sinceTyped, setSinceTyped] = useState<string | null>(null);
  const [envelope, setEnvelope] = useState("");
  const [checks, setChecks] = useState<Record<string, FieldCheck>>({});
  const [run, setRun] = useState<Run>({ state: "idle" });
  // the fields changed since the API refused the last run: its word on them no longer holds
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const change = (path: string) => setChanged((c) => (c.has(path) ? c : new Set([...c, path])));
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  // a run still streaming when the page goes (another scheme, another page) is stopped
  useEffect(() => () => running.current?.abort(), []);

  if (options.isError)
    return <LoadProblem error={options.error} onRetry={() => void options.refetch()} />;
  if (options.isPending) return <p role="status">{t("planner.whatIf.loading")}</p>;

  const fields = optionFields(options.data.schema);
  const since = sinceTyped ?? defaultSince(academicYear, options.data.firstPeriod);
  const sinceValid = /^\d{4}-\d{2}-\d{2}$/.test(since);
  // the stored periods hold the complete options from their date; before any, the configured
  const inForce = optionsOnDate(
    options.data.periods,
    options.data.configuredOptions,
    sinceValid ? since : defaultSince(academicYear, options.data.firstPeriod),
  );
  const later = sinceValid ? laterPeriods(options.data.periods, since) : [];
  const problem: ApiProblem | undefined =
    run.state === "failed" && isProblem(run.error, 422) ? run.error : undefined;
  const apiError = (path: string) => {
    const said = changed.has(path) ? undefined : problem?.fieldError(path);
    return said === undefined ? undefined : fieldSentence(said);
  };
  const fieldError = (name: string) =>
    checks[name] !== undefined
      ? t(`planner.whatIf.check.${checks[name]}`)
      : apiError(`options.${name}`);
  const envelopeCents = centsOfText(envelope);
  const envelopeCheck = amountCheck(envelope);
  const envelopeInvalid = envelopeCheck !== null;
  const envelopeError = envelopeCheck
    ? t(`planner.whatIf.check.${envelopeCheck}`)
    : apiError("envelopeCents");
  const sinceError = !sinceValid ? t("planner.whatIf.check.date") : apiError("since");
  const named = problem?.errors.some(
    (e) => e.path.startsWith("options.") || e.path === "envelopeCents" || e.path === "since",
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (run.state === "running") return;
    const asked = optionsOf(fields, typed, inForce);
    setChecks(asked.errors);
    // only the form's own checks stop a run: the API judges the rest again
    if (Object.keys(asked.errors).length > 0 || envelopeInvalid || !sinceValid) return;
    setChanged(new Set());
    setSaved(null);
    const controller = new AbortController();
    running.current = controller;
    setRun({ state: "running", done: 0, total: 0 });
    try {
      let outcome: Run = { state: "idle" };
      await runScenario(
        api,
        {
          scheme,
          academicYear,
          options: asked.options,
          since,
          envelopeCents: envelope.trim() === "" ? null : envelopeCents,
          rules: allocation.data?.rules ?? [],
        },
        (line) => {
          if (line.type === "progress")
            setRun({ state: "running", done: line.done, total: line.total });
          else if (line.type === "error")
            outcome = { state: "failed", error: new Error(line.title) };
          else
            setScenarios((list) => [
              ...list,
              {
                number: (list.at(-1)?.number ?? 0) + 1,
                options: asked.options,
                since,
                envelopeCents: envelope.trim() === "" ? null : envelopeCents,
                summary: line.summary,
                rows: line.rows,
                rowsOmitted: line.rowsOmitted,
              },
            ]);
        },
        controller.signal,
      );
      setRun(outcome);
    } catch (error) {
      setRun(controller.signal.aborted ? { state: "idle" } : { state: "failed", error });
    } finally {
      running.current = null;
    }
  };

  const names = new Map((allocation.data?.rows ?? []).map((r) => [r.requestId, r.applicantName]));
  const label = (field: (typeof fields)[number]) =>
    t(`planner.option.${field.name}`, { defaultValue: field.name }) + (field.money ? " (€)" : "");

  return (
    <section className="staff-planner__panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t("planner.whatIf.title", { scheme: schemeName, year: academicYear })}
      </h2>
      <p>{t("planner.whatIf.intro")}</p>
      <form className="staff-planner__what-if" onSubmit={(e) => void submit(e)} noValidate>
        {fields.length === 0 && <p>{t("planner.whatIf.noOptions")}</p>}
        <div className="staff-planner__fields">
          <FormField
            id={`${id}-since`}
            label={t("planner.whatIf.since")}
            hint={
              later.length > 0
                ? t("planner.whatIf.sinceHintLater", {
                    dates: later.map((p) => formatDate(p.since, lang)).join(", "),
                  })
                : t("planner.whatIf.sinceHint")
            }
            error={sinceError}
            control={(props) => (
              <input
                {...props}
                type="date"
                value={since}
                onChange={(e) => {
                  setSinceTyped(e.currentTarget.value);
                  change("since");
                  // the figures shown are those in force on the new day
                  setTyped({});
                }}
              />
            )}
          />
          {fields.map((field) => (
            <FormField
              key={field.name}
              id={`${id}-${field.name}`}
              label={label(field)}
              hint={
                field.min !== null && field.max !== null
                  ? t("planner.whatIf.between", {
                      min: boundText(field, field.min, lang),
                      max: boundText(field, field.max, lang),
                    })
                  : field.min !== null
                    ? t("planner.whatIf.atLeast", { min: boundText(field, field.min, lang) })
                    : undefined
              }
              error={fieldError(field.name)}
              control={(props) => (
                <input
                  {...props}
                  className="field__input field__input--number"
                  type="number"
                  inputMode="decimal"
                  step={field.money ? 0.01 : field.integer ? 1 : "any"}
                  {...(field.min !== null && { min: field.min })}
                  {...(field.max !== null && { max: field.max })}
                  value={typed[field.name] ?? fieldText(field, inForce)}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setTyped((v) => ({ ...v, [field.name]: value }));
                    change(`options.${field.name}`);
                  }}
                />
              )}
            />
          ))}
          <FormField
            id={`${id}-envelope`}
            label={t("planner.whatIf.envelope")}
            hint={t("planner.whatIf.envelopeHint")}
            error={envelopeError}
            control={(props) => (
              <input
                {...props}
                className="field__input field__input--number"
                inputMode="decimal"
                value={envelope}
                onChange={(e) => {
                  setEnvelope(e.currentTarget.value);
                  change("envelopeCents");
                }}
              />
            )}
          />
        </div>
        <div className="staff-form-actions">
          <SubmitButton
            pending={run.state === "running"}
            pendingLabel={t("planner.whatIf.running")}
          >
            {t("planner.whatIf.run")}
          </SubmitButton>
          {run.state === "running" && (
            <button type="button" className="button" onClick={() => running.current?.abort()}>
              {t("planner.whatIf.stop")}
            </button>
          )}
        </div>
        {run.state === "running" && (
          <div className="staff-planner__progress">
            <div
              role="progressbar"
              aria-label={t("planner.whatIf.progress")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percentDone(run.done, run.total)}
              aria-valuetext={t("planner.whatIf.progressText", {
                done: run.done,
                total: run.total,
              })}
              className="staff-planner__bar"
            >
              <span style={{ width: `${percentDone(run.done, run.total)}%` }} />
            </div>
            <span aria-hidden="true">
              {t("planner.whatIf.progressText", { done: run.done, total: run.total })}
            </span>
          </div>
        )}
        <WriteProblem error={run.state === "failed" && !named ? run.error : null} />
      </form>

      <p role="status" className="staff-planner__done">
        {saved}
      </p>

      {scenarios.length > 0 && (
        <ScenarioComparison
          scenarios={scenarios}
          fields={fields}
          names={names}
          formatCents={(c) => formatMoney(c, lang)}
          saveButton={(s) => (
            <SaveOptionsDialog
              scheme={scheme}
              schemeName={schemeName}
              scenario={s}
              fields={fields}
              firstPeriod={options.data.firstPeriod}
              onDone={setSaved}
            />
          )}
        />
      )}
    </section>
  );
};
