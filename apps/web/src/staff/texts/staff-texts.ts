import { useTranslation } from "react-i18next";
import { areaTexts } from "../../auth/area-texts.ts";
import { staffFr } from "./staff.fr.ts";

const useStaffBundle = areaTexts("staff", staffFr, {
  en: () => import("./staff.en.ts").then((m) => m.staffEn),
});

/** Loads the back office's texts of a language ahead. */
export const loadStaffTexts = useStaffBundle.load;

/** `useTranslation("staff")`, once the back office's texts of the current language are there. */
export const useStaffTranslation = () => {
  useStaffBundle();
  return useTranslation("staff");
};
