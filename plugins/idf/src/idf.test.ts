import { DEMO_PARTNER_CATALOGUE, TELECOM_PARIS } from "@envol/domain/reference";
import { type ConformanceCase, runPluginConformance } from "@envol/domain/testing";
import cases from "../cases.json" with { type: "json" };
import { idf } from "./idf.ts";

runPluginConformance(idf, cases as ConformanceCase[], {
  institution: TELECOM_PARIS,
  partners: DEMO_PARTNER_CATALOGUE.partners,
  // a destination is always given, so it is never unknown
  exempt: { unknown: ["destination"] },
});
