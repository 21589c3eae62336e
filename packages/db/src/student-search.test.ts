import { describe, expect, it } from "vitest";
import { folded, studentSearch } from "./student-search.ts";

describe("what a search for a student looks for", () => {
  it.each([
    ["Hélène", "helene:*", "hélène"],
    ["  HÉLÈNE   dup ", "helene:* & dup:*", "hélène   dup"],
    ["Dupont-Aïssa", "dupont:* & aissa:*", "dupont-aïssa"],
    // one letter for one, as translate() maps them
    ["Œdipe Æsir Straße", "odipe:* & asir:* & strase:*", "œdipe æsir straße"],
    ["m.dupont@etu", "m:* & dupont:* & etu:*", "m.dupont@etu"],
    // no character of the tsquery syntax reaches the query
    ["x & y | !z", "x:* & y:* & z:*", "x & y | !z"],
    ["'):*<>", null, "'):*<>"],
  ])("%j: the name's words %j, the e-mail's start %j", (typed, nameQuery, emailPrefix) => {
    expect(studentSearch(typed)).toEqual({ nameQuery, emailPrefix });
  });

  it("folds as the database's translate() does: the accents of Latin letters, then the case", () => {
    expect(folded("ÀÉÎÕÜÇÑ àéîõüçñ ÿŸ")).toBe("aeioucn aeioucn yy");
  });
});
