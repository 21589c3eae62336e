import { describe, expect, it } from "vitest";
import { renderNotification } from "../notifications.ts";
import { planRequeue } from "./requeue-plan.ts";

describe("planRequeue", () => {
  const plan = planRequeue({ fr: "Erasmus+ Europe", en: "Erasmus+ Europe" }, 3);

  it("moves no money and queues the request again at its rank", () => {
    expect(plan.ledger).toEqual([]);
    expect(plan.envelope).toEqual({ committedCents: 0, paidCents: 0 });
    expect(plan.audit).toEqual({
      action: "waitlist",
      before: { state: "waitlisted" },
      after: { state: "waitlisted", rank: 3 },
      reason: null,
    });
  });

  it("tells the student in the words of a waitlisting, without a reason", () => {
    expect(renderNotification(plan.notification, "en")).toEqual({
      subject: "Application waitlisted: Erasmus+ Europe",
      body: "Your Erasmus+ Europe application is on the waiting list: it will be approved if money is released.",
    });
    expect(renderNotification(plan.notification, "fr").subject).toBe(
      "Demande en liste d'attente : Erasmus+ Europe",
    );
  });
});
