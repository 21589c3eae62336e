import { describe, expect, it } from "vitest";
import {
  ACTOR_KINDS,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  TRANSITIONS,
  TransitionNotAllowed,
} from "./application-lifecycle.ts";
import { impossibleTo, refusalOf } from "./request-words.ts";

const refused = (
  state: (typeof REQUEST_STATES)[number],
  action: (typeof REQUEST_ACTIONS)[number],
  actor: (typeof ACTOR_KINDS)[number],
) => new TransitionNotAllowed({ requestId: "r1", state, action, actor });

describe("a refused move, explained", () => {
  it("names the states the action needs when the state is wrong", () => {
    const e = refused("completed", "approve", "staff");
    expect(e.explain("fr")).toBe(
      "Impossible d'accorder cette demande : elle est « soldée » ; c'est possible seulement quand elle est « en instruction ».",
    );
    expect(e.explain("en")).toBe(
      "Cannot approve this request: it is “settled”; this is possible only when it is “under review”.",
    );
  });

  it("names who may act when the actor may not", () => {
    const e = refused("under_review", "approve", "student");
    expect(e.explain("fr")).toBe("Impossible d'accorder cette demande : c'est réservé à la DRI.");
    expect(e.explain("en")).toBe(
      "Cannot approve this request: only the international office may do so.",
    );
    expect(refused("draft", "cancel", "student").explain("fr")).toBe(
      "Impossible d'annuler cette demande : c'est réservé à la DRI ou à l'établissement d'accueil.",
    );
  });

  it("lists several allowed states with the language's 'or'", () => {
    expect(refused("draft", "reject", "staff").explain("en")).toBe(
      "Cannot reject this request: it is “draft”; this is possible only when it is “under review” or “on the waiting list”.",
    );
  });

  it("has a sentence for every refusal the lifecycle can make, in both languages", () => {
    for (const action of REQUEST_ACTIONS)
      for (const state of REQUEST_STATES)
        for (const actor of ACTOR_KINDS) {
          const text = refusalOf({ state, action, actor }, TRANSITIONS[action]);
          // no name left untranslated, no placeholder, one sentence each
          expect(text.fr).toMatch(/^Impossible d(e |')[^\n]*\.$/);
          expect(text.en).toMatch(/^Cannot [^\n]*\.$/);
          expect(`${text.fr} ${text.en}`).not.toMatch(/undefined|_/);
        }
  });

  it("elides de before a vowel", () => {
    expect(impossibleTo("accorder")).toBe("Impossible d'accorder");
    expect(impossibleTo("refuser")).toBe("Impossible de refuser");
  });
});
