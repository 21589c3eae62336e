/**
 * `@envol/domain/reference`: the rulebook's reference data — the home institution of §0 and
 * the demo partner catalogue of §8. The institution configuration starts from it, the seed
 * loads it, and every plugin's case table is evaluated against it, so the tables test what
 * Envol runs.
 */
import catalogue from "../../data/partner-catalogue.json" with { type: "json" };
import type { Institution } from "../institution.ts";
import { parsePartnerCatalogue } from "../partner-catalogue.ts";

/** Télécom Paris, 19 place Marguerite Perey, 91120 Palaiseau (rulebook §0). */
export const TELECOM_PARIS: Institution = {
  id: "telecom-paris",
  name: "Télécom Paris",
  address: "19 place Marguerite Perey, 91120 Palaiseau",
  lat: 48.7127,
  lon: 2.2005,
  region: "11",
  eche: true,
};

/** The demo partner catalogue (rulebook §8): demonstration agreements, not the school's real list. */
export const DEMO_PARTNER_CATALOGUE = parsePartnerCatalogue(catalogue);

export {
  RULEBOOK_EXAMPLE_1,
  RULEBOOK_EXAMPLE_2,
  RULEBOOK_EXAMPLE_3,
} from "./rulebook-examples.ts";
export { WORKED_EXAMPLE_1 } from "./worked-example.ts";
