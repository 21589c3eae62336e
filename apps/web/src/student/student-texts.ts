import { useTranslation } from "react-i18next";
import { areaTexts } from "../auth/area-texts.ts";
import { studentFr } from "./student.fr.ts";

const useStudentBundle = areaTexts("student", studentFr, {
  en: () => import("./student.en.ts").then((m) => m.studentEn),
});

/** Loads the `student` texts of a language ahead (the area awaits it before its first render). */
export const loadStudentTexts = useStudentBundle.load;

/** `useTranslation("student")`, once the texts of the current language are there. */
export const useStudentTranslation = () => {
  useStudentBundle();
  return useTranslation("student");
};
