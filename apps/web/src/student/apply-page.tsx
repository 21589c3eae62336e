import "../simulator/scheme-card.css";
import "./apply-page.css";
import {
  formatMoney,
  type Lang,
  participantOf,
  type SchemeResult,
  type Situation,
  SituationSchema,
} from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiProblem } from "../api/api-problem.ts";
import { simulate } from "../api/simulation.ts";
import { useSession } from "../auth/session.ts";
import { SubmitButton } from "../shell/submit-button.tsx";
import { useDocumentTitle } from "../shell/use-document-title.ts";
import { byVerdict, VerdictBadge } from "../shell/verdict-badge.tsx";
import { splitByParticipant } from "../simulator/participant-schemes.ts";
import { PlanSummary } from "../simulator/plan-summary.tsx";
import { decodeSituation } from "../simulator/situation-link.ts";
import { SituationDetails } from "./situation-details.tsx";
import { useCreateApplication } from "./student-queries.ts";
import { useStudentTranslation } from "./student-texts.ts";

const applyRoute = getRouteApi("/student/apply");

/** The situation a link carries, checked with the schema the API applies: or why there is none. */
const situationOf = (link: string | undefined): Situation | "none" | "unreadable" => {
  if (link === undefined) return "none";
  const parsed = SituationSchema.safeParse(decodeSituation(link));
  return parsed.success ? parsed.data : "unreadable";
};

/** The grants ticked at first: those the answers make possible, or would with more answers. */
const preselected = (schemes: readonly SchemeResult[]): Set<string> =>
  new Set(schemes.filter((s) => s.verdict !== "ineligible").map((s) => s.scheme));

/**
 * `/student/apply?s=…`: "apply with these answers". The simulator's answers come in the link;
 * the student checks them, sees the grants they can apply for (simulated again, so that they
 * are today's), keeps or changes the ticks, and the application is created with the same
 * situation: nothing is typed twice. Then its page opens.
 */
export const ApplyPage = () => {
  const { t } = useStudentTranslation();
  const link = applyRoute.useSearch({ select: (search) => search.s });
  useDocumentTitle(t("apply.documentTitle"));
  const situation = useMemo(() => situationOf(link), [link]);
  const role = useSession().data?.user.role;
  // a new application must be of the account's kind (ADR 016): a student's answers cannot make
  // a member of the personnel's application, nor the other way round
  const otherParticipant =
    typeof situation !== "string" &&
    (role === "student" || role === "personnel") &&
    participantOf(situation) !== role
      ? role
      : undefined;
  return (
    <div className="student-page">
      <h1>{t("apply.title")}</h1>
      {typeof situation === "string" ? (
        <div className="notice notice--warning">
          <p>{situation === "none" ? t("apply.noLink") : t("apply.badLink")}</p>
          <Link to="/" className="button">
            {t("apply.toSimulator")}
          </Link>
        </div>
      ) : otherParticipant ? (
        <div className="notice notice--warning">
          <p>{t(`apply.otherParticipant.${otherParticipant}`)}</p>
          <Link to="/" search={{ s: link }} className="button">
            {t("apply.change")}
          </Link>
        </div>
      ) : (
        <ApplyWith situation={situation} link={link ?? ""} />
      )}
    </div>
  );
};

const ApplyWith = ({
  situation,
  link,
}: {
  readonly situation: Situation;
  readonly link: string;
}) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const simulation = useQuery({
    // the simulator's own key: the report it just showed is reused
    queryKey: ["simulation", lang, situation],
    queryFn: ({ signal }) => simulate(situation, lang, signal),
    staleTime: 5 * 60_000,
  });
  const report = simulation.data;
  return (
    <>
      <p className="student-page__lede">{t("apply.intro")}</p>
      <div className="apply">
        <section className="panel apply__answers" aria-labelledby="apply-answers">
          <h2 id="apply-answers">{t("apply.answers")}</h2>
          <SituationDetails situation={situation} headingLevel={3} />
          <p>
            <Link to="/" search={{ s: link }}>
              {t("apply.change")}
            </Link>
          </p>
        </section>
        <section className="panel apply__schemes" aria-labelledby="apply-schemes">
          <h2 id="apply-schemes">{t("apply.schemes")}</h2>
          {simulation.isPending ? (
            <p role="status">{t("apply.simulating")}</p>
          ) : simulation.isError ? (
            <div className="notice notice--error" role="alert">
              <p>{t("apply.simulationFailed")}</p>
              <button type="button" className="button" onClick={() => void simulation.refetch()}>
                {t("common.retry")}
              </button>
            </div>
          ) : report ? (
            <>
              {/* the best combination, when there is one (its "none" speaks of the simulator's questions) */}
              {report.plan.items.length > 0 && <PlanSummary report={report} />}
              <SchemeChoice situation={situation} schemes={report.schemes} />
            </>
          ) : null}
        </section>
      </div>
    </>
  );
};

/** The grants to apply for, as checkboxes, and "create my application". */
const SchemeChoice = ({
  situation,
  schemes,
}: {
  readonly situation: Situation;
  readonly schemes: readonly SchemeResult[];
}) => {
  const { t, i18n } = useStudentTranslation();
  const { t: tApp } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const create = useCreateApplication();
  const [selected, setSelected] = useState(() => preselected(schemes));
  const [pickOne, setPickOne] = useState(false);
  const firstBox = useRef<HTMLInputElement>(null);
  const id = useId();
  // the grants for this participant only: the other participant's can never be had (ADR 016)
  const sorted = byVerdict(splitByParticipant(schemes, participantOf(situation), undefined).own);

  const toggle = (scheme: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(scheme);
    else next.delete(scheme);
    setSelected(next);
    if (next.size > 0) setPickOne(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    if (selected.size === 0) {
      setPickOne(true);
      firstBox.current?.focus();
      return;
    }
    create.mutate(
      { situation, schemes: sorted.map((s) => s.scheme).filter((s) => selected.has(s)) },
      {
        onSuccess: (application) =>
          void navigate({
            to: "/student/applications/$id",
            params: { id: application.id },
            replace: true,
          }),
      },
    );
  };

  const problem = create.error;
  return (
    <form className="apply__form" noValidate onSubmit={submit}>
      <fieldset
        className="field-group picks"
        aria-describedby={pickOne ? `${id}-hint ${id}-error` : `${id}-hint`}
      >
        <legend className="field__label">{t("apply.pick")}</legend>
        <p id={`${id}-hint`} className="field__description">
          {t("apply.schemesHint")}
        </p>
        {sorted.map((scheme, i) => {
          const unmet = scheme.criteria.find((c) => c.status === "unmet");
          const noteId = `${id}-${scheme.scheme}-note`;
          return (
            <div key={scheme.scheme} className={`pick pick--${scheme.verdict}`}>
              <input
                ref={i === 0 ? firstBox : undefined}
                id={`${id}-${scheme.scheme}`}
                className="pick__input"
                type="checkbox"
                checked={selected.has(scheme.scheme)}
                onChange={(e) => toggle(scheme.scheme, e.currentTarget.checked)}
                aria-describedby={noteId}
                aria-invalid={pickOne ? true : undefined}
              />
              <label htmlFor={`${id}-${scheme.scheme}`} className="pick__label">
                <span className="pick__name">{scheme.name}</span>
                {/* an amount still waiting for answers can be 0: no figure rather than "0 €" */}
                {scheme.estimate &&
                  scheme.verdict !== "ineligible" &&
                  scheme.estimate.totalCents > 0 && (
                    <span className="pick__amount">
                      {formatMoney(scheme.estimate.totalCents, lang)}
                    </span>
                  )}
              </label>
              <p id={noteId} className="pick__note">
                <VerdictBadge
                  verdict={scheme.verdict}
                  label={tApp(`results.verdict.${scheme.verdict}`)}
                />{" "}
                {scheme.verdict === "ineligible" && unmet
                  ? t("apply.ineligible", { reason: unmet.reason })
                  : null}
              </p>
            </div>
          );
        })}
        {pickOne && (
          <p id={`${id}-error`} className="field__error">
            {t("apply.pickOne")}
          </p>
        )}
      </fieldset>
      <div role="alert">
        {problem && (
          <div className="notice notice--error">
            {problem instanceof ApiProblem && problem.status === 422 ? (
              <>
                <p>{t("apply.rejected")}</p>
                <ul>
                  {(problem.errors.length > 0
                    ? problem.errors
                    : [{ path: "", message: problem.detail ?? problem.title }]
                  ).map((f) => (
                    <li key={`${f.path}:${f.message}`}>
                      {f.path && <code>{f.path}</code>} {f.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{problem instanceof TypeError ? t("common.offline") : t("apply.failed")}</p>
            )}
          </div>
        )}
      </div>
      <SubmitButton pending={create.isPending} pendingLabel={t("apply.creating")}>
        {t("apply.create")}
      </SubmitButton>
    </form>
  );
};
