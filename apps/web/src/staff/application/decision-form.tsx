import "./decision-form.css";
import { formatMoney } from "@envol/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { isProblem } from "../../api/api-problem.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import {
  amountHintText,
  centsOf,
  commitsMoney,
  type DecisionAction,
  type DecisionValues,
  decisionBody,
  decisionFieldOf,
  decisionSchemaFor,
  groundsShownBy,
  groundWords,
  leftAfter,
  overrideNeeded,
  proposedAmount,
  type RefusedGround,
  reasonOf,
  refusedGroundsOf,
  type SchemeToday,
} from "../decision.ts";
import { WriteProblem } from "../load-problem.tsx";
import { MoneyField } from "../money-field.tsx";
import { decide, type StaffRequest } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/**
 * The office's decision on a request: one of the decisions open now, with what it needs (an
 * amount to approve, defaulting to the scheme's estimate today — the one made when the request
 * was sent said beside it when they differ — with what the envelope has left shown before
 * approving, and the scheme's estimate today beside it; a reason to reject or cancel; the
 * override's reason when approving what the rules would refuse). What the API refuses is said next to the form: a
 * field it names under that field, an envelope too small or a state that moved on above the
 * button.
 */
export const DecisionForm = ({
  request,
  decisions,
  schemeName,
  today,
  onDone,
}: {
  readonly request: StaffRequest;
  readonly decisions: readonly DecisionAction[];
  readonly schemeName: string;
  /** What the scheme says of the stay today (the live report); null when it is not known. */
  readonly today: SchemeToday | null;
  /** What was done, said by the request's panel (this form may be gone by then); null clears it. */
  readonly onDone: (message: string | null) => void;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const id = useId();
  // today's estimate, as the API grants and weighs it; the one at sending said when it differs
  const proposed = proposedAmount(request.estimatedCents, today);
  const defaults: DecisionValues = {
    // never a decision chosen in advance: cancelling is sometimes the only one open
    action: "",
    amount: proposed.amountCents === null ? null : proposed.amountCents / 100,
    reason: "",
    override: "",
  };
  const form = useForm<DecisionValues>({
    resolver: zodResolver(decisionSchemaFor(today)),
    defaultValues: defaults,
  });
  // the grounds of the API's last 409 `override-required`, shown in words until the next answer
  const [refused, setRefused] = useState<readonly RefusedGround[]>([]);
  const action = useWatch({ control: form.control, name: "action" });
  const amount = useWatch({ control: form.control, name: "amount" });
  const budget = request.budget;
  const amountCents = amount === null || Number.isNaN(amount) ? null : centsOf(amount);
  // what the clerk was shown: the form's own grounds, and those the API listed
  const shown = [...groundsShownBy(action, today, amountCents), ...refused.map((g) => g.kind)];
  const write = useStaffWrite((api, values: DecisionValues) =>
    decide(api, request.id, decisionBody(values, shown)),
  );
  const reason = reasonOf(action);
  const errors = form.formState.errors;
  const errorText = (key: string | undefined) =>
    key === undefined
      ? undefined
      : key.startsWith("api:")
        ? key.slice(4)
        : t(`decision.errors.${key as "action"}`);

  const onSubmit = form.handleSubmit(async (values) => {
    if (write.isPending) return;
    onDone(null);
    try {
      const after = await write.mutateAsync(values);
      setRefused([]);
      onDone(t("decision.done", { state: t(`states.${after.state}`) }));
      form.reset({ ...defaults, action: "" });
    } catch (e) {
      if (isProblem(e, 409) && e.type?.endsWith("override-required")) {
        setRefused(refusedGroundsOf(e.extensions));
        if (values.override.trim() === "")
          form.setError("override", { type: "server", message: "overrideRequired" });
      }
      if (isProblem(e, 422))
        for (const err of e.errors) {
          const field = decisionFieldOf(err.path);
          if (field) form.setError(field, { type: "server", message: `api:${err.message}` });
        }
    }
  });

  const after =
    budget && amountCents !== null ? leftAfter(budget.remainingCents, amountCents) : null;
  const needsOverride = overrideNeeded(action, today, amountCents) || refused.length > 0;

  return (
    <form className="staff-decision" aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate>
      <h4 id={`${id}-title`} className="staff-decision__title">
        {t("decision.title", { scheme: schemeName })}
      </h4>
      <Controller
        control={form.control}
        name="action"
        render={({ field }) => (
          <fieldset
            className="field field--choice"
            data-invalid={errors.action ? true : undefined}
            aria-describedby={errors.action ? `${id}-action-error` : undefined}
          >
            <legend className="field__label">{t("decision.action")}</legend>
            <div className="choices">
              {decisions.map((d, i) => (
                <label key={d} className="choice">
                  <input
                    ref={i === 0 ? field.ref : undefined}
                    type="radio"
                    className="choice__input"
                    name={field.name}
                    value={d}
                    checked={field.value === d}
                    onChange={() => {
                      field.onChange(d);
                      setRefused([]);
                      write.reset();
                      onDone(null);
                    }}
                    onBlur={field.onBlur}
                  />
                  <span className="choice__label">{t(`decision.actions.${d}`)}</span>
                </label>
              ))}
            </div>
            {errors.action && (
              <p id={`${id}-action-error`} className="field__error">
                {errorText(errors.action.message)}
              </p>
            )}
          </fieldset>
        )}
      />

      {commitsMoney(action) && (
        <>
          <Controller
            control={form.control}
            name="amount"
            render={({ field }) => (
              <MoneyField
                label={t("decision.amount")}
                description={amountHintText(proposed.hint, lang, t)}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                name={field.name}
                error={errorText(errors.amount?.message)}
              />
            )}
          />
          <p className="field__description staff-decision__today">
            {today === null || today.verdict !== "eligible"
              ? t("decision.today.notEligible")
              : today.estimateCents === null
                ? t("decision.today.noEstimate")
                : t("decision.today.estimate", {
                    estimate: formatMoney(today.estimateCents, lang),
                  })}
          </p>
          <div
            className={`staff-budget-preview${after !== null && after < 0 ? " staff-budget-preview--over" : ""}`}
            aria-live="polite"
          >
            {budget === null ? (
              <p>{t("decision.noEnvelope")}</p>
            ) : (
              <>
                <p>
                  {t("decision.left", {
                    left: formatMoney(budget.remainingCents, lang),
                    envelope: formatMoney(budget.envelopeCents, lang),
                  })}
                </p>
                {after !== null && amountCents !== null && (
                  <p className="staff-budget-preview__after">
                    {after >= 0
                      ? t("decision.leftAfter", {
                          amount: formatMoney(amountCents, lang),
                          left: formatMoney(after, lang),
                        })
                      : t("decision.over", {
                          amount: formatMoney(amountCents, lang),
                          missing: formatMoney(-after, lang),
                        })}
                  </p>
                )}
              </>
            )}
          </div>
        </>
      )}

      {reason !== null && (
        <div className="field" data-invalid={errors.reason ? true : undefined}>
          <label className="field__label" htmlFor={`${id}-reason`}>
            {reason === "required" ? t("decision.reason") : t("decision.reasonOptional")}
          </label>
          <p id={`${id}-reason-hint`} className="field__description">
            {t("decision.reasonHint")}
          </p>
          <textarea
            id={`${id}-reason`}
            className="field__input staff-textarea"
            rows={3}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ""}`}
            {...form.register("reason")}
          />
          {errors.reason && (
            <p id={`${id}-reason-error`} className="field__error">
              {errorText(errors.reason.message)}
            </p>
          )}
        </div>
      )}

      {commitsMoney(action) && (
        <div className="field" data-invalid={errors.override ? true : undefined}>
          <label className="field__label" htmlFor={`${id}-override`}>
            {needsOverride ? t("decision.override") : t("decision.overrideOptional")}
          </label>
          <p id={`${id}-override-hint`} className="field__description">
            {needsOverride ? t("decision.overrideNeeded") : t("decision.overrideHint")}
          </p>
          {refused.length > 0 && (
            <div id={`${id}-override-grounds`} className="staff-decision__grounds">
              <p className="field__description">{t("decision.groundsRefused")}</p>
              <ul>
                {refused.map((g) => (
                  <li key={`${g.kind}-${groundWords(g, lang)}`}>{groundWords(g, lang)}</li>
                ))}
              </ul>
            </div>
          )}
          <textarea
            id={`${id}-override`}
            className="field__input staff-textarea"
            rows={2}
            aria-required={needsOverride}
            aria-invalid={errors.override ? true : undefined}
            aria-describedby={`${id}-override-hint${refused.length > 0 ? ` ${id}-override-grounds` : ""}${errors.override ? ` ${id}-override-error` : ""}`}
            {...form.register("override")}
          />
          {errors.override && (
            <p id={`${id}-override-error`} className="field__error">
              {errorText(errors.override.message)}
            </p>
          )}
        </div>
      )}

      <WriteProblem error={shownAboveButton(write.error)} />
      <div className="staff-form-actions">
        <SubmitButton pending={write.isPending} pendingLabel={t("decision.pending")}>
          {action === ""
            ? t("decision.submit")
            : commitsMoney(action) && amountCents !== null
              ? t(`decision.submitWith.${action}`, { amount: formatMoney(amountCents, lang) })
              : t(`decision.actions.${action}`)}
        </SubmitButton>
      </div>
    </form>
  );
};

/** A refusal is said above the button, unless each field it names is already marked. */
const shownAboveButton = (error: unknown): unknown =>
  isProblem(error, 422) &&
  error.errors.length > 0 &&
  error.errors.every((e) => decisionFieldOf(e.path) !== null)
    ? null
    : error;
