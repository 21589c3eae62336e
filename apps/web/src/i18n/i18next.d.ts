import "i18next";
import type { authFr } from "../auth/auth.fr.ts";
import type { rulesFr } from "../rules/rules.fr.ts";
import type { personnelFr } from "../simulator/personnel/personnel.fr.ts";
import type { staffFr } from "../staff/texts/staff.fr.ts";
import type { studentFr } from "../student/student.fr.ts";
import type { fr } from "./fr.ts";

/**
 * The app's texts by namespace: the shell and the simulator (`translation`, bundled), and each
 * lazy area's own namespace (registered by its chunk, see `src/auth/area-texts.ts`).
 */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof fr;
      auth: typeof authFr;
      student: typeof studentFr;
      staff: typeof staffFr;
      rules: typeof rulesFr;
      personnel: typeof personnelFr;
    };
  }
}
