import { describe, expect, it } from "vitest";
import { DRAFT_KEY, saveDraft, startingSituation } from "./situation-draft.ts";
import { fromSituation } from "./situation-form.ts";
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

  it("is the saved draft when there is no link, kept as it changes", () => {
    const store = memoryStore();
    saveDraft(saved, store);
    expect(startingSituation({}, store)).toEqual({ situation: saved, keep: true });
  });

  it("is the link's when there is one, even with a saved draft, and replaces the draft", () => {
    const store = memoryStore();
    saveDraft(saved, store);
    expect(startingSituation({ s: encodeSituation(linked) }, store)).toEqual({
      situation: linked,
      keep: true,
    });
  });

  it("is a member of the personnel's when the account is one and the draft has not chosen yet", () => {
    const store = memoryStore();
    expect(startingSituation({ participant: "personnel" }, store)).toEqual({
      situation: { personnel: {} },
      keep: true,
    });
    expect(
      fromSituation(startingSituation({ participant: "personnel" }, store).situation),
    ).toMatchObject({
      participant: "personnel",
    });
    // a draft without answers of either participant's has not chosen: its stay is kept
    saveDraft(saved, store);
    expect(startingSituation({ participant: "personnel" }, store)).toEqual({
      situation: { ...saved, personnel: {} },
      keep: true,
    });
  });

  it("is the draft's participant when it chose one, whatever the account", () => {
    const store = memoryStore();
    const student = { student: { residenceRegion: "ARA" }, mobility: {} };
    saveDraft(student, store);
    expect(startingSituation({ participant: "personnel" }, store).situation).toEqual(student);
    const personnel = { personnel: { activity: "training" }, mobility: {} };
    saveDraft(personnel, store);
    expect(startingSituation({ participant: "personnel" }, store).situation).toEqual(personnel);
  });

  it("is an example's when the link is one, shown but not kept: the draft stays the student's", () => {
    const store = memoryStore();
    saveDraft(saved, store);
    expect(startingSituation({ s: encodeSituation(linked), example: true }, store)).toEqual({
      situation: linked,
      keep: false,
    });
  });

  it("falls back to the draft, kept, when the link is broken, and to nothing when the draft is", () => {
    const store = memoryStore();
    saveDraft(saved, store);
    expect(startingSituation({ s: "not-a-situation", example: true }, store)).toEqual({
      situation: saved,
      keep: true,
    });
    store.setItem(DRAFT_KEY, "{broken");
    expect(startingSituation({}, store).situation).toBeUndefined();
    expect(startingSituation({}, undefined).situation).toBeUndefined();
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

describe("the participant of a draft and of a link", () => {
  const teacher = { personnel: { role: "teaching" }, mobility: { host: { partner: "tu-berlin" } } };

  it("is kept: a member of the personnel's draft and link reopen as theirs", () => {
    const store = memoryStore();
    saveDraft(teacher, store);
    expect(fromSituation(startingSituation({}, store).situation).participant).toBe("personnel");
    const linked = startingSituation({ s: encodeSituation(teacher) }, memoryStore()).situation;
    expect(fromSituation(linked).participant).toBe("personnel");
  });

  it("is a student for a draft or a link saved before staff mobility, which has no personnel block", () => {
    const store = memoryStore();
    saveDraft({ mobility: { host: { partner: "kth" } } }, store);
    expect(fromSituation(startingSituation({}, store).situation).participant).toBe("student");
    const old = encodeSituation({ student: { crous: { boursier: true } }, mobility: {} });
    expect(fromSituation(startingSituation({ s: old }, memoryStore()).situation).participant).toBe(
      "student",
    );
  });
});
