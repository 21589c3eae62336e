import { describe, expect, it } from "vitest";
import { budgetsSearch } from "./budgets-search.ts";

describe("the budgets route's search parameters", () => {
  it("keep an academic year written as one", () => {
    expect(budgetsSearch({ academicYear: "2026-2027", other: "x" })).toEqual({
      academicYear: "2026-2027",
    });
  });

  it.each(["2026", "2026/2027", "", 2026])("drop %j (the current year is shown)", (year) => {
    expect(budgetsSearch({ academicYear: year })).toEqual({});
  });
});
