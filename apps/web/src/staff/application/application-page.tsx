import "./application-page.css";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useId } from "react";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { formatDate } from "../../i18n/format-date.ts";
import { useDocumentTitle } from "../../shell/use-document-title.ts";
import { LoadProblem } from "../load-problem.tsx";
import { type ApplicationDetail, applicationQueryOptions } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { DocumentsTable } from "./documents-table.tsx";
import { EligibilityReport } from "./eligibility-report.tsx";
import { HistoryList } from "./history-list.tsx";
import { OverlappingApplications } from "./overlapping-applications.tsx";
import { RequestPanel } from "./request-panel.tsx";
import { SituationSummary } from "./situation-summary.tsx";

const applicationRoute = getRouteApi("/staff/applications/$id");

/**
 * `/staff/applications/<id>`: one application, for the office to decide: who and where, each request with its money and
 * the decisions open on it, the student's other applications whose stay overlaps this one, the eligibility report computed today, the documents and the
 * history. Its report is in the reader's language (the API writes it).
 */
export const ApplicationPage = () => {
  const { t } = useStaffTranslation();
  const { id } = applicationRoute.useParams();
  const api = useEnvolClient();
  const names = useNames();
  const detail = useQuery(applicationQueryOptions(api, id, names.lang));
  const headingId = useId();
  const studentName = detail.data?.student?.name ?? "";
  useDocumentTitle(
    studentName ? t("application.documentTitle", { name: studentName }) : t("application.title"),
  );

  return (
    <section className="staff-page" aria-labelledby={headingId}>
      <p className="staff-page__back">
        <Link to="/staff/queue">{t("application.back")}</Link>
      </p>
      {detail.isPending ? (
        <>
          <h1 id={headingId}>{t("application.title")}</h1>
          <p role="status">{t("application.loading")}</p>
        </>
      ) : detail.isError ? (
        <>
          <h1 id={headingId}>{t("application.title")}</h1>
          <LoadProblem error={detail.error} onRetry={() => void detail.refetch()} />
        </>
      ) : (
        <ApplicationView detail={detail.data} headingId={headingId} />
      )}
    </section>
  );
};

type Detail = ApplicationDetail;

const ApplicationView = ({
  detail,
  headingId,
}: {
  readonly detail: Detail;
  readonly headingId: string;
}) => {
  const { t } = useStaffTranslation();
  const names = useNames();
  const { application, student } = detail;
  const lang = names.lang;
  const estimateOf = (scheme: string) =>
    detail.eligibility.report?.schemes.find((s) => s.scheme === scheme) ?? null;
  return (
    <>
      <h1 id={headingId}>
        {student ? t("application.heading", { name: student.name }) : t("application.title")}
      </h1>
      <p className="staff-application__lede">
        {t("application.lede", {
          destination: application.hostPartnerId
            ? `${names.partner(application.hostPartnerId)} (${names.country(application.destinationCountry)})`
            : names.country(application.destinationCountry),
          start: formatDate(application.startDate, lang),
          end: formatDate(application.endDate, lang),
          year: application.academicYear,
        })}
      </p>

      <div className="staff-application__grid">
        <div className="staff-application__main">
          <section aria-labelledby={`${headingId}-requests`} className="staff-application__section">
            <h2 id={`${headingId}-requests`}>{t("application.requests.title")}</h2>
            {detail.requests.length === 0 ? (
              <p>{t("application.requests.none")}</p>
            ) : (
              detail.requests.map((request) => (
                <RequestPanel
                  key={request.id}
                  request={request}
                  application={application}
                  eligibility={estimateOf(request.scheme)}
                />
              ))
            )}
          </section>
        </div>

        <div className="staff-application__side">
          <section aria-labelledby={`${headingId}-student`} className="staff-panel">
            <h2 id={`${headingId}-student`}>{t("application.student.title")}</h2>
            {student ? (
              <dl className="staff-facts">
                <div>
                  <dt>{t("application.student.name")}</dt>
                  <dd>{student.name}</dd>
                </div>
                <div>
                  <dt>{t("application.student.email")}</dt>
                  <dd>
                    <a href={`mailto:${student.email}`}>{student.email}</a>
                  </dd>
                </div>
                <div>
                  <dt>{t("application.student.lang")}</dt>
                  <dd>{t(`application.student.langs.${student.lang}`)}</dd>
                </div>
              </dl>
            ) : (
              <p>{t("application.student.unknown")}</p>
            )}
          </section>
          <OverlappingApplications
            overlapping={detail.overlapping}
            headingId={`${headingId}-overlapping`}
          />
          <SituationSummary application={application} headingId={`${headingId}-situation`} />
        </div>
      </div>

      <EligibilityReport
        eligibility={detail.eligibility}
        participant={detail.application.participant}
        headingId={`${headingId}-eligibility`}
      />
      <DocumentsTable detail={detail} headingId={`${headingId}-documents`} />
      <HistoryList detail={detail} headingId={`${headingId}-history`} />
    </>
  );
};
