import { describe, expect, it } from "vitest";
import { saveChecks } from "./save-options-checks.ts";

describe("saveChecks", () => {
  it("lets a date from the first period on and a reason through", () => {
    expect(saveChecks("2027-03-01", "Vote du conseil", "2020-07-01")).toEqual({});
    expect(saveChecks("2020-07-01", "x", "2020-07-01")).toEqual({});
  });

  it("asks for a reason that is more than spaces", () => {
    expect(saveChecks("2027-03-01", "  \n ", "2020-07-01")).toEqual({ reason: "reasonRequired" });
  });

  it("asks for a date, and one not before the scheme's first period", () => {
    expect(saveChecks("", "why", "2020-07-01")).toEqual({ since: "date" });
    expect(saveChecks("2019-06-30", "why", "2020-07-01")).toEqual({ since: "beforeFirst" });
  });

  it("names both fields when both are wrong", () => {
    expect(saveChecks("", "", "2020-07-01")).toEqual({ since: "date", reason: "reasonRequired" });
  });
});
