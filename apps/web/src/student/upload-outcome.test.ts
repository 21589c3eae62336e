import { describe, expect, it } from "vitest";
import { uploadOutcome } from "./upload-outcome.ts";

const problem = (status: number, title: string, detail?: string) => ({
  type: "https://envol.telecom-paris.fr/problems/x",
  title,
  status,
  ...(detail && { detail }),
});

describe("the answer to an upload", () => {
  it("is the stored document on 201", () => {
    const document = { id: "d1", kind: "learning-agreement", fileName: "la.pdf" };
    expect(uploadOutcome(201, document)).toEqual({ kind: "uploaded", document });
  });

  it.each([
    [413, "too-large"],
    [415, "type"],
    [422, "invalid"],
    [401, "signed-out"],
    [403, "forbidden"],
    [404, "not-found"],
    [500, "failed"],
    [502, "failed"],
  ])("%i is refused as %s", (status, reason) => {
    expect(uploadOutcome(status, null)).toEqual({ kind: "refused", reason });
  });

  it("keeps the API's explanation of a refusal", () => {
    expect(
      uploadOutcome(413, problem(413, "File too large", "A document may be 10 MiB at most.")),
    ).toEqual({
      kind: "refused",
      reason: "too-large",
      detail: "A document may be 10 MiB at most.",
    });
  });

  it("explains a validation refusal by its fields' messages", () => {
    expect(
      uploadOutcome(422, {
        ...problem(422, "The request is not valid"),
        errors: [{ path: "kind", message: "not in the checklist" }],
      }),
    ).toEqual({ kind: "refused", reason: "invalid", detail: "not in the checklist" });
  });

  it("never shows a server error's text (it may be a proxy's page)", () => {
    expect(uploadOutcome(500, problem(500, "Internal", "stack…"))).toEqual({
      kind: "refused",
      reason: "failed",
    });
  });

  it("does not take a 201 without a document for one", () => {
    expect(uploadOutcome(201, null)).toEqual({ kind: "refused", reason: "failed" });
  });
});
