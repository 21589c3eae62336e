import { Link } from "@tanstack/react-router";
import { formatDate } from "../../i18n/format-date.ts";
import type { ApplicationDetail } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { StateBadge } from "../state-badge.tsx";
import { useStaffTranslation } from "../texts/staff-texts.ts";

type Overlapping = ApplicationDetail["overlapping"];

/** The API's rows (one per request, earliest stay first) grouped by application, in order. */
const byApplication = (rows: Overlapping) => {
  const groups = new Map<string, Overlapping[number][]>();
  for (const row of rows)
    groups.set(row.applicationId, [...(groups.get(row.applicationId) ?? []), row]);
  return [...groups.values()];
};

/**
 * The student's other applications whose planned stay shares days with this one: each with its
 * dates (a link to it) and its requests' schemes and states, so that the office never funds the
 * same stay twice unknowingly.
 */
export const OverlappingApplications = ({
  overlapping,
  headingId,
}: {
  readonly overlapping: Overlapping;
  readonly headingId: string;
}) => {
  const { t } = useStaffTranslation();
  const names = useNames();
  return (
    <section aria-labelledby={headingId} className="staff-panel">
      <h2 id={headingId}>{t("application.overlapping.title")}</h2>
      {overlapping.length === 0 ? (
        <p>{t("application.overlapping.none")}</p>
      ) : (
        <>
          <p>{t("application.overlapping.hint")}</p>
          <ul className="staff-overlapping">
            {byApplication(overlapping).map((requests) => {
              const first = requests[0] as Overlapping[number];
              return (
                <li key={first.applicationId}>
                  <Link to="/staff/applications/$id" params={{ id: first.applicationId }}>
                    {t("application.overlapping.stay", {
                      start: formatDate(first.startDate, names.lang),
                      end: formatDate(first.endDate, names.lang),
                    })}
                  </Link>
                  <ul>
                    {requests.map((r) => (
                      <li key={r.requestId}>
                        {names.scheme(r.scheme)} <StateBadge state={r.state} />
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
};
