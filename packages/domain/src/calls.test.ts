import { describe, expect, it } from "vitest";
import {
  CallTermsSchema,
  callReminderMessage,
  callWindowOn,
  reminderDue,
  submissionRefusal,
} from "./calls.ts";
import { issueText } from "./issue-text.ts";

const ERASMUS = {
  scheme: "erasmus-europe",
  schemeName: { fr: "Erasmus+ Europe", en: "Erasmus+ Europe" },
  academicYear: "2026-2027",
  opensOn: "2027-02-01",
  closesOn: "2027-03-15",
};

describe("a call's window", () => {
  it.each([
    ["2027-01-31", "not-open-yet"],
    ["2027-02-01", "open"],
    ["2027-03-15", "open"],
    ["2027-03-16", "closed"],
  ] as const)("on %s is %s (both days included)", (today, state) => {
    expect(callWindowOn(ERASMUS, today)).toBe(state);
  });

  it("lets a request be submitted inside the window, or when the office opened no call", () => {
    expect(submissionRefusal(ERASMUS, "2027-02-01")).toBeUndefined();
    expect(submissionRefusal(undefined, "1999-01-01")).toBeUndefined();
  });

  it("refuses it after the window, saying the dates in words in each language", () => {
    const refusal = submissionRefusal(ERASMUS, "2027-03-16");
    expect(refusal?.state).toBe("closed");
    expect(refusal?.explain("fr")).toBe(
      "L'appel à candidatures Erasmus+ Europe 2026-2027 était ouvert du 1er février 2027 au 15 mars 2027\u00a0; il est clos.",
    );
    expect(refusal?.explain("en")).toBe(
      "The Erasmus+ Europe 2026-2027 call for applications was open from 1 February 2027 to 15 March 2027; it is closed.",
    );
  });

  it("refuses it before the window opens, saying it is not open yet", () => {
    const refusal = submissionRefusal(ERASMUS, "2027-01-31");
    expect(refusal?.state).toBe("not-open-yet");
    expect(refusal?.explain("fr")).toBe(
      "L'appel à candidatures Erasmus+ Europe 2026-2027 ouvrira le 1er février 2027 et fermera le 15 mars 2027\u00a0; il n'est pas encore ouvert.",
    );
    expect(refusal?.explain("en")).toBe(
      "The Erasmus+ Europe 2026-2027 call for applications opens on 1 February 2027 and closes on 15 March 2027; it is not open yet.",
    );
  });
});

describe("a deadline's reminder", () => {
  it.each([
    ["2027-02-21", false],
    ["2027-02-22", true],
    ["2027-03-01", true],
    ["2027-03-02", false],
  ] as const)("7 days before 1 March 2027, on %s: %s", (today, due) => {
    expect(reminderDue("2027-03-01", 7, today)).toBe(due);
  });

  it("with 0 days before, is due on the deadline's day only", () => {
    expect(reminderDue("2027-03-01", 0, "2027-02-28")).toBe(false);
    expect(reminderDue("2027-03-01", 0, "2027-03-01")).toBe(true);
  });

  it("says the deadline in words in the student's language", () => {
    const reminder = {
      kind: "documents" as const,
      dueOn: "2027-03-01",
      schemeName: { fr: "Erasmus+ Europe", en: "Erasmus+ Europe" },
    };
    expect(callReminderMessage(reminder, "fr").subject).toBe(
      "Rappel\u00a0: documents à déposer avant le 1er mars 2027",
    );
    expect(callReminderMessage(reminder, "en").subject).toBe(
      "Reminder: documents to upload by 1 March 2027",
    );
    expect(callReminderMessage({ ...reminder, kind: "reports" }, "fr").body).toContain(
      "après votre retour",
    );
  });
});

describe("the office's terms of a call", () => {
  const messages = (input: object, lang: "fr" | "en" = "en") => {
    const parsed = CallTermsSchema.safeParse(input);
    if (parsed.success) return [];
    return parsed.error.issues.map((i) => `${i.path.join(".")}: ${issueText(i, input)[lang]}`);
  };

  it("takes a window and optional deadlines, 7 reminder days by default", () => {
    expect(CallTermsSchema.parse({ opensOn: "2027-02-01", closesOn: "2027-03-15" })).toEqual({
      opensOn: "2027-02-01",
      closesOn: "2027-03-15",
      documentsDueOn: null,
      reportsDueOn: null,
      reminderDaysBefore: 7,
    });
  });

  it("names each field that is wrong", () => {
    expect(
      messages({
        opensOn: "2027-02-01",
        closesOn: "2027-01-15",
        documentsDueOn: "2027-01-20",
        reportsDueOn: "2026-12-01",
      }),
    ).toEqual([
      "closesOn: the call must close on or after the day it opens",
      "documentsDueOn: the deadline cannot come before the call opens",
      "reportsDueOn: the deadline cannot come before the call opens",
    ]);
    // a wrong field elsewhere does not hide the order of the dates
    expect(
      messages({ opensOn: "2027-02-01", closesOn: "2027-01-31", reminderDaysBefore: 61 }).map(
        (m) => m.split(":")[0],
      ),
    ).toEqual(["reminderDaysBefore", "closesOn"]);
    expect(messages({ opensOn: 12, closesOn: "2027-01-31", reportsDueOn: "nope" })).toHaveLength(2);
    for (const body of [null, "call", 12, []])
      expect(CallTermsSchema.safeParse(body).success).toBe(false);
    expect(messages({ opensOn: "2027-02-01", closesOn: "2027-01-15" }, "fr")).toEqual([
      "closesOn: l'appel doit se clore le jour de son ouverture ou après",
    ]);
  });
});
