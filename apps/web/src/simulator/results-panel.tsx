import "./results-panel.css";
import {
  calendarDays,
  formatMoney,
  type Lang,
  type Participant,
  participantOf,
  type SchemeResult,
  type SimulationReport,
  type Situation,
} from "@envol/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { schemesQuery } from "../api/schemes.ts";
import { SimulationRejected, simulate } from "../api/simulation.ts";
import { loadForCurrentLanguage } from "../auth/area-texts.ts";
import { formatDate } from "../i18n/format-date.ts";
import { formatUnit } from "../i18n/format-unit.ts";
import { byVerdict } from "../shell/verdict-badge.tsx";
import { ExampleNotice } from "./example-notice.tsx";
import { MissingQuestions } from "./missing-questions.tsx";
import { splitByParticipant } from "./participant-schemes.ts";
import { loadPersonnelTexts, usePersonnelTranslation } from "./personnel/personnel-texts.ts";
import { PlanSummary } from "./plan-summary.tsx";
import { announcementOf } from "./plan-view.ts";
import { SchemeCard } from "./scheme-card.tsx";
import { ShareLink } from "./share-link.tsx";
import { encodeSituation } from "./situation-link.ts";

// the personnel's texts (their questions' names, the line about the other schemes) before the
// results' first render (French comes with the chunk)
await loadForCurrentLanguage(loadPersonnelTexts);

export interface ResultsPanelProps {
  /** The last valid situation, or undefined before there is one. */
  readonly situation: Situation | undefined;
  /** The answers as they are now, valid or not: what a shared link reopens. */
  readonly answers: unknown;
  /** The answers on screen are not valid: the results are those of the previous ones. */
  readonly stale: boolean;
  readonly onAnswer: (path: string) => void;
  /** The answers are an example's, shown without being kept (`situation-draft.ts`). */
  readonly example?: boolean;
}

/**
 * Whom each scheme funds, by id. A function of the module, not of the render: a selector made
 * anew at each render runs again each time, and a new Map is a new result, which re-renders the
 * panel, which makes a new selector… a loop of hundreds of renders a second that also kept
 * React from ever showing a chunk it had loaded.
 */
const participantsById = (
  schemes: readonly { readonly id: string; readonly participant: Participant }[],
): ReadonlyMap<string, Participant> => new Map(schemes.map((s) => [s.id, s.participant]));

/**
 * The results, next to the form: the best combination on top, then one card per scheme for the
 * participant (the eligible ones first), and one line naming the other participant's schemes
 * (`participant-schemes.ts`). They are computed by the API for the last valid answers, in the
 * student's language; the previous results stay on screen while the next ones load, and a
 * polite live region says when they change.
 */
export const ResultsPanel = ({
  situation,
  answers,
  stale,
  onAnswer,
  example = false,
}: ResultsPanelProps) => {
  const { t, i18n } = useTranslation();
  // after a change of language, the personnel's texts in the new one (suspending at the top)
  usePersonnelTranslation();
  const lang = i18n.language as Lang;
  const simulation = useQuery({
    queryKey: ["simulation", lang, situation],
    queryFn: ({ signal }) => simulate(situation as Situation, lang, signal),
    enabled: situation !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const report = situation ? simulation.data : undefined;
  const fetching = simulation.isFetching;
  const error = simulation.error;

  // whom each scheme funds, from the catalogue (read once a visit, as the student area does)
  const catalogue = useQuery({
    ...schemesQuery(lang),
    select: participantsById,
  }).data;
  const participant = situation ? participantOf(situation) : "student";
  const { own, others } = useMemo(
    () => splitByParticipant(report?.schemes ?? [], participant, catalogue),
    [report, participant, catalogue],
  );
  // the questions of the participant's own schemes: a teacher is not asked a student's
  const missing = own.flatMap((s) => s.missing);
  const schemes = byVerdict(own);
  const announcement = useAnnouncement(report, own, lang);

  return (
    <section
      id="results"
      className="results"
      aria-labelledby="results-title"
      aria-busy={fetching}
      tabIndex={-1}
    >
      <div className="results__heading">
        <h2 id="results-title">{t("results.title")}</h2>
        {fetching && report && <span className="results__updating">{t("results.updating")}</span>}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>

      {example && <ExampleNotice lang={lang} />}
      {error && <ResultsError error={error} onRetry={() => void simulation.refetch()} />}
      {stale && report && <p className="notice notice--warning">{t("results.stale")}</p>}

      {!situation && <p className="results__waiting">{t("results.waiting")}</p>}
      {situation && !report && fetching && (
        <p className="results__waiting">{t("results.loading")}</p>
      )}

      {situation && report && (
        <>
          <p className="results__stay">
            {participant === "personnel"
              ? // a member of the personnel's stay counts activity days, both ends included: the
                // report's fundedDays (30-day months) is a student's notion
                t("results.stay", {
                  ns: "personnel",
                  start: formatDate(situation.mobility.start, lang),
                  end: formatDate(situation.mobility.end, lang),
                  duration: formatUnit(
                    calendarDays(situation.mobility.start, situation.mobility.end),
                    "day",
                    lang,
                  ),
                  year: report.academicYear,
                })
              : t("results.stay", {
                  start: formatDate(situation.mobility.start, lang),
                  end: formatDate(situation.mobility.end, lang),
                  duration: formatUnit(report.fundedDays, "day", lang),
                  year: report.academicYear,
                })}{" "}
            {report.distanceKm === null
              ? t("results.noDistance")
              : t("results.distance", {
                  distance: formatUnit(report.distanceKm, "kilometer", lang),
                })}
          </p>
          <PlanSummary report={report} onAnswer={onAnswer} />
          <div className="results__actions">
            <Link
              to="/student/apply"
              search={{ s: encodeSituation(situation) }}
              className="button button--primary"
              aria-describedby="apply-hint"
            >
              {t("results.apply")}
            </Link>
            <p id="apply-hint" className="results__hint">
              {t("results.applyHint")}
            </p>
            <ShareLink answers={answers} />
          </div>
          {missing.length > 0 && (
            <MissingQuestions paths={missing} onAnswer={onAnswer} variant="summary" />
          )}
          <div className="schemes">
            {schemes.map((scheme) => (
              <SchemeCard key={scheme.scheme} scheme={scheme} onAnswer={onAnswer} />
            ))}
          </div>
          {others.length > 0 && (
            <OtherParticipantSchemes
              participant={participant}
              names={others.map((s) => s.name)}
              lang={lang}
            />
          )}
        </>
      )}
    </section>
  );
};

/** The line naming the schemes that fund the other kind of participant. */
const OtherParticipantSchemes = ({
  participant,
  names,
  lang,
}: {
  readonly participant: Participant;
  readonly names: readonly string[];
  readonly lang: Lang;
}) => {
  const { t } = usePersonnelTranslation();
  const list = new Intl.ListFormat(lang, { type: "conjunction" }).format(names);
  return (
    <p className="results__others">
      {participant === "personnel"
        ? t("results.otherStudent", { names: list })
        : t("results.otherPersonnel", { names: list })}
    </p>
  );
};

/**
 * One sentence for screen readers each time a new report arrives, saying what the plan summary
 * and the cards show (`announcementOf`): "up to" while questions are open.
 */
const useAnnouncement = (
  report: SimulationReport | undefined,
  own: readonly SchemeResult[],
  lang: Lang,
): string => {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!report) return;
    const { totalCents, upTo, possible } = announcementOf(report, own);
    const total = formatMoney(totalCents, lang);
    setAnnouncement(
      t("results.announce", {
        total: upTo ? t("results.plan.upToAmount", { amount: total }) : total,
        eligible: possible,
      }),
    );
  }, [report, own, lang, t]);
  return announcement;
};

const ResultsError = ({
  error,
  onRetry,
}: {
  readonly error: unknown;
  readonly onRetry: () => void;
}) => {
  const { t } = useTranslation();
  if (error instanceof SimulationRejected)
    return (
      <div className="notice notice--error" role="alert">
        <p>{t("results.rejected")}</p>
        <ul>
          {error.fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              {f.path && <code>{f.path}</code>} {f.message}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="notice notice--error" role="alert">
      <p>{error instanceof TypeError ? t("results.offline") : t("results.failed")}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("results.retry")}
      </button>
    </div>
  );
};
