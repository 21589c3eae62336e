import { useTranslation } from "react-i18next";
import { areaTexts } from "./area-texts.ts";
import { authFr } from "./auth.fr.ts";

const useAuthBundle = areaTexts("auth", authFr, {
  en: () => import("./auth.en.ts").then((m) => m.authEn),
});

/** Loads the `auth` texts of a language ahead (an area awaits it before its first render). */
export const loadAuthTexts = useAuthBundle.load;

/** `useTranslation("auth")`, once the texts of the current language are there. */
export const useAuthTranslation = () => {
  useAuthBundle();
  return useTranslation("auth");
};
