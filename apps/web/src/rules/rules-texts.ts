import type { Lang } from "@envol/domain";
import { use } from "react";
import { useTranslation } from "react-i18next";
import { areaTexts } from "../auth/area-texts.ts";
import { rulesFr } from "./rules.fr.ts";

const rulesBundle = areaTexts("rules", rulesFr, {
  en: () => import("./rules.en.ts").then((m) => m.rulesEn),
});

/**
 * The `rules` texts in the page's language, the one its address says (`/regles`, `/rules`),
 * whatever the app's language is while it follows: they are loaded first (suspending).
 */
export const useRulesTranslation = (lang: Lang) => {
  use(rulesBundle.load(lang));
  const { i18n } = useTranslation("rules");
  return { t: i18n.getFixedT(lang, "rules"), lang };
};
