import "./request-panel.css";
import { formatMoney, type SchemeResult } from "@envol/domain";
import { useState } from "react";
import { formatDate } from "../../i18n/format-date.ts";
import { formatInstant } from "../../i18n/format-instant.ts";
import { canRecalculate, decisionsOf, hasLedger, instalmentOf } from "../decision.ts";
import type { ApplicationDetail, StaffRequest } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { StateBadge } from "../state-badge.tsx";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { BudgetLeft } from "./budget-left.tsx";
import { DecisionForm } from "./decision-form.tsx";
import { GrantReview } from "./grant-review.tsx";
import { LedgerTable } from "./ledger-table.tsx";
import { PaymentForm } from "./payment-form.tsx";
import { RecalculationForm } from "./recalculation-form.tsx";

/**
 * One request of the application: its scheme and state, its amounts, the scheme's envelope,
 * then what the office may do now (decide, pay, recompute) and the money already moved.
 */
export const RequestPanel = ({
  request,
  application,
  eligibility,
}: {
  readonly request: StaffRequest;
  readonly application: ApplicationDetail["application"];
  readonly eligibility: SchemeResult | null;
}) => {
  const { t } = useStaffTranslation();
  const names = useNames();
  const lang = names.lang;
  const headingId = `request-${request.id}`;
  const decisions = decisionsOf(request.availableActions);
  const instalment = instalmentOf(request.availableActions);
  const money = (cents: number | null) => (cents === null ? "—" : formatMoney(cents, lang));
  // what the last decision or payment did, kept here: the form that made it may be gone
  const [status, setStatus] = useState<string | null>(null);
  return (
    <article className="staff-request" aria-labelledby={headingId}>
      <header className="staff-request__header">
        <h3 id={headingId}>{names.scheme(request.scheme)}</h3>
        <StateBadge state={request.state} />
      </header>
      <dl className="staff-facts staff-facts--inline">
        <div>
          <dt>{t("request.estimate")}</dt>
          <dd>{money(request.estimatedCents)}</dd>
        </div>
        <div>
          <dt>{t("request.today")}</dt>
          <dd>
            {eligibility?.estimate && eligibility.verdict !== "ineligible"
              ? formatMoney(eligibility.estimate.totalCents, lang)
              : eligibility
                ? t(`eligibility.verdict.${eligibility.verdict}`)
                : "—"}
          </dd>
        </div>
        <div>
          <dt>{t("request.approved")}</dt>
          <dd>
            {money(request.approvedCents)}
            {request.approvedAt && (
              <span className="staff-request__when">
                {" "}
                {t("request.approvedAt", { date: formatInstant(request.approvedAt, lang) })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("request.updated")}</dt>
          <dd>{formatDate(request.updatedAt.slice(0, 10), lang)}</dd>
        </div>
      </dl>

      <p className="staff-request__status" role="status">
        {status}
      </p>

      {request.review && (
        <GrantReview request={request} review={request.review} onDone={setStatus} />
      )}

      <BudgetLeft budget={request.budget} academicYear={application.academicYear} />

      {decisions.length > 0 && (
        <DecisionForm
          request={request}
          decisions={decisions}
          schemeName={names.scheme(request.scheme)}
          today={
            eligibility && {
              verdict: eligibility.verdict,
              estimateCents: eligibility.estimate?.totalCents ?? null,
            }
          }
          onDone={setStatus}
        />
      )}
      {instalment && <PaymentForm request={request} instalment={instalment} onDone={setStatus} />}
      {canRecalculate(request.state, request.approvedCents) && (
        <RecalculationForm request={request} application={application} />
      )}
      {hasLedger(request.approvedAt) && <LedgerTable requestId={request.id} />}
      {decisions.length === 0 &&
        !instalment &&
        !canRecalculate(request.state, request.approvedCents) && (
          <p className="staff-request__nothing">{t("request.nothingToDo")}</p>
        )}
    </article>
  );
};
