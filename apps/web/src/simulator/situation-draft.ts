import { decodeSituation } from "./situation-link.ts";

/** Where the simulator keeps the answers between visits (this browser only). */
export const DRAFT_KEY = "envol.simulator.situation";

type Store = Pick<Storage, "getItem" | "setItem">;

/**
 * The answers to start from: a shared link wins over the draft this browser saved, so that a
 * link opens what it shows; undefined when there is neither.
 */
export const startingSituation = (linkParam: string | undefined, store: Store | undefined) => {
  if (linkParam) {
    const fromLink = decodeSituation(linkParam);
    if (fromLink !== undefined) return fromLink;
  }
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
