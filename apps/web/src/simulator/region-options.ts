import { FRENCH_REGIONS, type Lang } from "@envol/domain";
import { localeOf } from "../i18n/language.ts";

/** France's 18 regions (the domain's `FRENCH_REGIONS`), named and sorted in `lang`, to pick the student's. */
export const regionOptions = (lang: Lang): readonly { id: string; label: string }[] => {
  const collator = new Intl.Collator(localeOf(lang));
  return Object.entries(FRENCH_REGIONS)
    .map(([id, name]) => ({ id, label: name[lang] }))
    .sort((a, b) => collator.compare(a.label, b.label));
};
