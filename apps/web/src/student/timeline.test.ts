import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "./student-api.ts";
import { timelineEntries } from "./timeline.ts";

const APP = "app-1";
const REQUESTS = [
  { id: "req-erasmus", scheme: "erasmus" },
  { id: "req-idf", scheme: "idf" },
];

const event = (
  e: Partial<HistoryEvent> & Pick<HistoryEvent, "id" | "at" | "action">,
): HistoryEvent => ({
  actor: { kind: "student" },
  entityType: "scheme_request",
  entityId: "req-erasmus",
  before: null,
  after: null,
  reason: null,
  ...e,
});

describe("the timeline of an application", () => {
  const history: HistoryEvent[] = [
    event({
      id: 1,
      at: "2026-11-20T09:00:00.000Z",
      action: "create-application",
      entityType: "application",
      entityId: APP,
      after: { schemes: ["erasmus", "idf"] },
    }),
    event({
      id: 2,
      at: "2026-11-20T09:05:00.000Z",
      action: "upload-document",
      entityType: "document",
      entityId: "doc-1",
      after: { applicationId: APP, kind: "learning-agreement", fileName: "la.pdf", sizeBytes: 1 },
    }),
    event({
      id: 3,
      at: "2026-11-21T10:00:00.000Z",
      action: "submit",
      before: { state: "draft", approvedCents: null },
      after: { state: "submitted", approvedCents: null },
    }),
    event({
      id: 4,
      at: "2026-11-22T10:00:00.000Z",
      action: "start-review",
      actor: { kind: "staff" },
      before: { state: "submitted", approvedCents: null },
      after: { state: "under_review", approvedCents: null },
    }),
    event({
      id: 5,
      at: "2026-11-23T10:00:00.000Z",
      action: "approve",
      actor: { kind: "staff" },
      before: { state: "under_review", approvedCents: null },
      after: { state: "approved", approvedCents: 146_000 },
    }),
    event({
      id: 6,
      at: "2026-11-24T10:00:00.000Z",
      action: "sign-agreement",
      before: { state: "approved", approvedCents: 146_000 },
      after: { state: "agreed", approvedCents: 146_000 },
    }),
    event({
      id: 7,
      at: "2026-11-24T10:00:00.000Z",
      action: "withdraw",
      entityId: "req-idf",
      before: { state: "draft", approvedCents: null },
      after: { state: "withdrawn", approvedCents: null },
      reason: "  Financement obtenu par ailleurs ",
    }),
  ];
  const entries = timelineEntries(history, REQUESTS);

  it("is newest first; events of the same instant, the last recorded first", () => {
    expect(entries.map((e) => e.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it("names the grant of a request's event, with the states it went from and to", () => {
    expect(entries.find((e) => e.id === 4)).toEqual({
      id: 4,
      at: "2026-11-22T10:00:00.000Z",
      actor: "staff",
      action: "start-review",
      scheme: "erasmus",
      from: "submitted",
      to: "under_review",
    });
  });

  it("gives the amount when it is set, not when a later step carries it along", () => {
    expect(entries.find((e) => e.id === 5)).toMatchObject({ amountAfter: 146_000 });
    expect(entries.find((e) => e.id === 5)?.amountBefore).toBeUndefined();
    expect(entries.find((e) => e.id === 6)?.amountAfter).toBeUndefined();
  });

  it("keeps the message that came with the event, trimmed", () => {
    expect(entries.find((e) => e.id === 7)).toMatchObject({
      scheme: "idf",
      to: "withdrawn",
      reason: "Financement obtenu par ailleurs",
    });
  });

  it("names an uploaded document by its file and checklist item", () => {
    expect(entries.find((e) => e.id === 2)).toMatchObject({
      action: "upload-document",
      fileName: "la.pdf",
      documentKind: "learning-agreement",
    });
  });

  it("says when the office downloaded one of the student's documents", () => {
    const [entry] = timelineEntries(
      [
        event({
          id: 9,
          at: "2026-11-24T08:00:00.000Z",
          action: "download-document",
          actor: { kind: "staff" },
          entityType: "document",
          entityId: "doc-1",
          after: { applicationId: APP, kind: "learning-agreement", fileName: "la.pdf" },
        }),
      ],
      REQUESTS,
    );
    expect(entry).toMatchObject({
      action: "download-document",
      actor: "staff",
      fileName: "la.pdf",
      documentKind: "learning-agreement",
    });
  });

  it("lists the grants applied for when the application is created", () => {
    expect(entries.find((e) => e.id === 1)).toMatchObject({
      action: "create-application",
      schemes: ["erasmus", "idf"],
    });
  });

  it("shows a recalculation as the amount before and after", () => {
    const [entry] = timelineEntries(
      [
        event({
          id: 9,
          at: "2027-07-01T10:00:00.000Z",
          action: "recalculate",
          actor: { kind: "staff" },
          before: { startDate: "2027-01-18", approvedCents: 146_000 },
          after: { startDate: "2027-01-25", approvedCents: 139_000 },
        }),
      ],
      REQUESTS,
    );
    expect(entry).toMatchObject({
      action: "recalculate",
      amountBefore: 146_000,
      amountAfter: 139_000,
    });
  });

  it("names the host institution's statements as the office handles them, a rise only once confirmed", () => {
    const stated = { startDate: "2027-02-01", endDate: "2027-07-15" };
    const [rejected, confirmed, awaiting] = timelineEntries(
      [
        event({
          id: 11,
          at: "2027-07-01T10:00:00.000Z",
          action: "statement-awaiting-office",
          actor: { kind: "partner" },
          before: { approvedCents: 146_000 },
          after: { ...stated, approvedCents: 160_000 },
        }),
        event({
          id: 12,
          at: "2027-07-02T10:00:00.000Z",
          action: "confirm-statement",
          actor: { kind: "staff" },
          before: { approvedCents: 146_000 },
          after: { ...stated, approvedCents: 160_000 },
        }),
        event({
          id: 13,
          at: "2027-07-03T10:00:00.000Z",
          action: "reject-statement",
          actor: { kind: "staff" },
          before: { ...stated, approvedCents: 160_000 },
          after: { approvedCents: 160_000, proposedCents: 170_000 },
          reason: "Dates non justifiées",
        }),
      ],
      REQUESTS,
    );
    // awaiting the office, the higher amount is not the student's yet
    expect(awaiting).toEqual({
      id: 11,
      at: "2027-07-01T10:00:00.000Z",
      actor: "partner",
      action: "statement-awaiting-office",
      scheme: "erasmus",
    });
    expect(confirmed).toMatchObject({
      action: "confirm-statement",
      amountBefore: 146_000,
      amountAfter: 160_000,
    });
    expect(rejected).toMatchObject({ action: "reject-statement", reason: "Dates non justifiées" });
    expect(rejected).not.toHaveProperty("amountAfter");
  });

  it("names a document the student deleted by its file and checklist item", () => {
    const [entry] = timelineEntries(
      [
        event({
          id: 14,
          at: "2026-11-25T10:00:00.000Z",
          action: "delete-document",
          entityType: "application",
          entityId: APP,
          before: { documentId: "doc-1", kind: "bank-details", fileName: "rib-flou.png" },
        }),
      ],
      REQUESTS,
    );
    expect(entry).toMatchObject({
      action: "delete-document",
      fileName: "rib-flou.png",
      documentKind: "bank-details",
    });
  });

  it("turns an action it does not know, or odd data, into a plain event", () => {
    const [entry] = timelineEntries(
      [
        event({
          id: 10,
          at: "2027-07-01T10:00:00.000Z",
          action: "archive",
          actor: { kind: "system" },
          entityId: "req-unknown",
          before: "weird",
          after: { state: "nowhere", approvedCents: 1.5 },
        }),
      ],
      REQUESTS,
    );
    expect(entry).toEqual({
      id: 10,
      at: "2027-07-01T10:00:00.000Z",
      actor: "system",
      action: "other",
    });
  });
});
