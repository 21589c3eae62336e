import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  ACTOR_KINDS,
  type ActionInput,
  type Actor,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  TransitionNotAllowed,
  transition,
} from "./application-lifecycle.ts";
import { impossibleTo, quotedState } from "./request-words.ts";

const refused = (
  state: (typeof REQUEST_STATES)[number],
  action: (typeof REQUEST_ACTIONS)[number],
  actor: (typeof ACTOR_KINDS)[number],
) => new TransitionNotAllowed({ requestId: "r1", state, action, actor });

describe("a refused move, explained", () => {
  it("names the state the action needs when the state is wrong", () => {
    const e = refused("completed", "approve", "staff");
    expect(e.explain("fr")).toBe(
      "Impossible d'accorder cette demande : elle est à l'état « soldée » ; c'est possible seulement à l'état « en instruction ».",
    );
    expect(e.explain("en")).toBe(
      "Cannot approve this request: its state is “settled”; this is possible only in the state “under review”.",
    );
  });

  it("names who may act when the actor may not", () => {
    const e = refused("under_review", "approve", "student");
    expect(e.explain("fr")).toBe("Impossible d'accorder cette demande : c'est réservé à la DRI.");
    expect(e.explain("en")).toBe(
      "Cannot approve this request: only the international office may do so.",
    );
    expect(refused("draft", "submit", "staff").explain("fr")).toBe(
      "Impossible d'envoyer cette demande : c'est réservé à l'étudiant ou au membre du personnel.",
    );
    expect(refused("draft", "submit", "staff").explain("en")).toBe(
      "Cannot submit this request: only the student or the member of the school's personnel may do so.",
    );
  });

  it("lists several allowed states with the language's 'or'", () => {
    expect(refused("draft", "reject", "staff").explain("fr")).toBe(
      "Impossible de refuser cette demande : elle est à l'état « brouillon » ; c'est possible seulement aux états « en instruction » ou « en liste d'attente ».",
    );
    expect(refused("draft", "reject", "staff").explain("en")).toBe(
      "Cannot reject this request: its state is “draft”; this is possible only in the states “under review” or “on the waiting list”.",
    );
  });

  it("says a host partner does not see drafts", () => {
    expect(refused("draft", "cancel", "partner").explain("fr")).toBe(
      "Impossible d'annuler cette demande : elle est encore un brouillon, que l'établissement d'accueil ne voit pas.",
    );
  });

  it("explains every refusal the lifecycle makes, without contradicting itself", () => {
    const actors: Record<(typeof ACTOR_KINDS)[number], Actor> = {
      student: { kind: "student", userId: "s1" },
      personnel: { kind: "personnel", userId: "s1" },
      staff: { kind: "staff", userId: "o1" },
      partner: { kind: "partner", partnerId: "p1" },
      system: { kind: "system", process: "test" },
    };
    const inputOf = (action: (typeof REQUEST_ACTIONS)[number]): ActionInput =>
      action === "approve" || action === "promote"
        ? { action, amountCents: 100, budgetRemainingCents: 1_000 }
        : action === "reject" || action === "cancel"
          ? { action, reason: "test" }
          : action === "pay-advance"
            ? { action, amountCents: 100 }
            : ({ action } as ActionInput);
    let refusals = 0;
    for (const action of REQUEST_ACTIONS)
      for (const state of REQUEST_STATES)
        for (const actor of ACTOR_KINDS) {
          const request = {
            id: "r1",
            scheme: "idf",
            state,
            studentId: "s1",
            hostPartnerId: "p1",
            approvedCents: 1_000,
            paidCents: 0,
          };
          const result = transition(
            request,
            inputOf(action),
            actors[actor],
            "2026-11-26T10:00:00Z",
          );
          if (Result.isSuccess(result) || !(result.failure instanceof TransitionNotAllowed))
            continue;
          refusals++;
          const fr = result.failure.explain("fr");
          const en = result.failure.explain("en");
          expect(fr).toMatch(/^Impossible d(e |')[^\n]*\.$/);
          expect(en).toMatch(/^Cannot [^\n]*\.$/);
          expect(`${fr} ${en}`).not.toMatch(/undefined|_/);
          // a state the action is refused from is never given as one it can be done from
          const own = quotedState(state, "fr");
          const [, possible = ""] = fr.split("possible seulement");
          expect(possible).not.toContain(own);
        }
    expect(refusals).toBeGreaterThan(300);
  });

  it("elides de before a vowel", () => {
    expect(impossibleTo("accorder")).toBe("Impossible d'accorder");
    expect(impossibleTo("refuser")).toBe("Impossible de refuser");
  });
});
