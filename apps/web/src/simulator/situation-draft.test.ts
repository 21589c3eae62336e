import { describe, expect, it } from "vitest";
import { DRAFT_KEY, saveDraft, startingSituation } from "./situation-draft.ts";
import { encodeSituation } from "./situation-link.ts";

const memoryStore = () => {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

describe("the situation to start from", () => {
  const saved = { mobility: { host: { partner: "kth" } } };
  const linked = { mobility: { host: { partner: "epfl" } } };

  it("is the saved draft when there is no link", () => {
    const store = memoryStore();
    saveDraft(saved, store);
    expect(startingSituation(undefined, store)).toEqual(saved);
  });

  it("is the link's when there is one, even with a saved draft", () => {
    const store = memoryStore();
    saveDraft(saved, store);
    expect(startingSituation(encodeSituation(linked), store)).toEqual(linked);
  });

  it("falls back to the draft when the link is broken, and to nothing when the draft is", () => {
    const store = memoryStore();
    saveDraft(saved, store);
    expect(startingSituation("not-a-situation", store)).toEqual(saved);
    store.setItem(DRAFT_KEY, "{broken");
    expect(startingSituation(undefined, store)).toBeUndefined();
    expect(startingSituation(undefined, undefined)).toBeUndefined();
  });

  it("survives a storage that refuses to write", () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => saveDraft(saved, full)).not.toThrow();
  });
});
