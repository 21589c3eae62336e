import { describe, expect, it } from "vitest";
import { problemOf } from "../api/api-problem.ts";
import { actionRefusal } from "./action-refusal.ts";

const refused = (status: number, body: object) =>
  problemOf(new Response(JSON.stringify(body), { status }));

describe("a refused action on a request", () => {
  it("shows the API's explanation when the same stay was already applied for", async () => {
    const detail =
      "Cette demande Erasmus+ Europe ne peut pas être déposée : votre candidature pour le séjour du 1er février 2027 au 30 juin 2027, qui chevauche celui-ci, a déjà une demande Erasmus+ Europe à l'état « envoyée ».";
    const otherApplicationId = "7c0e0000-0000-4000-8000-000000000000";
    const problem = await refused(409, {
      type: "https://envol.telecom-paris.fr/problems/overlapping-request",
      title: "Ce séjour fait déjà l'objet d'une demande",
      status: 409,
      detail,
      otherApplicationId,
    });
    // the other application to link to, apart from the words
    expect(actionRefusal(problem)).toEqual({ kind: "explained", detail, otherApplicationId });
  });

  it("shows the API's dates when the call is closed, not that the request changed", async () => {
    const detail =
      "L'appel à candidatures Erasmus+ Europe 2026-2027 était ouvert du 1er février 2027 au 15 mars 2027\u00a0; il est clos.";
    const problem = await refused(409, {
      type: "https://envol.telecom-paris.fr/problems/call-closed",
      title: "L'appel à candidatures n'est pas ouvert",
      status: 409,
      detail,
      opensOn: "2027-02-01",
      closesOn: "2027-03-15",
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
