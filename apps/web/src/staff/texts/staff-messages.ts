import type { Strings } from "../../i18n/strings.ts";
import type { staffFr } from "./staff.fr.ts";

/** The shape of the back office's texts in every language: the French keys, any strings. */
export type StaffMessages = Strings<typeof staffFr>;
