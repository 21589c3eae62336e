import "./applications-page.css";
import { formatMoney, type Lang } from "@envol/domain";
import { Link } from "@tanstack/react-router";
import { useSession } from "../auth/session.ts";
import { formatDate } from "../i18n/format-date.ts";
import { RoutePending } from "../shell/route-states.tsx";
import { useDocumentTitle } from "../shell/use-document-title.ts";
import { NextSteps } from "./next-steps.tsx";
import { LoadError } from "./query-state.tsx";
import { StateBadge } from "./state-badge.tsx";
import { stayDates } from "./stay-dates.ts";
import type { StudentApplication } from "./student-api.ts";
import { useApplications, useSchemeNames } from "./student-queries.ts";
import { useStudentTranslation } from "./student-texts.ts";
import { useDestinationName } from "./use-destination-name.ts";

/** `/student` and `/student/applications`: the student's applications, newest first, each with its requests' states. */
export const ApplicationsPage = () => {
  const { t } = useStudentTranslation();
  useDocumentTitle(t("list.title"));
  const applications = useApplications();
  // the simulator opens on the account's participant when its draft has not chosen (ADR 016)
  const simulator =
    useSession().data?.user.role === "personnel" ? ({ participant: "personnel" } as const) : {};
  return (
    <div className="student-page">
      <div className="student-page__head">
        <h1>{t("list.title")}</h1>
        <Link to="/" search={simulator} className="button button--primary">
          {t("list.new")}
        </Link>
      </div>
      <p className="student-page__lede">{t("list.intro")}</p>
      <NextSteps />
      {applications.isPending ? (
        <RoutePending />
      ) : applications.isError ? (
        <LoadError error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.length === 0 ? (
        <div className="empty">
          <p>{t("list.empty")}</p>
          <Link to="/" search={simulator} className="button button--primary">
            {t("list.toSimulator")}
          </Link>
        </div>
      ) : (
        <ul className="application-list">
          {applications.data.map((application) => (
            <li key={application.id}>
              <ApplicationSummary application={application} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

const ApplicationSummary = ({ application }: { readonly application: StudentApplication }) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const destination = useDestinationName()(application.situation);
  const names = useSchemeNames().data;
  const headingId = `application-${application.id}`;
  const dates = stayDates(application);
  return (
    <article className="application-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="application-card__title">
        <Link to="/student/applications/$id" params={{ id: application.id }}>
          {destination}
        </Link>
      </h2>
      <p className="application-card__stay">
        {t(dates.actual ? "common.actualStay" : "common.stay", {
          start: formatDate(dates.start, lang),
          end: formatDate(dates.end, lang),
        })}{" "}
        · {t("common.year", { year: application.academicYear })} ·{" "}
        {t("list.created", { date: formatDate(application.createdAt.slice(0, 10), lang) })}
      </p>
      <h3 className="visually-hidden">{t("list.requests")}</h3>
      <ul className="request-lines">
        {application.requests.map((request) => (
          <li key={request.id} className="request-line">
            <span className="request-line__scheme">
              {names?.get(request.scheme) ?? request.scheme}
            </span>
            <StateBadge state={request.state} />
            <span className="request-line__amount">
              {request.approvedCents !== null
                ? t("list.approved", { amount: formatMoney(request.approvedCents, lang) })
                : request.estimatedCents !== null
                  ? t("list.estimate", { amount: formatMoney(request.estimatedCents, lang) })
                  : null}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
};
