import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  exportRequestsQuery,
  filtersFromSearch,
  ignoredSearch,
  NO_FILTERS,
  PAGE_SIZE,
  pageCount,
  pageRange,
  queueQuery,
  searchFromFilters,
  withFilter,
} from "./queue-filters.ts";

describe("the queue's filters in the address", () => {
  it("are none on a plain /staff/queue", () => {
    expect(filtersFromSearch({})).toEqual(NO_FILTERS);
    expect(searchFromFilters(NO_FILTERS)).toEqual({});
  });

  it("read every filter, the sort and the page", () => {
    const filters = filtersFromSearch({
      scheme: "idf",
      state: "under_review",
      academicYear: "2026-2027",
      destination: "DE",
      partner: "tu-berlin",
      sort: "start-asc",
      page: 3,
    });
    expect(filters).toEqual({
      scheme: "idf",
      state: "under_review",
      academicYear: "2026-2027",
      destination: "DE",
      partner: "tu-berlin",
      sort: "start-asc",
      page: 3,
    });
  });

  it("survive a round trip through the address", () => {
    const filters = filtersFromSearch({ state: "waitlisted", destination: "AR", page: "2" });
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it("accept values the router parsed as numbers", () => {
    expect(filtersFromSearch({ page: "4", partner: 1234 })).toMatchObject({
      page: 4,
      partner: "1234",
    });
  });

  it.each([
    ["state", "approuvé"],
    ["academicYear", "2026-2028"],
    ["academicYear", "2026"],
    // years the API refuses (a 422): the queue would otherwise show an error for a typed address
    ["academicYear", "0000-0001"],
    ["academicYear", "9998-9999"],
    ["destination", "de"],
    ["destination", "DEU"],
    ["scheme", "<script>"],
    ["sort", "amount"],
    ["page", 0],
    ["page", -2],
    ["page", 1.5],
    ["page", "x"],
  ])("drop a meaningless %s (%j)", (field, value) => {
    expect(filtersFromSearch({ [field]: value })).toEqual(NO_FILTERS);
  });

  it("write only what differs from the plain queue", () => {
    expect(searchFromFilters({ ...NO_FILTERS, scheme: "mic" })).toEqual({ scheme: "mic" });
    expect(searchFromFilters({ ...NO_FILTERS, sort: "updated-asc", page: 2 })).toEqual({
      sort: "updated-asc",
      page: 2,
    });
  });
});

describe("changing a filter", () => {
  const filtered = { ...NO_FILTERS, scheme: "idf", state: "submitted" as const, page: 4 };

  it("sets it and goes back to the first page", () => {
    expect(withFilter(filtered, "destination", "BR")).toEqual({
      ...filtered,
      destination: "BR",
      page: 1,
    });
  });

  it("clears it with an empty value, keeping the others", () => {
    expect(withFilter(filtered, "scheme", "")).toEqual({ ...NO_FILTERS, state: "submitted" });
  });

  it("keeps no value the address would drop", () => {
    expect(withFilter(filtered, "state", "nonsense")).toEqual({ ...NO_FILTERS, scheme: "idf" });
  });

  it("is counted", () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount(filtered)).toBe(2);
  });
});

describe("the API's queries", () => {
  const filters = { ...NO_FILTERS, scheme: "idf", academicYear: "2026-2027", page: 3 };

  it("ask the queue for the page's rows", () => {
    expect(queueQuery(filters)).toEqual({
      scheme: "idf",
      academicYear: "2026-2027",
      sort: "updated-desc",
      limit: String(PAGE_SIZE),
      offset: String(2 * PAGE_SIZE),
    });
  });

  it("export every row the filters keep, in the same order, without paging", () => {
    expect(exportRequestsQuery(filters)).toEqual({
      scheme: "idf",
      academicYear: "2026-2027",
      sort: "updated-desc",
    });
  });
});

describe("pages", () => {
  it("count at least one page", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
  });

  it("say which rows a page shows", () => {
    expect(pageRange(1, 0)).toEqual({ from: 0, to: 0 });
    expect(pageRange(1, 5)).toEqual({ from: 1, to: 5 });
    expect(pageRange(2, PAGE_SIZE + 5)).toEqual({ from: PAGE_SIZE + 1, to: PAGE_SIZE + 5 });
  });
});

describe("what the address asks for that the queue does not apply", () => {
  it("is nothing for filters the queue applies, the default sort or the first page", () => {
    expect(ignoredSearch({})).toEqual([]);
    expect(
      ignoredSearch({
        state: "submitted",
        academicYear: "2026-2027",
        sort: "updated-desc",
        page: 1,
      }),
    ).toEqual([]);
  });

  it("names each value that makes no sense, as the address wrote it", () => {
    expect(
      ignoredSearch({ state: "approuvé", destination: "de", scheme: "mic", sort: "amount" }),
    ).toEqual(["state=approuvé", "destination=de", "sort=amount"]);
  });
});
