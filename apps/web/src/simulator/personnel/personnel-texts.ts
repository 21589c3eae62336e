import { useTranslation } from "react-i18next";
import { areaTexts } from "../../auth/area-texts.ts";
import { personnelFr } from "./personnel.fr.ts";

const usePersonnelBundle = areaTexts("personnel", personnelFr, {
  en: () => import("./personnel.en.ts").then((m) => m.personnelEn),
});

/**
 * Loads the `personnel` texts of a language ahead: the chunks that show them await it before
 * their first render, so that their pages do not wait for them a second time.
 */
export const loadPersonnelTexts = usePersonnelBundle.load;

/**
 * `useTranslation("personnel")`, once the texts of the current language are there: the
 * personnel's questions, and the results' line about the schemes of the other participant.
 */
export const usePersonnelTranslation = () => {
  usePersonnelBundle();
  return useTranslation("personnel");
};
