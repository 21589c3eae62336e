import { describe, expect, it } from "vitest";
import { ApiProblem, problemOf, retryUnlessRefused } from "./api-problem.ts";

describe("the API's refusals", () => {
  it("are read from problem+json, or keep the status when the body is not one", async () => {
    const problem = await problemOf(
      new Response(
        JSON.stringify({
          title: "La requête n'est pas valide",
          errors: [{ path: "mobility.end", message: "before the start" }, { oops: 1 }],
        }),
        { status: 422 },
      ),
    );
    expect(problem).toMatchObject({ status: 422, title: "La requête n'est pas valide" });
    expect(problem.fieldError("mobility.end")).toBe("before the start");
    expect(problem.errors).toHaveLength(1);
    expect(problem.extensions).toEqual({});
    // a problem's own members (an override's grounds) are kept for the screen that reads them
    const override = await problemOf(
      new Response(
        JSON.stringify({
          type: "https://envol.example/problems/override-required",
          title: "Dérogation motivée nécessaire",
          status: 409,
          grounds: [{ kind: "not-eligible", verdict: "ineligible" }],
        }),
        { status: 409 },
      ),
    );
    expect(override.extensions).toEqual({
      grounds: [{ kind: "not-eligible", verdict: "ineligible" }],
    });
    const proxy = await problemOf(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(proxy).toMatchObject({ status: 502, title: "HTTP 502", errors: [] });
  });

  it("are answers, not failures to try again; a lost connection or a server error is tried twice more", () => {
    for (const status of [400, 401, 403, 404, 409, 422])
      expect(retryUnlessRefused(0, new ApiProblem(status, "no", undefined, []))).toBe(false);
    const lost = new TypeError("Failed to fetch");
    const serverError = new ApiProblem(500, "Erreur interne", undefined, []);
    expect([0, 1, 2].map((n) => retryUnlessRefused(n, lost))).toEqual([true, true, false]);
    expect([0, 1, 2].map((n) => retryUnlessRefused(n, serverError))).toEqual([true, true, false]);
  });
});
