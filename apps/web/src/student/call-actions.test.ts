import { describe, expect, it } from "vitest";
import { callActions, stateHelpShown } from "./call-actions.ts";

const call = { open: false, opensOn: "2027-02-01" };

describe("a request's actions under the office's call", () => {
  it("offers sending inside the window, and says the window", () => {
    expect(callActions(["submit", "withdraw"], { ...call, open: true }, "2027-02-01")).toEqual({
      window: "open",
      actions: ["submit", "withdraw"],
    });
  });

  it("takes sending away before the window and after it, withdrawing kept", () => {
    expect(callActions(["submit", "withdraw"], call, "2027-01-31")).toEqual({
      window: "not-open-yet",
      actions: ["withdraw"],
    });
    expect(callActions(["submit", "withdraw"], call, "2027-03-16")).toEqual({
      window: "closed",
      actions: ["withdraw"],
    });
  });

  it("changes nothing without a call, nor for a request already sent", () => {
    expect(callActions(["submit", "withdraw"], undefined, "2027-03-16")).toEqual({
      window: undefined,
      actions: ["submit", "withdraw"],
    });
    expect(callActions(["withdraw", "sign-agreement"], call, "2027-03-16")).toEqual({
      window: undefined,
      actions: ["sign-agreement", "withdraw"],
    });
  });
});

describe("stateHelpShown", () => {
  it("drops the draft's 'send it whenever you wish' while the call is closed or not open yet", () => {
    expect(stateHelpShown("draft", "closed")).toBe(false);
    expect(stateHelpShown("draft", "not-open-yet")).toBe(false);
  });

  it("keeps it with the call open or without a call, and keeps every other state's help", () => {
    expect(stateHelpShown("draft", "open")).toBe(true);
    expect(stateHelpShown("draft", undefined)).toBe(true);
    expect(stateHelpShown("submitted", "closed")).toBe(true);
  });
});
