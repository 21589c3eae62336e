import "./application-page.css";
import type { Lang } from "@envol/domain";
import { getRouteApi, Link } from "@tanstack/react-router";
import { formatDate } from "../i18n/format-date.ts";
import { RoutePending } from "../shell/route-states.tsx";
import { useDocumentTitle } from "../shell/use-document-title.ts";
import { DocumentChecklist } from "./document-checklist.tsx";
import { EligibilitySummary } from "./eligibility-summary.tsx";
import { LoadError } from "./query-state.tsx";
import { RequestCard } from "./request-card.tsx";
import { SituationDetails } from "./situation-details.tsx";
import { stayDates } from "./stay-dates.ts";
import type { ApplicationDetail } from "./student-api.ts";
import { useApplication, useCalls, useSchemeNames, useStandings } from "./student-queries.ts";
import { useStudentTranslation } from "./student-texts.ts";
import { TimelineList } from "./timeline-list.tsx";
import { useDestinationName } from "./use-destination-name.ts";

const applicationRoute = getRouteApi("/student/applications/$id");

/**
 * `/student/applications/<id>`: one application — its requests and what the student may do
 * with each, the documents to provide (with uploads), its eligibility today, its history, and
 * the answers it was made with.
 */
export const ApplicationPage = () => {
  const { t } = useStudentTranslation();
  const { id } = applicationRoute.useParams();
  const application = useApplication(id);
  return (
    <div className="student-page">
      <p className="back">
        <Link to="/student/applications">
          <span aria-hidden="true">← </span>
          {t("application.back")}
        </Link>
      </p>
      {application.isPending ? (
        <>
          <DocumentTitle title={t("application.documentTitle")} />
          <RoutePending />
        </>
      ) : application.isError ? (
        <>
          <DocumentTitle title={t("application.documentTitle")} />
          <h1>{t("application.documentTitle")}</h1>
          <LoadError
            error={application.error}
            onRetry={() => void application.refetch()}
            notFound={t("application.notFound")}
          />
        </>
      ) : (
        <Application application={application.data} />
      )}
    </div>
  );
};

/** The tab's title of a page whose heading is not known yet (see `Application`'s). */
const DocumentTitle = ({ title }: { readonly title: string }) => {
  useDocumentTitle(title);
  return null;
};

const Application = ({ application }: { readonly application: ApplicationDetail }) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const destination = useDestinationName()(application.situation);
  const names = useSchemeNames().data;
  const calls = useCalls(application.academicYear).data;
  const standings = useStandings().data;
  const schemeName = (scheme: string) => names?.get(scheme) ?? scheme;
  useDocumentTitle(t("application.title", { destination }));
  const dates = stayDates(application);
  return (
    <>
      <h1>{t("application.title", { destination })}</h1>
      <p className="student-page__lede">
        {t(dates.actual ? "common.actualStay" : "common.stay", {
          start: formatDate(dates.start, lang),
          end: formatDate(dates.end, lang),
        })}{" "}
        · {t("common.year", { year: application.academicYear })}
      </p>
      <div className="application">
        <div className="application__main">
          <section className="panel" aria-labelledby="requests-title">
            <h2 id="requests-title">{t("application.requests")}</h2>
            <ul className="requests">
              {application.requests.map((request) => (
                <li key={request.id}>
                  <RequestCard
                    applicationId={application.id}
                    request={request}
                    schemeName={schemeName(request.scheme)}
                    call={calls?.get(request.scheme)}
                    standing={standings?.get(request.id)}
                  />
                </li>
              ))}
            </ul>
          </section>
          <DocumentChecklist application={application} schemeName={schemeName} />
        </div>
        <div className="application__side">
          <TimelineList application={application} schemeName={schemeName} />
          <EligibilitySummary application={application} />
          <section className="panel" aria-labelledby="answers-title">
            <h2 id="answers-title">{t("application.answers")}</h2>
            <details className="disclosure">
              <summary>{t("application.answersHint")}</summary>
              <SituationDetails situation={application.situation} headingLevel={3} />
            </details>
          </section>
        </div>
      </div>
    </>
  );
};
