import { describe, expect, it } from "vitest";
import { filtersFromSearch, NO_FILTERS, searchFromFilters } from "./queue-filters.ts";
import { queueSearch } from "./queue-search.ts";

describe("the queue route's search parameters", () => {
  it("keep the parameters the queue knows, as text, and drop the others", () => {
    expect(
      queueSearch({ state: "submitted", partner: 1234, sort: "start-asc", utm: "x", page: "3" }),
    ).toEqual({ state: "submitted", partner: "1234", sort: "start-asc", page: 3 });
  });

  it.each([0, -1, 1.5, "x", "", null])("drop a page that is no page number (%j)", (page) => {
    expect(queueSearch({ page })).toEqual({});
  });

  it("drop empty values and values that are not text (a repeated parameter…)", () => {
    expect(queueSearch({ scheme: "", state: ["a", "b"], destination: { x: 1 } })).toEqual({});
    expect(queueSearch({ view: "all", search: "dup", state: "submitted,draft" })).toEqual({
      view: "all",
      search: "dup",
      state: "submitted,draft",
    });
  });

  it("read back what the queue's links write", () => {
    const filters = filtersFromSearch({
      scheme: "idf",
      destination: "DE",
      participant: "personnel",
      page: 2,
    });
    expect(filtersFromSearch(queueSearch(searchFromFilters(filters)))).toEqual(filters);
  });

  it("leave the meaning to the filters: an unknown state is no filter", () => {
    expect(filtersFromSearch(queueSearch({ state: "approuvé" }))).toEqual(NO_FILTERS);
  });
});

describe("the budgets', calls' and planner's search parameters (the same reader)", () => {
  it("keep the scheme and the academic year asked for, as text, for the page to check", () => {
    expect(queueSearch({ scheme: "idf", academicYear: "2026-2027", utm: "x" })).toEqual({
      scheme: "idf",
      academicYear: "2026-2027",
    });
    expect(queueSearch({ scheme: "", academicYear: "" })).toEqual({});
  });
});
