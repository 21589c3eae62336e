import "./timeline-list.css";
import { formatMoney, type Lang } from "@envol/domain";
import { formatInstant } from "../i18n/format-instant.ts";
import { StateBadge } from "./state-badge.tsx";
import type { ApplicationDetail } from "./student-api.ts";
import { useStudentTranslation } from "./student-texts.ts";
import { type TimelineEntry, timelineEntries } from "./timeline.ts";

/** The application's history, newest first: each step, who took it and when, and its message. */
export const TimelineList = ({
  application,
  schemeName,
}: {
  readonly application: ApplicationDetail;
  readonly schemeName: (id: string) => string;
}) => {
  const { t } = useStudentTranslation();
  const entries = timelineEntries(application.history, application.requests);
  const labels = new Map(application.checklist.map((item) => [item.id, item.label]));
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <p>{t("timeline.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("timeline.empty")}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) => (
            <li key={entry.id} className={`timeline__entry timeline__entry--${entry.actor}`}>
              <Entry
                entry={entry}
                schemeName={schemeName}
                documentLabel={(k) => labels.get(k) ?? k}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};

const Entry = ({
  entry,
  schemeName,
  documentLabel,
}: {
  readonly entry: TimelineEntry;
  readonly schemeName: (id: string) => string;
  readonly documentLabel: (kind: string) => string;
}) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  return (
    <>
      <p className="timeline__what">
        <strong>{t(`timeline.actions.${entry.action}`)}</strong>
        {entry.scheme && <> — {schemeName(entry.scheme)}</>}
      </p>
      <p className="timeline__when">
        {t("timeline.by", {
          actor: t(`timeline.actors.${entry.actor}`),
          date: formatInstant(entry.at, lang),
        })}
      </p>
      {entry.to && entry.action !== "other" && (
        <p className="timeline__detail">
          <StateBadge state={entry.to} />
        </p>
      )}
      {entry.schemes && (
        <p className="timeline__detail">
          {t("timeline.schemes", { schemes: entry.schemes.map(schemeName).join(", ") })}
        </p>
      )}
      {entry.amountAfter !== undefined && (
        <p className="timeline__detail">
          {entry.amountBefore === undefined
            ? t("timeline.amount", { amount: formatMoney(entry.amountAfter, lang) })
            : t("timeline.amountChange", {
                before: formatMoney(entry.amountBefore, lang),
                after: formatMoney(entry.amountAfter, lang),
              })}
        </p>
      )}
      {entry.fileName && (
        <p className="timeline__detail">
          {t("timeline.document", {
            label: entry.documentKind ? documentLabel(entry.documentKind) : "",
            name: entry.fileName,
          })}
        </p>
      )}
      {entry.reason && (
        <figure className="timeline__message">
          <figcaption className="visually-hidden">{t("timeline.message")}</figcaption>
          <blockquote>{entry.reason}</blockquote>
        </figure>
      )}
    </>
  );
};
