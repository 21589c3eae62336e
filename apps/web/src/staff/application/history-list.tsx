import "./history-list.css";
import { formatMoney, REQUEST_STATES, type RequestState } from "@envol/domain";
import { formatDate } from "../../i18n/format-date.ts";
import { formatInstant } from "../../i18n/format-instant.ts";
import { historyActionOf, hostStatementOf, stateChangeOf } from "../history.ts";
import type { ApplicationDetail } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

const isState = (s: string | null): s is RequestState =>
  s !== null && (REQUEST_STATES as readonly string[]).includes(s);

/**
 * What happened to the application, its requests and its documents, oldest first: when, who,
 * what (the request's scheme, the change of state, an amount approved) and why.
 */
export const HistoryList = ({
  detail,
  headingId,
}: {
  readonly detail: ApplicationDetail;
  readonly headingId: string;
}) => {
  const { t } = useStaffTranslation();
  const names = useNames();
  const schemeOfRequest = new Map(detail.requests.map((r) => [r.id, r.scheme]));
  const who = (actor: ApplicationDetail["history"][number]["actor"]) =>
    actor.kind === "student" && detail.student?.id === actor.id
      ? detail.student.name
      : t(`history.actors.${actor.kind}`);
  return (
    <section aria-labelledby={headingId} className="staff-application__section">
      <h2 id={headingId}>{t("history.title")}</h2>
      {detail.history.length === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        <ol className="staff-history">
          {detail.history.map((event) => {
            const action = historyActionOf(event.action);
            const change = stateChangeOf(event.before, event.after);
            const scheme = schemeOfRequest.get(event.entityId);
            const approved = (event.after as { approvedCents?: unknown } | null)?.approvedCents;
            // an approval the rules would refuse, taken by the office's override: its reason
            const overridden =
              (event.after as { override?: unknown } | null)?.override !== undefined;
            const host = action === "host-decision" ? hostStatementOf(event.after) : null;
            return (
              <li key={event.id} className="staff-history__event">
                <span className="staff-history__when">{formatInstant(event.at, names.lang)}</span>
                <span className="staff-history__what">
                  <strong>{action ? t(`history.actions.${action}`) : event.action}</strong>
                  {scheme && ` — ${names.scheme(scheme)}`}
                  {change && isState(change.to) && (
                    <>
                      {" "}
                      (
                      {change.from && isState(change.from)
                        ? t("history.change", {
                            from: t(`states.${change.from}`),
                            to: t(`states.${change.to}`),
                          })
                        : t(`states.${change.to}`)}
                      )
                    </>
                  )}
                  {host && (
                    <>
                      {` — ${t(`history.host.${host.decision}`)}`}
                      {host.actualArrivalDate &&
                        host.actualDepartureDate &&
                        ` (${t("history.actualDates", {
                          from: formatDate(host.actualArrivalDate, names.lang),
                          to: formatDate(host.actualDepartureDate, names.lang),
                        })})`}
                    </>
                  )}
                  {typeof approved === "number" && change?.to === "approved" && (
                    <> {t("history.amount", { amount: formatMoney(approved, names.lang) })}</>
                  )}
                </span>
                <span className="staff-history__who">
                  {t("history.by", { who: who(event.actor) })}
                </span>
                {event.reason && (
                  <span className="staff-history__reason">
                    {host
                      ? t("history.comment", { comment: event.reason })
                      : overridden
                        ? t("history.override", { reason: event.reason })
                        : t("history.reason", { reason: event.reason })}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};
