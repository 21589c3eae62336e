import { describe, expect, it } from "vitest";
import { problemOf } from "../api/api-problem.ts";
import { actionRefusal } from "./action-refusal.ts";

const refused = (status: number, body: object) =>
  problemOf(new Response(JSON.stringify(body), { status }));

describe("a refused action on a request", () => {
  it("shows the API's explanation when the same stay was already applied for", async () => {
    const detail =
      "Cette demande erasmus ne peut pas être déposée : le dossier 7c0e…, pour un séjour du 2027-02-01 au 2027-06-30 qui chevauche celui-ci, a déjà une demande erasmus à l'état « envoyée ».";
    const problem = await refused(409, {
      type: "https://envol.telecom-paris.fr/problems/overlapping-request",
      title: "Ce séjour fait déjà l'objet d'une demande",
      status: 409,
      detail,
    });
    expect(actionRefusal(problem)).toEqual({ kind: "explained", detail });
  });

  it("says the request changed on any other conflict, and gives other refusals' reasons", async () => {
    const conflict = await refused(409, {
      type: "https://envol.telecom-paris.fr/problems/conflict",
      title: "Action impossible dans l'état actuel",
      detail: "Impossible d'envoyer cette demande : elle est à l'état « envoyée ».",
    });
    expect(actionRefusal(conflict)).toEqual({ kind: "changed" });
    const invalid = await refused(422, { title: "La requête n'est pas valide" });
    expect(actionRefusal(invalid)).toEqual({
      kind: "failed",
      reason: "La requête n'est pas valide",
    });
    expect(actionRefusal(new TypeError("Failed to fetch"))).toEqual({ kind: "offline" });
  });
});
