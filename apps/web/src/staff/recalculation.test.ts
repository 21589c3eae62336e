import { describe, expect, it } from "vitest";
import { RecalculationSchema } from "./recalculation.ts";

const issues = (v: unknown) => {
  const r = RecalculationSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("the recalculation's dates", () => {
  it("are two calendar dates, in order", () => {
    expect(
      issues({ actualStart: "2027-02-01", actualEnd: "2027-06-30", useCurrentOptions: false }),
    ).toEqual([]);
    expect(
      issues({ actualStart: "2027-02-01", actualEnd: "2027-02-01", useCurrentOptions: true }),
    ).toEqual([]);
  });

  it("want both dates complete", () => {
    expect(issues({ actualStart: "", actualEnd: "2027-02-30", useCurrentOptions: false })).toEqual([
      "actualStart:date",
      "actualEnd:date",
    ]);
  });

  it("refuse a stay that ends before it starts", () => {
    expect(
      issues({ actualStart: "2027-06-30", actualEnd: "2027-02-01", useCurrentOptions: false }),
    ).toEqual(["actualEnd:endBeforeStart"]);
  });
});
