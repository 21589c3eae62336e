import "./situation-details.css";
import { countryName, FRENCH_REGIONS, formatMoney, type Lang, type Situation } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { partnersQuery } from "../api/partners.ts";
import { formatDate } from "../i18n/format-date.ts";
import { formatUnit } from "../i18n/format-unit.ts";
import { localeOf } from "../i18n/language.ts";
import { usePersonnelTranslation } from "../simulator/personnel/personnel-texts.ts";
import { type SummaryRow, type SummaryValue, situationSummary } from "./situation-summary.ts";

/**
 * The answers of a situation, as the simulator asked them: the stay, then the student, each
 * question's label beside the answer (in the simulator's own words, `translation` namespace).
 */
export const SituationDetails = ({
  situation,
  headingLevel,
}: {
  readonly situation: Situation;
  /** The level of the two groups' headings (h3 under a section's h2). */
  readonly headingLevel: 3 | 4;
}) => {
  const { t } = useTranslation();
  // a member of the personnel's questions have their texts in their own namespace
  usePersonnelTranslation();
  const summary = situationSummary(situation);
  const situationRows = summary.personnel.length > 0 ? summary.personnel : summary.student;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="answers">
      <div className="answers__group">
        <Heading className="answers__title">{t("simulator.steps.mobility")}</Heading>
        <Rows rows={summary.stay} />
      </div>
      {situationRows.length > 0 && (
        <div className="answers__group">
          <Heading className="answers__title">{t("simulator.steps.situation")}</Heading>
          <Rows rows={situationRows} />
        </div>
      )}
    </div>
  );
};

const Rows = ({ rows }: { readonly rows: readonly SummaryRow[] }) => {
  const { t } = useTranslation();
  const write = useWriteValue();
  return (
    <dl className="answers__list">
      {rows.map((row) => (
        <div key={row.key} className="answers__row">
          <dt>
            {row.ns ? t(`fields.${row.key}.label`, { ns: row.ns }) : t(`fields.${row.key}.label`)}
          </dt>
          <dd>{write(row.value)}</dd>
        </div>
      ))}
    </dl>
  );
};

/** An answer written in the current language. */
const useWriteValue = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const partners = useQuery(partnersQuery);
  return (value: SummaryValue): string => {
    switch (value.kind) {
      case "partner": {
        const partner = partners.data?.find((p) => p.id === value.id);
        return partner
          ? `${partner.name} (${partner.city}, ${countryName(partner.country, lang)})`
          : value.id;
      }
      case "text":
        return value.text;
      case "country":
        return countryName(value.code, lang);
      case "date":
        return formatDate(value.iso, lang);
      case "yesNo":
        return t(value.yes ? "simulator.answer.yes" : "simulator.answer.no");
      case "option":
        // the key comes from `situationSummary`, whose test checks it exists in both languages
        return value.ns
          ? t(value.key as "fields.role.options.teaching", { ns: value.ns })
          : t(value.key as "fields.kind.study");
      case "echelon":
        return t("fields.echelon.option", { echelon: value.echelon });
      case "region":
        return FRENCH_REGIONS[value.code]?.[lang] ?? value.code;
      case "money":
        return formatMoney(value.cents, lang);
      case "days":
        return formatUnit(value.days, "day", lang);
      case "number":
        return new Intl.NumberFormat(localeOf(lang)).format(value.value);
      case "hours":
        return new Intl.NumberFormat(localeOf(lang), {
          style: "unit",
          unit: "hour",
          unitDisplay: "long",
        }).format(value.hours);
    }
  };
};
