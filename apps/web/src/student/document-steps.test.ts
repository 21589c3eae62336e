import { describe, expect, it } from "vitest";
import { missingByDue } from "./document-steps.ts";

describe("missingByDue", () => {
  it("splits what is not uploaded by when it is due, in the checklist's order", () => {
    const checklist = [
      { id: "bank-details", label: "RIB", due: "before-departure", uploaded: true },
      { id: "tax-notice", label: "Avis d'imposition", due: "before-departure", uploaded: false },
      { id: "stay-report", label: "Rapport de séjour", due: "after-return", uploaded: false },
      { id: "visa", label: "Visa", due: "before-departure", uploaded: false },
    ] as const;
    const missing = missingByDue(checklist);
    expect(missing["before-departure"].map((i) => i.label)).toEqual(["Avis d'imposition", "Visa"]);
    expect(missing["after-return"].map((i) => i.label)).toEqual(["Rapport de séjour"]);
  });

  it("finds nothing missing once everything is uploaded", () => {
    expect(missingByDue([{ due: "after-return", uploaded: true }])).toEqual({
      "before-departure": [],
      "after-return": [],
    });
  });
});
