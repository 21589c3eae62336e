import { countryName, type Lang } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { partnersQuery } from "../api/partners.ts";
import { schemesQuery } from "../api/schemes.ts";

/**
 * The names behind the ids the staff routes return: schemes (from the catalogue, in the
 * current language), partner schools and countries. Until the catalogues arrive, or for an id
 * they do not know, the id itself.
 */
export const useNames = () => {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const schemes = useQuery(schemesQuery(lang));
  const partners = useQuery(partnersQuery);
  return useMemo(() => {
    const schemeNames = new Map((schemes.data ?? []).map((s) => [s.id, s.name]));
    const partnerNames = new Map((partners.data ?? []).map((p) => [p.id, p.name]));
    return {
      lang,
      schemes: schemes.data ?? [],
      partners: partners.data ?? [],
      scheme: (id: string) => schemeNames.get(id) ?? id,
      partner: (id: string) => partnerNames.get(id) ?? id,
      country: (code: string) => countryName(code, lang),
    };
  }, [lang, schemes.data, partners.data]);
};

export type Names = ReturnType<typeof useNames>;
