import { isDateInRange, isIsoDate } from "@envol/domain";
import type { fr } from "../i18n/fr.ts";
import type { DestinationMode } from "./situation-form.ts";

/** The key, under `errors.`, of the sentence that explains a problem to the student. */
export type ErrorKey = keyof (typeof fr)["errors"];

/** What `SituationSchema` reports about a field (a zod issue, reduced to what is read here). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: unknown;
  readonly origin?: string;
  readonly errors?: readonly (readonly SchemaIssue[])[];
}

/** A problem with one field of the form: its name (a path in the form) and its sentence. */
export interface FieldProblem {
  readonly field: string;
  readonly key: ErrorKey;
}

const FIELD_KEYS: Readonly<Record<string, ErrorKey>> = {
  "mobility.host.partner": "destination",
  "mobility.host.country": "destination",
  "mobility.host.lat": "latitude",
  "mobility.host.lon": "longitude",
  "student.programme.year": "year",
};

const keyOf = (field: string, issue: SchemaIssue, value: unknown): ErrorKey => {
  const byField = FIELD_KEYS[field];
  if (byField) return byField;
  if (field === "mobility.start" || field === "mobility.end") {
    if (issue.code === "invalid_type") return "required";
    if (typeof value !== "string" || !isIsoDate(value)) return "date";
    if (!isDateInRange(value)) return "dateOutOfRange";
    // the schema checks the order of the dates only once both are dates
    return field === "mobility.end" ? "endBeforeStart" : "date";
  }
  if (issue.code === "too_big" && issue.origin === "string") return "tooLong";
  if (issue.code === "too_small") return "notNegative";
  if (issue.code === "invalid_type") return issue.expected === "int" ? "wholeNumber" : "number";
  return "invalid";
};

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) =>
      typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    root,
  );

/**
 * Each problem `SituationSchema` found in a request, as the form field to mark and the sentence
 * to show. The form's names are the request's paths, but for the destination: a missing or
 * unreadable host is the choice between a partner and a typed destination until the student
 * makes it, then the partner field's problem, or the country's (the schema's union reports it
 * on `mobility.host`).
 */
export const fieldProblems = (
  issues: readonly SchemaIssue[],
  request: unknown,
  destination: DestinationMode,
): FieldProblem[] => {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (field: string, key: ErrorKey) => {
    if (seen.has(field)) return;
    seen.add(field);
    out.push({ field, key });
  };
  const visit = (issue: SchemaIssue, prefix: readonly PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    const name = path.map(String).join(".");
    if (name === "mobility.host" && issue.code === "invalid_union") {
      if (destination === "") return add("mobility.destination", "destination");
      // the union's options are [partner, typed destination]: read the one the student chose
      const option = issue.errors?.[destination === "partner" ? 0 : 1] ?? [];
      const specific = option.filter((i) => i.path.length > 0);
      if (specific.length === 0)
        add(
          destination === "partner" ? "mobility.host.partner" : "mobility.host.country",
          "destination",
        );
      for (const i of specific) visit(i, path);
      return;
    }
    add(name, keyOf(name, issue, valueAt(request, path)));
  };
  for (const issue of issues) visit(issue, []);
  return out;
};
