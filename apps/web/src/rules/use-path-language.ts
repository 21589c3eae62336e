import type { Lang } from "@envol/domain";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isLang } from "../i18n/language.ts";
import { rulesAddress } from "./rules-address.ts";

/**
 * A rule page's language is its address's: arriving on `/rules` switches the app to English
 * (the routes' `beforeLoad`, `router.tsx`), and choosing the other language with the switch
 * while on a rule page goes to the same page's other address (`/regles/erasmus` ⇄
 * `/rules/erasmus`), so that the address always says what the page is written in.
 */
export const usePathLanguage = (lang: Lang, scheme?: string): void => {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const current = i18n.language;
  useEffect(() => {
    if (isLang(current) && current !== lang) void navigate({ href: rulesAddress(current, scheme) });
  }, [lang, current, scheme, navigate]);
};
