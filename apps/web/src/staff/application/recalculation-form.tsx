import "../../shell/eligibility.css";
import "./recalculation-form.css";
import { formatMoney } from "@envol/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { isProblem } from "../../api/api-problem.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { WriteProblem } from "../load-problem.tsx";
import {
  RecalculationSchema,
  type RecalculationValues,
  teachingHoursInUse,
  teachingHoursOf,
} from "../recalculation.ts";
import {
  type ApplicationDetail,
  type Recalculation,
  recalculate,
  type StaffRequest,
} from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/**
 * Recomputing a grant on the stay's actual dates (those recorded, by the host's statement or an
 * earlier recalculation, else the planned ones, to correct): the API answers with the grant
 * before and after, the difference line by line (a ledger line), and what remains from what was
 * paid: still to pay, or to recover.
 */
export const RecalculationForm = ({
  request,
  application,
}: {
  readonly request: StaffRequest;
  readonly application: ApplicationDetail["application"];
}) => {
  const { t } = useStaffTranslation();
  const id = useId();
  // a member of the personnel's teaching stay: the certificate of attendance gives the hours taught
  const teaching = application.situation.personnel?.activity === "teaching";
  // what an empty field keeps: the hours last recorded, else those stated when applying
  const inUse = teachingHoursInUse(application);
  const form = useForm<RecalculationValues>({
    resolver: zodResolver(RecalculationSchema),
    defaultValues: {
      actualStart: application.actualStartDate ?? application.startDate,
      actualEnd: application.actualEndDate ?? application.endDate,
      useCurrentOptions: false,
      actualTeachingHours: "",
    },
  });
  const [result, setResult] = useState<Recalculation | null>(null);
  const write = useStaffWrite((api, values: RecalculationValues) =>
    recalculate(api, request.id, {
      actualStart: values.actualStart,
      actualEnd: values.actualEnd,
      ...(values.useCurrentOptions && { useCurrentOptions: true }),
      ...(teaching && { actualTeachingHours: teachingHoursOf(values.actualTeachingHours) }),
    }),
  );
  const errors = form.formState.errors;
  const message = (key: string | undefined) =>
    key === undefined
      ? undefined
      : key.startsWith("api:")
        ? key.slice(4)
        : t(`recalculation.errors.${key as "date"}`);

  const onSubmit = form.handleSubmit(async (values) => {
    if (write.isPending) return;
    setResult(null);
    try {
      setResult(await write.mutateAsync(values));
    } catch (e) {
      if (isProblem(e, 422))
        for (const err of e.errors)
          if (
            err.path === "actualStart" ||
            err.path === "actualEnd" ||
            err.path === "actualTeachingHours"
          )
            form.setError(err.path, { type: "server", message: `api:${err.message}` });
    }
  });

  return (
    <details className="disclosure staff-money-form">
      <summary>{t("recalculation.title")}</summary>
      <form aria-label={t("recalculation.title")} onSubmit={onSubmit} noValidate>
        <p className="field__description">
          {application.actualStartDate
            ? t("recalculation.recordedHint")
            : t("recalculation.plannedHint")}
        </p>
        <div className="field-row">
          {(["actualStart", "actualEnd"] as const).map((name) => (
            <div key={name} className="field" data-invalid={errors[name] ? true : undefined}>
              <label className="field__label" htmlFor={`${id}-${name}`}>
                {t(`recalculation.${name}`)}
              </label>
              <input
                id={`${id}-${name}`}
                type="date"
                className="field__input"
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
                {...form.register(name)}
              />
              {errors[name] && (
                <p id={`${id}-${name}-error`} className="field__error">
                  {message(errors[name]?.message)}
                </p>
              )}
            </div>
          ))}
        </div>
        {teaching && (
          <div className="field" data-invalid={errors.actualTeachingHours ? true : undefined}>
            <label className="field__label" htmlFor={`${id}-hours`}>
              {t("recalculation.actualTeachingHours")}
            </label>
            <p id={`${id}-hours-hint`} className="field__description">
              {inUse === undefined
                ? t("recalculation.teachingHoursHint")
                : inUse.recorded
                  ? t("recalculation.recordedHoursHint", { count: inUse.hours })
                  : t("recalculation.statedHoursHint", { count: inUse.hours })}
            </p>
            <input
              id={`${id}-hours`}
              type="text"
              inputMode="decimal"
              className="field__input"
              aria-invalid={errors.actualTeachingHours ? true : undefined}
              aria-describedby={
                errors.actualTeachingHours
                  ? `${id}-hours-hint ${id}-hours-error`
                  : `${id}-hours-hint`
              }
              {...form.register("actualTeachingHours")}
            />
            {errors.actualTeachingHours && (
              <p id={`${id}-hours-error`} className="field__error">
                {message(errors.actualTeachingHours.message)}
              </p>
            )}
          </div>
        )}
        <label className="staff-checkbox">
          <input type="checkbox" {...form.register("useCurrentOptions")} />
          <span>{t("recalculation.useCurrentOptions")}</span>
        </label>
        <WriteProblem error={isProblem(write.error, 422) ? null : write.error} />
        <div className="staff-form-actions">
          <SubmitButton pending={write.isPending} pendingLabel={t("recalculation.pending")}>
            {t("recalculation.submit")}
          </SubmitButton>
        </div>
        <div role="status">{result && <RecalculationResult result={result} />}</div>
      </form>
    </details>
  );
};

const RecalculationResult = ({ result }: { readonly result: Recalculation }) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const { remaining } = result;
  return (
    <div className="staff-recalculation">
      <p>
        {t("recalculation.result", {
          before: formatMoney(result.previousCents, lang),
          after: formatMoney(result.approvedCents, lang),
        })}{" "}
        {/* what the API says remains from what was paid, never the change of the amount */}
        <strong>
          {remaining.kind === "settled"
            ? t("recalculation.remaining.settled")
            : t(`recalculation.remaining.${remaining.kind}`, {
                amount: formatMoney(remaining.cents, lang),
              })}
        </strong>
      </p>
      {result.explanation.length > 0 && (
        <ul className="lines">
          {result.explanation.map((line, i) => (
            <li key={i} className="line">
              <span>{line.label}</span>
              <span className="line__amount">{formatMoney(line.amountCents, lang)}</span>
              <span className="line__basis">{line.basis}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
