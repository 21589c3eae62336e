import "./documents-table.css";
import { type FormEvent, useId, useState } from "react";
import { formatDate } from "../../i18n/format-date.ts";
import { formatInstant } from "../../i18n/format-instant.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { missingByDue } from "../../student/document-steps.ts";
import { todayIso } from "../academic-years.ts";
import { WriteProblem } from "../load-problem.tsx";
import {
  type ApplicationDetail,
  documentHref,
  requestDocument,
  reviewDocument,
} from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/**
 * The student's documents as the office works on them: what is still missing (before
 * departure, after return), each file by the label of what it answers (a download), whether it
 * was reviewed (and a button to mark it so), the office's requests for a document (answered,
 * open, overdue) and a form to ask for one.
 */
export const DocumentsTable = ({
  detail,
  headingId,
}: {
  readonly detail: Pick<
    ApplicationDetail,
    "application" | "checklist" | "documents" | "documentRequests"
  >;
  readonly headingId: string;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const { documents, checklist, documentRequests } = detail;
  const applicationId = detail.application.id;
  const size = new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 0,
  });
  const review = useStaffWrite((api, documentId: string) =>
    reviewDocument(api, applicationId, documentId),
  );
  const missing = missingByDue(checklist);
  return (
    <section aria-labelledby={headingId} className="staff-application__section">
      <h2 id={headingId}>{t("documents.title")}</h2>
      <div className="documents-missing">
        {(["before-departure", "after-return"] as const).map((due) => (
          <div key={due}>
            <h3>{t(`documents.missing.${due}`)}</h3>
            {missing[due].length === 0 ? (
              <p>{t("documents.missing.none")}</p>
            ) : (
              <ul>
                {missing[due].map((item) => (
                  <li key={item.id}>{item.label}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      {documents.length === 0 ? (
        <p>{t("documents.none")}</p>
      ) : (
        <div className="staff-table-scroll">
          <table className="staff-data-table staff-data-table--cards" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t("documents.kind")}</th>
                <th scope="col">{t("documents.file")}</th>
                <th scope="col" className="staff-numeric">
                  {t("documents.size")}
                </th>
                <th scope="col">{t("documents.uploadedAt")}</th>
                <th scope="col">{t("documents.review")}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td data-label={t("documents.kind")}>{d.label}</td>
                  <th scope="row" className="documents__file">
                    <a
                      href={documentHref(d.applicationId, d.id)}
                      download={d.fileName}
                      aria-label={t("documents.download", { name: d.fileName })}
                    >
                      {d.fileName}
                    </a>
                  </th>
                  <td className="staff-numeric" data-label={t("documents.size")}>
                    {size.format(Math.max(1, Math.round(d.sizeBytes / 1000)))}
                  </td>
                  <td data-label={t("documents.uploadedAt")}>
                    {formatInstant(d.uploadedAt, lang)}
                  </td>
                  <td data-label={t("documents.review")}>
                    {d.reviewedAt ? (
                      t("documents.reviewedAt", { date: formatInstant(d.reviewedAt, lang) })
                    ) : (
                      <button
                        type="button"
                        className="button"
                        aria-disabled={review.isPending ? true : undefined}
                        aria-label={t("documents.markReviewedName", { name: d.fileName })}
                        onClick={() => {
                          if (!review.isPending) review.mutate(d.id);
                        }}
                      >
                        {t("documents.markReviewed")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {review.error && <WriteProblem error={review.error} />}
      <h3>{t("documents.requests.title")}</h3>
      {documentRequests.length === 0 ? (
        <p>{t("documents.requests.none")}</p>
      ) : (
        <ul className="document-requests">
          {documentRequests.map((r) => (
            <li key={r.id}>
              <strong>{r.label}</strong>{" "}
              {t("documents.requests.due", { date: formatDate(r.dueDate, lang) })} ·{" "}
              <span className={r.answeredAt ? "tone--ok" : r.overdue ? "tone--no" : undefined}>
                {r.answeredAt
                  ? t("documents.requests.answered", { date: formatInstant(r.answeredAt, lang) })
                  : r.overdue
                    ? t("documents.requests.overdue")
                    : t("documents.requests.open")}
              </span>
              <p className="document-requests__message">{r.message}</p>
            </li>
          ))}
        </ul>
      )}
      <RequestDocumentForm applicationId={applicationId} checklist={checklist} />
    </section>
  );
};

const RequestDocumentForm = ({
  applicationId,
  checklist,
}: {
  readonly applicationId: string;
  readonly checklist: ApplicationDetail["checklist"];
}) => {
  const { t } = useStaffTranslation();
  const id = useId();
  const [kind, setKind] = useState(checklist[0]?.id ?? "");
  const [message, setMessage] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const write = useStaffWrite((api, body: { kind: string; message: string; dueDate: string }) =>
    requestDocument(api, applicationId, body),
  );
  if (checklist.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (write.isPending) return;
    setSent(null);
    try {
      const done = await write.mutateAsync({ kind, message, dueDate });
      setSent(t("documents.ask.sent", { label: done.label }));
      setMessage("");
    } catch {
      // the problem is shown below the form
    }
  };
  return (
    <form className="document-request-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("documents.ask.title")}</h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-kind`}>
          {t("documents.ask.kind")}
        </label>
        <select
          id={`${id}-kind`}
          className="field__input"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
        >
          {checklist.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-message`}>
          {t("documents.ask.message")}
        </label>
        <textarea
          id={`${id}-message`}
          className="field__input staff-textarea"
          rows={3}
          required
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-due`}>
          {t("documents.ask.dueDate")}
        </label>
        <input
          id={`${id}-due`}
          className="field__input"
          type="date"
          required
          min={todayIso()}
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
        />
      </div>
      <SubmitButton pending={write.isPending} pendingLabel={t("documents.ask.sending")}>
        {t("documents.ask.submit")}
      </SubmitButton>
      <p role="status">{sent}</p>
      {write.error && <WriteProblem error={write.error} />}
    </form>
  );
};
