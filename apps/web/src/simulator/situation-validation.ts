import { type Situation, SituationSchema } from "@envol/domain";
import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, Resolver } from "react-hook-form";
import type { SituationForm } from "./situation-form.ts";
import { toSituation } from "./situation-form.ts";
import { fieldProblems } from "./situation-issues.ts";

/**
 * The answers checked with the domain's own `SituationSchema`, the one the API validates the
 * same request with. It brings zod, so the simulator loads it just after its first screen.
 */

/** The request for these answers when it is valid: what the results are computed for. */
export const validSituation = (request: unknown): Situation | undefined => {
  const parsed = SituationSchema.safeParse(request);
  return parsed.success ? parsed.data : undefined;
};

/**
 * react-hook-form validation: the answers become the request, the schema checks it, and each
 * issue is put on the field it concerns. An error's message is the key of its sentence under
 * `errors.`, translated where it is shown, so that switching the language translates it too.
 */
export const situationResolver: Resolver<SituationForm> = (values, _context, options) => {
  const request = toSituation(values);
  const parsed = SituationSchema.safeParse(request);
  if (parsed.success) return { values, errors: {} };
  const flat: Record<string, FieldError> = {};
  for (const problem of fieldProblems(parsed.error.issues, request, values.mobility.destination))
    flat[problem.field] = { type: problem.key, message: problem.key };
  return { values: {}, errors: toNestErrors(flat, options) };
};
