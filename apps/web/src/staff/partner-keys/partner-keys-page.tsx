import "./partner-keys-page.css";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { formatInstant } from "../../i18n/format-instant.ts";
import { useDocumentTitle } from "../../shell/use-document-title.ts";
import { LoadProblem } from "../load-problem.tsx";
import { type CreatedPartnerKey, partnerKeysQueryOptions } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { CreateKeyForm } from "./create-key-form.tsx";
import { RevokeKeyDialog } from "./revoke-key-dialog.tsx";
import { SecretDialog } from "./secret-dialog.tsx";

/**
 * The partner schools' API keys: issue one (its secret shown once, in a dialog), see which are
 * in use, revoke one (after a confirmation). The API never returns a secret again.
 */
export const PartnerKeysPage = () => {
  const { t } = useStaffTranslation();
  useDocumentTitle(t("keys.title"));
  const api = useEnvolClient();
  const names = useNames();
  const keys = useQuery(partnerKeysQueryOptions(api));
  const [created, setCreated] = useState<CreatedPartnerKey | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const listId = useId();
  const lang = names.lang;

  return (
    <section className="staff-page" aria-labelledby={headingId}>
      <h1 id={headingId}>{t("keys.title")}</h1>
      <p className="staff-page__intro">{t("keys.intro")}</p>

      <CreateKeyForm
        onCreated={(key) => {
          setDone(null);
          setCreated(key);
        }}
      />
      <SecretDialog created={created} onClose={() => setCreated(null)} />

      <h2 id={listId}>{t("keys.listTitle")}</h2>
      <p role="status" className="staff-keys__status">
        {done}
      </p>
      {keys.isPending ? (
        <p role="status">{t("keys.loading")}</p>
      ) : keys.isError ? (
        <LoadProblem error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <p>{t("keys.none")}</p>
      ) : (
        <div className="staff-table-scroll">
          <table className="staff-data-table staff-data-table--cards">
            <thead>
              <tr>
                <th scope="col">{t("keys.columns.partner")}</th>
                <th scope="col">{t("keys.columns.label")}</th>
                <th scope="col">{t("keys.columns.prefix")}</th>
                <th scope="col">{t("keys.columns.created")}</th>
                <th scope="col">{t("keys.columns.lastUsed")}</th>
                <th scope="col">{t("keys.columns.status")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("keys.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "staff-keys__revoked" : undefined}>
                  <th scope="row" data-label={t("keys.columns.partner")}>
                    {names.partner(key.partnerId)}
                  </th>
                  <td data-label={t("keys.columns.label")}>{key.label}</td>
                  <td data-label={t("keys.columns.prefix")}>
                    <code>{key.prefix}…</code>
                  </td>
                  <td data-label={t("keys.columns.created")}>
                    {formatInstant(key.createdAt, lang)}
                  </td>
                  <td data-label={t("keys.columns.lastUsed")}>
                    {key.lastUsedAt ? formatInstant(key.lastUsedAt, lang) : t("keys.neverUsed")}
                  </td>
                  <td data-label={t("keys.columns.status")}>
                    {key.revokedAt ? (
                      <span className="staff-state tone--no">
                        {t("keys.revokedOn", { date: formatInstant(key.revokedAt, lang) })}
                      </span>
                    ) : (
                      <span className="staff-state tone--ok">{t("keys.active")}</span>
                    )}
                  </td>
                  <td className="staff-data-table__actions">
                    {!key.revokedAt && (
                      <RevokeKeyDialog
                        keyToRevoke={key}
                        partnerName={names.partner(key.partnerId)}
                        onRevoked={setDone}
                      />
                    )}
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
