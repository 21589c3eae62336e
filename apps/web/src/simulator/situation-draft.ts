import { decodeSituation } from "./situation-link.ts";

/** Where the simulator keeps the answers between visits (this browser only). */
export const DRAFT_KEY = "envol.simulator.situation";

type Store = Pick<Storage, "getItem" | "setItem">;

/**
 * The answers to start from, and whether they become this browser's draft. A shared link wins
 * over the saved draft, so that a link opens what it shows, and is kept from then on; an
 * example (a rule page's link, `example`) is shown but never kept, so that opening one does not
 * lose the student's own answers. No answers when there is neither link nor draft.
 */
export const startingSituation = (
  search: { readonly s?: string; readonly example?: true },
  store: Store | undefined,
): { readonly situation: unknown; readonly keep: boolean } => {
  const fromLink = search.s && decodeSituation(search.s);
  return fromLink
    ? { situation: fromLink, keep: !search.example }
    : { situation: savedDraft(store), keep: true };
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
