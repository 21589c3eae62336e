import { describe, expect, it } from "vitest";
import { decodeSituation, encodeSituation, situationSearch } from "./situation-link.ts";

describe("situation links", () => {
  it("round-trips a situation, accents included, in URL-safe characters only", () => {
    const situation = {
      mobility: { host: { country: "CH", city: "Zürich", name: "École ✈ Δ" }, start: "2027-02-01" },
      student: { household: { quotientFamilial: 1200000 } },
    };
    const param = encodeSituation(situation);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSituation(param)).toEqual(situation);
  });

  it("gives nothing for a parameter that is not a situation", () => {
    const truncated = encodeSituation({ mobility: { start: "2027-02-01" } }).slice(0, -3);
    for (const param of [
      "",
      "%%%",
      truncated,
      encodeSituation([1, 2]),
      encodeSituation("x"),
      btoa("\xff\xfe"),
    ]) {
      expect(decodeSituation(param)).toBeUndefined();
    }
  });

  it("reads `s` from the address, and `example` only as the rule pages write it, with a link", () => {
    expect(situationSearch({ s: "abc" })).toEqual({ s: "abc" });
    expect(situationSearch({ s: "abc", example: true })).toEqual({ s: "abc", example: true });
    expect(situationSearch({ participant: "personnel" })).toEqual({ participant: "personnel" });
    expect(situationSearch({ participant: "student" })).toEqual({});
    expect(situationSearch({ s: "abc", example: "yes" })).toEqual({ s: "abc" });
    expect(situationSearch({ example: true })).toEqual({});
    expect(situationSearch({ s: "", example: true })).toEqual({});
    expect(situationSearch({ s: 1 })).toEqual({});
  });
});
