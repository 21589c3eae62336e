import { describe, expect, it } from "vitest";
import { budgetsSearch } from "./budgets-search.ts";

describe("the budgets route's search parameters", () => {
  it("keep the academic year asked for, for the page to check", () => {
    expect(budgetsSearch({ academicYear: "2026-2027", other: "x" })).toEqual({
      academicYear: "2026-2027",
    });
    expect(budgetsSearch({ academicYear: "2026/27" })).toEqual({ academicYear: "2026/27" });
  });

  it.each(["", 2026, null, ["2026-2027"]])("drop %j (the current year is shown)", (year) => {
    expect(budgetsSearch({ academicYear: year })).toEqual({});
  });
});

describe("the planner route's search parameters (the same reader)", () => {
  it("keep the scheme and the year asked for, as text, and nothing else", () => {
    expect(budgetsSearch({ scheme: "idf", academicYear: "2026-2027", page: 2 })).toEqual({
      scheme: "idf",
      academicYear: "2026-2027",
    });
    expect(budgetsSearch({ scheme: "", academicYear: 2026 })).toEqual({});
  });
});
