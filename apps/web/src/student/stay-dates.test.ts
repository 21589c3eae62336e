import { describe, expect, it } from "vitest";
import { stayDates } from "./stay-dates.ts";

const planned = {
  id: "a1",
  startDate: "2027-03-15",
  endDate: "2027-03-19",
  actualStartDate: null,
  actualEndDate: null,
};
const recorded = { ...planned, actualStartDate: "2027-03-15", actualEndDate: "2027-03-18" };

describe("the stay's dates shown to the applicant", () => {
  it("are the planned ones until actual dates are recorded", () => {
    expect(stayDates(planned)).toEqual({ start: "2027-03-15", end: "2027-03-19", actual: false });
  });

  it("are the actual ones once recorded", () => {
    expect(stayDates(recorded)).toEqual({ start: "2027-03-15", end: "2027-03-18", actual: true });
  });
});
