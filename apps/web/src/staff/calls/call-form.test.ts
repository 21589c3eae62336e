import { describe, expect, it } from "vitest";
import { callWindow } from "../../api/call-window.ts";
import { callFormValues, callTermsOf, needsConfirmation } from "./call-form.ts";

const call = {
  opensOn: "2027-02-01",
  closesOn: "2027-03-15",
  documentsDueOn: "2027-05-01",
  reportsDueOn: null,
  reminderDaysBefore: 10,
  open: true,
};

describe("the office's form for a call", () => {
  it("starts from the call as it stands, or empty with the seven days the API takes by default", () => {
    expect(callFormValues(call)).toEqual({
      opensOn: "2027-02-01",
      closesOn: "2027-03-15",
      documentsDueOn: "2027-05-01",
      reportsDueOn: "",
      reminderDaysBefore: "10",
    });
    expect(callFormValues(undefined)).toEqual({
      opensOn: "",
      closesOn: "",
      documentsDueOn: "",
      reportsDueOn: "",
      reminderDaysBefore: "7",
    });
  });

  it("sends an empty deadline as none, an empty reminder as the API's default, the rest as typed", () => {
    expect(callTermsOf(callFormValues(call))).toEqual({
      opensOn: "2027-02-01",
      closesOn: "2027-03-15",
      documentsDueOn: "2027-05-01",
      reportsDueOn: null,
      reminderDaysBefore: 10,
    });
    expect(
      callTermsOf({
        opensOn: "2027-02-01",
        closesOn: "",
        documentsDueOn: "",
        reportsDueOn: "2027-09-01",
        reminderDaysBefore: " ",
      }),
    ).toEqual({
      opensOn: "2027-02-01",
      closesOn: "",
      documentsDueOn: null,
      reportsDueOn: "2027-09-01",
    });
    // not a number of days: sent for the API to refuse by name, never replaced by a default
    expect(callTermsOf({ ...callFormValues(call), reminderDaysBefore: "61" })).toMatchObject({
      reminderDaysBefore: 61,
    });
  });

  it("tells open, not open yet and closed apart, the API saying whether it is open today", () => {
    expect(callWindow({ open: true, opensOn: "2027-02-01" }, "2027-02-01")).toBe("open");
    expect(callWindow({ open: false, opensOn: "2027-02-01" }, "2027-01-31")).toBe("not-open-yet");
    expect(callWindow({ open: false, opensOn: "2027-02-01" }, "2027-03-16")).toBe("closed");
  });

  it("asks to confirm a change only to a call open now", () => {
    expect(needsConfirmation(call)).toBe(true);
    expect(needsConfirmation({ ...call, open: false })).toBe(false);
    expect(needsConfirmation(undefined)).toBe(false);
  });
});
