import { FRENCH_REGIONS, formatMoney, isPartnerHost } from "@envol/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../i18n/format-date.ts";
import { formatUnit } from "../../i18n/format-unit.ts";
import { teachingHoursInUse } from "../recalculation.ts";
import type { ApplicationDetail } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

type Application = ApplicationDetail["application"];

/**
 * The situation as the student submitted it, in a few lines: studies, resources, stay, travel
 * and costs; or as a member of the personnel submitted theirs: position, activity, stay, hours
 * taught, travel. An unanswered question says so (it makes criteria unknown, not false). The
 * values' words are the simulator's, where the student chose them.
 */
export const SituationSummary = ({
  application,
  headingId,
}: {
  readonly application: Application;
  readonly headingId: string;
}) => {
  const { t } = useStaffTranslation();
  const { t: tApp } = useTranslation();
  const names = useNames();
  const lang = names.lang;
  const { student = {}, mobility } = application.situation;
  const unanswered = <span className="staff-facts__unanswered">{t("situation.unanswered")}</span>;
  const yesNo = (v: boolean | undefined): ReactNode =>
    v === undefined ? unanswered : v ? t("situation.yes") : t("situation.no");
  const money = (cents: number | undefined): ReactNode =>
    cents === undefined ? unanswered : formatMoney(cents, lang);
  const p = student.programme;
  const host = mobility.host;

  const stay: [string, ReactNode][] = [
    [
      t("situation.host"),
      isPartnerHost(host)
        ? names.partner(host.partner)
        : [host.name, host.city, names.country(host.country)].filter(Boolean).join(", "),
    ],
    [
      t("situation.dates"),
      t("situation.period", {
        start: formatDate(mobility.start, lang),
        end: formatDate(mobility.end, lang),
      }),
    ],
    [
      t("situation.actualDates"),
      application.actualStartDate && application.actualEndDate
        ? t("situation.period", {
            start: formatDate(application.actualStartDate, lang),
            end: formatDate(application.actualEndDate, lang),
          })
        : t("situation.notConfirmed"),
    ],
  ];
  const { personnel } = application.situation;
  // the hours a recalculation counts: those recorded from the certificate, else those stated
  const hours = teachingHoursInUse(application);
  // a member of the personnel's situation (ADR 016): their position, activity and hours, and
  // none of a student's questions, which they were not asked
  const rows: [string, ReactNode][] = personnel
    ? [
        [t("situation.participant"), t("situation.participants.personnel")],
        [t("situation.role"), personnel.role ? t(`situation.roles.${personnel.role}`) : unanswered],
        [
          t("situation.activity"),
          personnel.activity ? t(`situation.activities.${personnel.activity}`) : unanswered,
        ],
        ...stay,
        ...(personnel.activity === "training"
          ? []
          : [
              [
                t("situation.teachingHours"),
                hours === undefined
                  ? unanswered
                  : hours.recorded
                    ? t("situation.recordedHours", { count: hours.hours })
                    : t("situation.hours", { count: hours.hours }),
              ] satisfies [string, ReactNode],
            ]),
        [t("situation.greenTravel"), yesNo(mobility.greenTravel)],
      ]
    : [
        [t("situation.participant"), t("situation.participants.student")],
        ...stay,
        [t("situation.kind"), mobility.kind ? tApp(`fields.kind.${mobility.kind}`) : unanswered],
        [
          t("situation.framework"),
          mobility.framework ? tApp(`fields.framework.options.${mobility.framework}`) : unanswered,
        ],
        [
          t("situation.programme"),
          p?.level
            ? [
                tApp(`fields.level.options.${p.level}`),
                p.year !== undefined ? t("situation.year", { year: p.year }) : null,
                p.mode ? tApp(`fields.mode.options.${p.mode}`) : null,
              ]
                .filter(Boolean)
                .join(", ")
            : unanswered,
        ],
        [t("situation.gapYear"), yesNo(p?.gapYear)],
        [
          t("situation.region"),
          student.residenceRegion
            ? (FRENCH_REGIONS[student.residenceRegion]?.[lang] ?? student.residenceRegion)
            : unanswered,
        ],
        [
          t("situation.boursier"),
          student.crous?.boursier === true && student.crous.echelon
            ? t("situation.echelon", { echelon: student.crous.echelon })
            : yesNo(student.crous?.boursier),
        ],
        [t("situation.qf"), money(student.household?.quotientFamilial)],
        [t("situation.nonTaxable"), yesNo(student.household?.nonTaxable)],
        [
          t("situation.fewerOpportunities"),
          student.fewerOpportunities
            ? (["disability", "qpv", "zrr"] as const)
                .filter((k) => student.fewerOpportunities?.[k] === true)
                .map((k) => t(`situation.opportunities.${k}`))
                .join(", ") || t("situation.none")
            : unanswered,
        ],
        [
          t("situation.erasmusDays"),
          student.history?.erasmusDaysInCycle === undefined
            ? unanswered
            : formatUnit(student.history.erasmusDaysInCycle, "day", lang),
        ],
        [t("situation.greenTravel"), yesNo(mobility.greenTravel)],
        [
          t("situation.costs"),
          mobility.costs
            ? (["transport", "visa", "insurance", "installation"] as const)
                .filter((k) => mobility.costs?.[k] !== undefined)
                .map((k) =>
                  t("situation.cost", {
                    kind: tApp(`fields.${k}.label`),
                    amount: formatMoney(mobility.costs?.[k] ?? 0, lang),
                  }),
                )
                .join(", ") || t("situation.none")
            : unanswered,
        ],
      ];

  return (
    <section aria-labelledby={headingId} className="staff-panel">
      <h2 id={headingId}>{t("situation.title")}</h2>
      <dl className="staff-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};
