/**
 * The institution configuration: the one place a scheme is registered. It names the home
 * institution (rulebook §0) and lists its funding plugins, each with its options (every option
 * defaults to the rulebook's figure: set here only what the school decided differently).
 *
 * To add a scheme: `pnpm new-plugin <id>`, then one line below (and the package in
 * package.json). See docs/plugins.md.
 */

import { TELECOM_PARIS } from "@envol/domain/reference";
import { alumni } from "@envol/plugin-alumni";
import { ami } from "@envol/plugin-ami";
import { erasmus } from "@envol/plugin-erasmus";
import { erasmusStaff } from "@envol/plugin-erasmus-staff";
import { fitec } from "@envol/plugin-fitec";
import { idf } from "@envol/plugin-idf";
import { mic } from "@envol/plugin-mic";
import { micStaff } from "@envol/plugin-mic-staff";
import { type InstitutionConfig, use } from "./institution-config.ts";

export const TELECOM_PARIS_CONFIG: InstitutionConfig = {
  institution: TELECOM_PARIS,
  plugins: [
    use(idf),
    use(erasmus),
    use(mic),
    use(fitec),
    use(alumni),
    // Télécom Paris, an IMT school under the Ministry of Economy, may not distribute the AMI
    // (rulebook §6): registered so that other institutions can enable it, off here.
    use(ami, {}, { enabled: false }),
    // the personnel's teaching and training stays (rulebook §10)
    use(erasmusStaff),
    use(micStaff),
  ],
};
