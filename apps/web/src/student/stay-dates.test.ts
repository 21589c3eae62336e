import { describe, expect, it } from "vitest";
import { stayDates, withActualEnd } from "./stay-dates.ts";
import type { NextStep } from "./student-api.ts";

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

describe("the next steps dated by the stay's end", () => {
  const balance: NextStep = {
    kind: "payment",
    applicationId: "a1",
    requestId: "q1",
    schemeName: "Erasmus+ mobilité du personnel (Europe)",
    instalment: "balance",
    amountCents: 41_700,
    when: "after-return",
    date: "2027-03-19",
  };
  const certificate: NextStep = {
    kind: "document",
    applicationId: "a1",
    id: "attendance",
    label: "Attestation de présence",
    due: "after-return",
    date: "2027-03-19",
    overdue: false,
  };
  const agreement: NextStep = { ...certificate, due: "before-departure", date: "2027-03-15" };

  it("take the actual end where it is recorded: the balance and the documents after return", () => {
    expect(withActualEnd([balance, certificate, agreement], [recorded])).toEqual([
      { ...balance, date: "2027-03-18" },
      { ...certificate, date: "2027-03-18" },
      agreement,
    ]);
  });

  it("keep the planned end otherwise", () => {
    expect(withActualEnd([balance, certificate], [planned])).toEqual([balance, certificate]);
    expect(withActualEnd([balance], [])).toEqual([balance]);
  });
});
