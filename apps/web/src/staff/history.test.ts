import { describe, expect, it } from "vitest";
import { historyActionOf, hostStatementOf, stateChangeOf } from "./history.ts";

describe("the history", () => {
  it("names the actions it knows, and leaves the others to be shown as they are", () => {
    expect(historyActionOf("approve")).toBe("approve");
    expect(historyActionOf("nominate")).toBeNull();
  });

  it("names what the office did with a host's statement and a stale grant's flag", () => {
    for (const action of [
      "statement-awaiting-office",
      "confirm-statement",
      "reject-statement",
      "dismiss-flag",
    ])
      expect(historyActionOf(action)).toBe(action);
  });

  it("reads the change of state an event records", () => {
    expect(stateChangeOf({ state: "submitted" }, { state: "under_review" })).toEqual({
      from: "submitted",
      to: "under_review",
    });
    expect(stateChangeOf(null, { state: "draft" })).toEqual({ from: null, to: "draft" });
  });

  it("finds none when the state stays or is not recorded", () => {
    expect(stateChangeOf({ state: "approved" }, { state: "approved" })).toBeNull();
    expect(stateChangeOf(null, { schemes: ["idf"] })).toBeNull();
    expect(stateChangeOf("x", 3)).toBeNull();
  });
});

describe("the host's answer", () => {
  it("reads the decision and the actual dates a host-decision event records", () => {
    expect(historyActionOf("host-decision")).toBe("host-decision");
    expect(hostStatementOf({ decision: "pending" })).toEqual({ decision: "pending" });
    expect(
      hostStatementOf({
        decision: "verified",
        actualArrivalDate: "2027-02-03",
        actualDepartureDate: "2027-06-12",
      }),
    ).toEqual({
      decision: "verified",
      actualArrivalDate: "2027-02-03",
      actualDepartureDate: "2027-06-12",
    });
  });

  it("finds nothing in an event it cannot read", () => {
    expect(hostStatementOf(null)).toBeNull();
    expect(hostStatementOf({ decision: "maybe" })).toBeNull();
    expect(hostStatementOf({ state: "approved" })).toBeNull();
  });
});
