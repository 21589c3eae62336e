import { decodeSituation } from "./situation-link.ts";

/** Where the simulator keeps the answers between visits (this browser only). */
export const DRAFT_KEY = "envol.simulator.situation";

type Store = Pick<Storage, "getItem" | "setItem">;

/**
 * The answers to start from, and whether they become this browser's draft. A shared link wins
 * over the saved draft, so that a link opens what it shows, and is kept from then on; an
 * example (a rule page's link, `example`) is shown but never kept, so that opening one does not
 * lose the student's own answers. No answers when there is neither link nor draft. A
 * `participant` (a member of the personnel's "New application") says who goes when the draft has
 * not chosen yet: a draft with neither a `personnel` nor a `student` block.
 */
export const startingSituation = (
  search: { readonly s?: string; readonly example?: true; readonly participant?: "personnel" },
  store: Store | undefined,
): { readonly situation: unknown; readonly keep: boolean } => {
  const fromLink = search.s && decodeSituation(search.s);
  if (fromLink) return { situation: fromLink, keep: !search.example };
  const draft = savedDraft(store);
  const answers = draft instanceof Object ? draft : {};
  const chosen = "personnel" in answers || "student" in answers;
  return {
    situation: search.participant && !chosen ? { ...answers, personnel: {} } : draft,
    keep: true,
  };
};

const savedDraft = (store: Store | undefined): unknown => {
  try {
    const saved = store?.getItem(DRAFT_KEY);
    return saved ? (JSON.parse(saved) as unknown) : undefined;
  } catch {
    return undefined;
  }
};

export const saveDraft = (situation: unknown, store: Store | undefined): void => {
  try {
    store?.setItem(DRAFT_KEY, JSON.stringify(situation));
  } catch {
    // storage full or disabled: the answers stay on screen, only not kept
  }
};
