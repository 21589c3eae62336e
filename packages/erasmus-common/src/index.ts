/**
 * `@envol/erasmus-common`: what the two Erasmus+ schemes, Europe (`plugins/erasmus`, KA131) and
 * the international credit mobility (`plugins/mic`, KA171), share and no other scheme reads:
 * the Commission's country groups and travel bands by call year, the KA131 destinations, the
 * Erasmus+ facts (the ECHE, the days used in the study cycle) and staff mobility's rules for the
 * two staff schemes (`erasmus-staff`, `mic-staff`; rulebook §10): the teaching hours, the
 * individual support, the estimate and the checklist. The core knows none of it.
 */
export * from "./call-year.ts";
export * from "./erasmus-country-groups.ts";
export * from "./erasmus-facts.ts";
export * from "./ka131-destinations.ts";
export * from "./staff-documents.ts";
export * from "./staff-estimate.ts";
export * from "./staff-scheme.ts";
export * from "./staff-support.ts";
export * from "./staff-teaching-hours.ts";
export * from "./travel-bands.ts";
export * from "./versioned.ts";
