import { formatInstant } from "../../i18n/format-instant.ts";
import { type ApplicationDetail, documentHref } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

/** The documents the student uploaded: what each answers, its file (a download), size and date. */
export const DocumentsTable = ({
  documents,
  headingId,
}: {
  readonly documents: ApplicationDetail["documents"];
  readonly headingId: string;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const size = new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 0,
  });
  return (
    <section aria-labelledby={headingId} className="staff-application__section">
      <h2 id={headingId}>{t("documents.title")}</h2>
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
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td data-label={t("documents.kind")}>{d.kind}</td>
                  <th scope="row">
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
