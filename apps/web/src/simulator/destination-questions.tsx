import { countryName, type Lang } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { partnersQuery } from "../api/partners.ts";
import { CityQuestion } from "./city-question.tsx";
import { countryOptions } from "./country-options.ts";
import { FieldGroup, TextQuestion } from "./form-fields.tsx";
import { NumberQuestion } from "./number-question.tsx";
import { SearchQuestion } from "./search-question.tsx";

/**
 * The destination, once the student has said how they give it: a partner searched in the
 * catalogue, or a country searched by name with a city searched in the API's gazetteer, which
 * brings its coordinates for the travel distance (or the coordinates typed by hand). Loaded with
 * the searchable list they need.
 */

/** The partner catalogue, searched by name, city, country or id; shown once it has loaded. */
export const PartnerQuestion = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const partners = useQuery(partnersQuery);
  const options = useMemo(
    () =>
      (partners.data ?? []).map((p) => ({
        id: p.id,
        label: `${p.name} — ${p.city}, ${countryName(p.country, lang)}`,
        // the catalogue's id is the partner's usual short name ("cvut", "kth", "epfl")
        keywords: p.id,
      })),
    [partners.data, lang],
  );
  if (partners.isPending)
    return (
      <p className="field__status" role="status">
        {t("fields.partner.loading")}
      </p>
    );
  if (partners.isError)
    return (
      <p className="field__status field__status--error" role="alert">
        {t("fields.partner.failed")}
      </p>
    );
  return (
    <SearchQuestion
      // the input shows the chosen partner's label: rebuilt in the new language
      key={lang}
      name="mobility.host.partner"
      question="partner"
      options={options}
      empty={t("fields.partner.empty")}
    />
  );
};

export const TypedDestination = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <>
      <SearchQuestion
        key={lang}
        name="mobility.host.country"
        question="country"
        options={countryOptions(lang)}
        empty={t("fields.country.empty")}
      />
      <CityQuestion />
      <TextQuestion name="mobility.host.name" question="hostName" autoComplete="organization" />
      <FieldGroup
        label={t("fields.coordinates.label")}
        description={t("fields.coordinates.description")}
      >
        {/* no minValue or maxValue: React Aria would clamp a coordinate out of range, which
            the form must refuse next to its field instead */}
        <NumberQuestion name="mobility.host.lat" question="lat" fractionDigits={6} />
        <NumberQuestion name="mobility.host.lon" question="lon" fractionDigits={6} />
      </FieldGroup>
    </>
  );
};
