import { formatMoney } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { isProblem } from "../../api/api-problem.ts";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { formatDate } from "../../i18n/format-date.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { LoadProblem, WriteProblem } from "../load-problem.tsx";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";
import { movesOf } from "./allocation-moves.ts";
import { ApplyDialog } from "./apply-dialog.tsx";
import { MoveDialog } from "./move-dialog.tsx";
import {
  allocationCsvHref,
  allocationQueryOptions,
  type PriorityRuleId,
  proposeAllocation,
} from "./planner-api.ts";
import { RulesEditor } from "./rules-editor.tsx";

/** A call's first proposal ranks on these until the office says otherwise. */
const FIRST_RULES: readonly PriorityRuleId[] = ["crous-echelon", "quotient-familial"];

/**
 * The call's ranked allocation (ADR 019): the rules in order and "propose", then the ranked
 * table with its explanations, the totals, each request to move by hand (with a reason), the CSV
 * and "apply" (confirmed). An applied allocation is read only.
 */
export const RankingPanel = ({
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
  const headingId = useId();
  const allocation = useQuery(allocationQueryOptions(api, scheme, academicYear, lang));
  const [edited, setEdited] = useState<PriorityRuleId[] | null>(null);
  const [applied, setApplied] = useState<{ count: number; cents: number; waiting: number } | null>(
    null,
  );
  const doneRef = useRef<HTMLParagraphElement>(null);
  // the dialog and its "Apply" button are gone: the focus goes to what was done, not <body>
  useEffect(() => {
    if (applied) doneRef.current?.focus();
  }, [applied]);
  const propose = useStaffWrite((a, rules: PriorityRuleId[]) =>
    proposeAllocation(a, scheme, academicYear, {
      rules,
      moves: allocation.data ? movesOf(allocation.data) : [],
    }),
  );
  const data = allocation.data;
  const rules = edited ?? (data ? [...data.rules] : [...FIRST_RULES]);
  const readOnly = data?.status === "applied";
  const money = (cents: number) => formatMoney(cents, lang);
  const rulesError = isProblem(propose.error, 422)
    ? (propose.error.errors.find((e) => e.path.startsWith("rules"))?.message ?? undefined)
    : undefined;

  return (
    <section className="staff-planner__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t("planner.ranking.title", { scheme: schemeName, year: academicYear })}
      </h2>
      {allocation.isError ? (
        <LoadProblem error={allocation.error} onRetry={() => void allocation.refetch()} />
      ) : allocation.isPending ? (
        <p role="status">{t("planner.ranking.loading")}</p>
      ) : (
        <>
          <form
            className="staff-planner__propose"
            onSubmit={(e) => {
              e.preventDefault();
              if (propose.isPending || readOnly) return;
              setApplied(null);
              propose.mutate(rules, { onSuccess: () => setEdited(null) });
            }}
            noValidate
          >
            <RulesEditor
              rules={rules}
              onChange={setEdited}
              disabled={readOnly}
              error={rulesError}
            />
            {!readOnly && (
              <div className="staff-form-actions">
                <SubmitButton
                  pending={propose.isPending}
                  pendingLabel={t("planner.ranking.proposing")}
                >
                  {t("planner.ranking.propose")}
                </SubmitButton>
              </div>
            )}
            <WriteProblem error={rulesError ? null : propose.error} />
          </form>

          <p role="status" className="staff-planner__done" ref={doneRef} tabIndex={-1}>
            {applied &&
              t(applied.waiting > 0 ? "planner.apply.doneWaiting" : "planner.apply.done", {
                count: applied.count,
                total: money(applied.cents),
              })}
          </p>

          {data === null || data === undefined ? (
            <p>{t("planner.ranking.none")}</p>
          ) : (
            <>
              <p>
                {readOnly
                  ? t("planner.ranking.applied", {
                      version: data.version,
                      date: formatDate(data.appliedAt?.slice(0, 10) ?? "", lang),
                    })
                  : t("planner.ranking.proposed", {
                      version: data.version,
                      date: formatDate(data.proposedAt.slice(0, 10), lang),
                    })}
              </p>
              <dl className="staff-planner__totals">
                <div>
                  <dt>{t("planner.totals.envelope")}</dt>
                  <dd>{money(data.envelopeCents)}</dd>
                </div>
                <div>
                  <dt>{t("planner.totals.allocated")}</dt>
                  <dd>{money(data.allocatedCents)}</dd>
                </div>
                <div>
                  <dt>{t("planner.totals.remaining")}</dt>
                  <dd>{money(data.remainingCents)}</dd>
                </div>
                <div>
                  <dt>{t("planner.totals.cutOff")}</dt>
                  <dd>
                    {data.lastFundedRank === null
                      ? data.rows.some((r) => r.funded)
                        ? t("planner.totals.noneByRanking")
                        : t("planner.totals.noneFunded")
                      : t("planner.totals.lastFunded", {
                          rank: data.lastFundedRank,
                          total: data.rows.length,
                        })}
                  </dd>
                </div>
              </dl>
              <p>
                <a href={allocationCsvHref(scheme, academicYear)} download>
                  {t("planner.ranking.csv")}
                </a>
              </p>
              <div className="staff-table-scroll">
                <table className="staff-data-table staff-data-table--cards staff-planner__ranked">
                  <caption>
                    {t("planner.ranking.table", { scheme: schemeName, year: academicYear })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("planner.columns.rank")}</th>
                      <th scope="col">{t("planner.columns.applicant")}</th>
                      <th scope="col">{t("planner.columns.amount")}</th>
                      <th scope="col">{t("planner.columns.outcome")}</th>
                      <th scope="col">{t("planner.columns.byHand")}</th>
                      <th scope="col">{t("planner.columns.explanation")}</th>
                      {!readOnly && (
                        <th scope="col">
                          <span className="visually-hidden">{t("planner.columns.actions")}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <tr key={row.requestId}>
                        <td data-label={t("planner.columns.rank")}>{row.rank}</td>
                        <th scope="row" data-label={t("planner.columns.applicant")}>
                          {row.applicantName}
                        </th>
                        <td data-label={t("planner.columns.amount")}>{money(row.amountCents)}</td>
                        <td data-label={t("planner.columns.outcome")}>
                          {row.funded
                            ? t("planner.outcome.funded")
                            : t("planner.outcome.waitlist", {
                                position: row.waitlistPosition ?? "—",
                              })}
                        </td>
                        <td data-label={t("planner.columns.byHand")}>
                          {row.byHand ? t("planner.byHand.yes", { reason: row.reason ?? "" }) : "—"}
                        </td>
                        <td data-label={t("planner.columns.explanation")}>{row.explanation}</td>
                        {!readOnly && (
                          <td className="staff-data-table__actions">
                            <MoveDialog
                              scheme={scheme}
                              academicYear={academicYear}
                              allocation={data}
                              row={row}
                            />
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {!readOnly && data.rows.length > 0 && (
                <ApplyDialog
                  scheme={scheme}
                  schemeName={schemeName}
                  academicYear={academicYear}
                  allocation={data}
                  onDone={setApplied}
                />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
};
