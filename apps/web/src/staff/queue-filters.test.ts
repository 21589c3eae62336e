import { describe, expect, it } from "vitest";
import type { QueueFilters } from "./queue-filters.ts";
import {
  activeFilterCount,
  exportRequestsQuery,
  filtersFromSearch,
  ignoredSearch,
  NO_FILTERS,
  PAGE_SIZE,
  pageCount,
  pageLinks,
  pageRange,
  queueQuery,
  searchFromFilters,
  withFilter,
  withSearch,
  withStates,
  withView,
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
      search: "  hélène dup ",
      academicYear: "2026-2027",
      destination: "DE",
      partner: "tu-berlin",
      sort: "start-asc",
      page: 3,
    });
    expect(filters).toEqual({
      view: "to-process",
      states: ["under_review"],
      search: "hélène dup",
      scheme: "idf",
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

  it("read several states as the API takes them, in the lifecycle's order, and a named view", () => {
    expect(filtersFromSearch({ state: "under_review,submitted" }).states).toEqual([
      "submitted",
      "under_review",
    ]);
    expect(searchFromFilters(filtersFromSearch({ state: "under_review,submitted" }))).toEqual({
      state: "submitted,under_review",
    });
    expect(filtersFromSearch({ view: "all" })).toEqual({ ...NO_FILTERS, view: "all" });
    expect(searchFromFilters({ ...NO_FILTERS, view: "all" })).toEqual({ view: "all" });
  });

  it.each([
    ["state", "approuvé"],
    ["state", "submitted,approuvé"],
    ["state", ","],
    ["view", "mine"],
    ["search", "   "],
    ["search", "x".repeat(201)],
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
  const filtered: QueueFilters = {
    ...NO_FILTERS,
    scheme: "idf",
    states: ["submitted"],
    page: 4,
  };

  it("sets it and goes back to the first page", () => {
    expect(withFilter(filtered, "destination", "BR")).toEqual({
      ...filtered,
      destination: "BR",
      page: 1,
    });
  });

  it("clears it with an empty value, keeping the others", () => {
    expect(withFilter(filtered, "scheme", "")).toEqual({ ...NO_FILTERS, states: ["submitted"] });
  });

  it("keeps no value the address would drop", () => {
    expect(withFilter(filtered, "destination", "nonsense")).toEqual({ ...filtered, page: 1 });
  });

  it("ticks and unticks states, in the lifecycle's order; none is back to the view", () => {
    const two = withStates(filtered, ["draft", "submitted"]);
    expect(two).toEqual({ ...filtered, states: ["draft", "submitted"], page: 1 });
    expect(withStates(two, [])).toEqual({ ...NO_FILTERS, scheme: "idf" });
  });

  it("picks a named view, which replaces the states named", () => {
    expect(withView(filtered, "all")).toEqual({ ...NO_FILTERS, view: "all", scheme: "idf" });
  });

  it("searches for what was typed, trimmed; blank is no search", () => {
    expect(withSearch(filtered, "  Dupont ")).toEqual({ ...filtered, search: "Dupont", page: 1 });
    expect(withSearch({ ...filtered, search: "Dupont" }, "  ")).toEqual({ ...filtered, page: 1 });
  });

  it("is counted, the view aside", () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, view: "all" })).toBe(0);
    expect(activeFilterCount(filtered)).toBe(2);
    expect(activeFilterCount({ ...filtered, search: "x" })).toBe(3);
  });
});

describe("the API's queries", () => {
  const filters = { ...NO_FILTERS, scheme: "idf", academicYear: "2026-2027", page: 3 };

  it("ask the queue for the page's rows", () => {
    expect(queueQuery(filters)).toEqual({
      view: "to-process",
      scheme: "idf",
      academicYear: "2026-2027",
      sort: "updated-desc",
      limit: String(PAGE_SIZE),
      offset: String(2 * PAGE_SIZE),
    });
  });

  it("export every row the filters keep, in the same order, without paging", () => {
    expect(exportRequestsQuery(filters)).toEqual({
      view: "to-process",
      scheme: "idf",
      academicYear: "2026-2027",
      sort: "updated-desc",
    });
  });

  it("name the states, comma-separated, instead of the view", () => {
    expect(
      queueQuery({ ...NO_FILTERS, states: ["submitted", "draft"], search: "dup" }),
    ).toMatchObject({ state: "submitted,draft", search: "dup" });
    expect(queueQuery({ ...NO_FILTERS, states: ["draft"] })).not.toHaveProperty("view");
  });
});

describe("pages", () => {
  it("count at least one page", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
  });

  it("link the first, the last and two on each side of the current one", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(1, 50)).toEqual([1, 2, 3, "gap", 50]);
    expect(pageLinks(7, 50)).toEqual([1, "gap", 5, 6, 7, 8, 9, "gap", 50]);
    // one page left out is shown rather than an ellipsis
    expect(pageLinks(5, 50)).toEqual([1, 2, 3, 4, 5, 6, 7, "gap", 50]);
    expect(pageLinks(50, 50)).toEqual([1, "gap", 48, 49, 50]);
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

describe("the participant filter (ADR 016)", () => {
  it("reads students or the personnel from the address, and sends it to the API as it is", () => {
    const filters = filtersFromSearch({ participant: "personnel" });
    expect(filters.participant).toBe("personnel");
    expect(searchFromFilters(filters)).toEqual({ participant: "personnel" });
    expect(queueQuery(filters)).toMatchObject({ participant: "personnel" });
    expect(exportRequestsQuery(filters)).toMatchObject({ participant: "personnel" });
    expect(activeFilterCount(filters)).toBe(1);
  });

  it("drops a participant the API does not know, and says so", () => {
    expect(filtersFromSearch({ participant: "staff" })).toEqual(NO_FILTERS);
    expect(ignoredSearch({ participant: "staff" })).toEqual(["participant=staff"]);
  });

  it("is cleared by choosing all", () => {
    const filters = withFilter(
      filtersFromSearch({ participant: "student", page: 3 }),
      "participant",
      "",
    );
    expect(filters).toEqual(NO_FILTERS);
    expect(withFilter(NO_FILTERS, "participant", "student").participant).toBe("student");
  });
});
