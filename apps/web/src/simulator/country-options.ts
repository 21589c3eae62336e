import { COUNTRY_CODES, countryName, type Lang } from "@envol/domain";
import { localeOf } from "../i18n/language.ts";

const cache = new Map<Lang, readonly { id: string; label: string }[]>();

/** Every country, named and sorted in `lang` ("Allemagne" before "Autriche"), to pick a destination. */
export const countryOptions = (lang: Lang): readonly { id: string; label: string }[] => {
  let options = cache.get(lang);
  if (!options) {
    const collator = new Intl.Collator(localeOf(lang));
    options = [...COUNTRY_CODES]
      .map((id) => ({ id, label: countryName(id, lang) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    cache.set(lang, options);
  }
  return options;
};
