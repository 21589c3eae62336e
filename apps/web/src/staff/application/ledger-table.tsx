import "../../shell/eligibility.css";
import { formatMoney } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { formatInstant } from "../../i18n/format-instant.ts";
import { LoadProblem } from "../load-problem.tsx";
import { ledgerQueryOptions } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

/**
 * The money of a request, oldest line first: commitments and releases against the envelope,
 * payments, recalculations, each explained line by line (positive: committed, paid or due;
 * negative: released or to recover).
 */
export const LedgerTable = ({ requestId }: { readonly requestId: string }) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const api = useEnvolClient();
  const ledger = useQuery(ledgerQueryOptions(api, requestId));
  const captionId = useId();
  return (
    <div className="staff-ledger">
      <h4 id={captionId} className="staff-decision__title">
        {t("ledger.title")}
      </h4>
      {ledger.isPending ? (
        <p role="status">{t("ledger.loading")}</p>
      ) : ledger.isError ? (
        <LoadProblem error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : ledger.data.length === 0 ? (
        <p>{t("ledger.none")}</p>
      ) : (
        <div className="staff-table-scroll">
          <table
            className="staff-data-table staff-data-table--compact staff-data-table--cards"
            aria-labelledby={captionId}
          >
            <thead>
              <tr>
                <th scope="col">{t("ledger.kind")}</th>
                <th scope="col">{t("ledger.at")}</th>
                <th scope="col" className="staff-numeric">
                  {t("ledger.amount")}
                </th>
                <th scope="col">{t("ledger.explanation")}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.data.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    {entry.instalment
                      ? t(`ledger.instalments.${entry.instalment}`)
                      : t(`ledger.kinds.${entry.kind}`)}
                  </th>
                  <td data-label={t("ledger.at")}>{formatInstant(entry.at, lang)}</td>
                  <td className="staff-numeric" data-label={t("ledger.amount")}>
                    {formatMoney(entry.amountCents, lang)}
                  </td>
                  <td data-label={t("ledger.explanation")}>
                    <ul className="staff-ledger__lines">
                      {entry.explanation.map((line, i) => (
                        <li key={i}>
                          {t("ledger.line", {
                            label: line.label,
                            amount: formatMoney(line.amountCents, lang),
                          })}
                          {line.basis && <span className="line__basis"> ({line.basis})</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
};
