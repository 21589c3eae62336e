import "./request-card.css";
import { formatMoney, type Lang } from "@envol/domain";
import { Link } from "@tanstack/react-router";
import { useMemo, useRef, useState } from "react";
import type { PublicCall } from "../api/calls.ts";
import { formatDate } from "../i18n/format-date.ts";
import { todayIso } from "../staff/academic-years.ts";
import { actionRefusal } from "./action-refusal.ts";
import { AgreementText } from "./agreement-text.tsx";
import { callActions, stateHelpShown } from "./call-actions.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { StateBadge } from "./state-badge.tsx";
import type { Standing, StudentAction, StudentRequest } from "./student-api.ts";
import { useRequestAction } from "./student-queries.ts";
import { useStudentTranslation } from "./student-texts.ts";

/** The longest reason the API takes with a withdrawal. */
const MAX_REASON = 2000;

/**
 * One request of the application: its grant, its state and what it means, the amounts
 * (estimated when applying, approved), and what the student may do now (the API says which):
 * submit at once; withdraw (with an optional reason) and sign the agreement after a question.
 * A request still to send under an office's call (ADR 018) shows the call's window; outside
 * it, the card says so with the dates and offers no "send" (the API would refuse it, 409
 * `call-closed`, whose words are shown if the window closes while the page is open).
 */
export const RequestCard = ({
  applicationId,
  request,
  schemeName,
  call,
  standing,
}: {
  readonly applicationId: string;
  readonly request: StudentRequest;
  readonly schemeName: string;
  /** The office's call for the request's scheme and year, if it opened one. */
  readonly call?: PublicCall | undefined;
  /** The request's rank in its call's allocation, once the office applied it. */
  readonly standing?: Standing | undefined;
}) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const act = useRequestAction(applicationId);
  const [done, setDone] = useState<StudentAction | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `request-${request.id}`;
  const today = useMemo(() => todayIso(), []);
  const { window: callState, actions } = callActions(request.actions, call, today);

  const run = (action: StudentAction, reason?: string) => {
    if (act.isPending) return;
    setDone(null);
    act.mutate(
      { requestId: request.id, action, reason },
      {
        onSuccess: () => {
          setDone(action);
          // the button pressed may be gone with the new state: the focus stays on the request
          heading.current?.focus();
        },
      },
    );
  };

  const refusal = act.error && actionRefusal(act.error);
  return (
    <article className="request" aria-labelledby={headingId}>
      <header className="request__header">
        <h3 id={headingId} ref={heading} tabIndex={-1} className="request__name">
          {schemeName}
        </h3>
        <StateBadge state={request.state} />
      </header>
      {stateHelpShown(request.state, callState) && (
        <p className="request__help">{t(`stateHelp.${request.state}`)}</p>
      )}
      <dl className="request__amounts">
        <div>
          <dt>{t("common.estimate")}</dt>
          <dd>
            {request.estimatedCents === null
              ? t("common.noAmount")
              : formatMoney(request.estimatedCents, lang)}
          </dd>
        </div>
        {request.approvedCents !== null && (
          <div>
            <dt>{t("common.approved")}</dt>
            <dd className="request__approved">{formatMoney(request.approvedCents, lang)}</dd>
          </div>
        )}
      </dl>
      {standing && (
        <div className="request__standing">
          <h4>{t("standing.title")}</h4>
          <p>{standing.explanation}</p>
        </div>
      )}
      {call && callState && (
        <p className={callState === "open" ? "request__call" : "notice notice--warning"}>
          {t(`call.${callState}`, {
            scheme: schemeName,
            year: call.academicYear,
            opens: formatDate(call.opensOn, lang),
            closes: formatDate(call.closesOn, lang),
          })}
        </p>
      )}
      {actions.length > 0 && (
        <div className="request__actions">
          {actions.map((action) =>
            action === "submit" ? (
              <button
                key={action}
                type="button"
                className="button button--primary"
                aria-disabled={act.isPending ? true : undefined}
                onClick={() => run("submit")}
              >
                {t("application.actions.submit")}
              </button>
            ) : action === "withdraw" ? (
              <ConfirmDialog
                key={action}
                trigger={t("application.actions.withdraw")}
                title={t("withdraw.title", { scheme: schemeName })}
                body={<p>{t("withdraw.body")}</p>}
                reason={{
                  label: t("withdraw.reason"),
                  description: t("withdraw.reasonHint"),
                  maxLength: MAX_REASON,
                }}
                confirm={t("withdraw.confirm")}
                cancel={t("withdraw.cancel")}
                onConfirm={(reason) => run("withdraw", reason)}
              />
            ) : (
              <ConfirmDialog
                key={action}
                trigger={t("application.actions.sign-agreement")}
                title={t("sign.title", { scheme: schemeName })}
                body={
                  <>
                    <AgreementText applicationId={applicationId} requestId={request.id} />
                    <p>
                      {t("sign.body", {
                        amount: formatMoney(request.approvedCents ?? 0, lang),
                      })}
                    </p>
                  </>
                }
                confirm={t("sign.confirm")}
                cancel={t("sign.cancel")}
                onConfirm={() => run("sign-agreement")}
              />
            ),
          )}
        </div>
      )}
      <p role="status" className="request__status">
        {act.isPending
          ? t("application.working")
          : done && t(`application.done.${done}`, { scheme: schemeName })}
      </p>
      {refusal && (
        <p role="alert" className="notice notice--error">
          {refusal.kind === "changed" ? (
            t("application.conflict")
          ) : refusal.kind === "explained" ? (
            <>
              {refusal.detail}
              {refusal.otherApplicationId !== undefined && (
                <>
                  {" "}
                  <Link to="/student/applications/$id" params={{ id: refusal.otherApplicationId }}>
                    {t("application.openOther")}
                  </Link>
                </>
              )}
            </>
          ) : refusal.kind === "offline" ? (
            t("common.offline")
          ) : (
            t("application.actionFailed", { reason: refusal.reason })
          )}
        </p>
      )}
    </article>
  );
};
