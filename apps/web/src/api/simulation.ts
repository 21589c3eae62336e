import type { Lang, SimulationReport, Situation } from "@envol/domain";
import { ApiProblem, problemOf } from "./api-problem.ts";
import { envol } from "./envol-client.ts";

/** The API refused the situation (422): each field it names and why (in the API's words). */
export class SimulationRejected extends ApiProblem {
  constructor(readonly fields: readonly { readonly path: string; readonly message: string }[]) {
    super(422, "simulation rejected", undefined, fields);
  }
}

/** `POST /api/simulations` in `lang`: the report of ARCHITECTURE §4.1, already translated. */
export const simulate = async (
  situation: Situation,
  lang: Lang,
  signal?: AbortSignal,
): Promise<SimulationReport> => {
  const res = await envol.simulations.$post(
    { json: situation },
    // public: without the session cookie, which would make it a write needing the CSRF token
    { headers: { "Accept-Language": lang }, init: { signal, credentials: "omit" } },
  );
  if (res.status === 200) return res.json();
  if (res.status === 422) {
    const { errors, title } = await problemOf(res);
    throw new SimulationRejected(errors.length > 0 ? errors : [{ path: "", message: title }]);
  }
  throw new Error(`simulation: HTTP ${res.status}`);
};
