import type { Strings } from "../i18n/strings.ts";
import type { studentFr } from "./student.fr.ts";

/** The shape of the `student` texts in every language: the French keys, any strings. */
export type StudentMessages = Strings<typeof studentFr>;
