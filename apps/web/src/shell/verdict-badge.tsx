import type { Verdict } from "@envol/domain";

const VERDICT_ICON = { eligible: "✓", ineligible: "✗", incomplete: "?" } as const;

/** The verdict's colour, one of the app's tones (base.css). */
const VERDICT_TONE = { eligible: "ok", ineligible: "no", incomplete: "maybe" } as const;

const VERDICT_ORDER: Record<Verdict, number> = { eligible: 0, incomplete: 1, ineligible: 2 };

/**
 * A scheme's verdict as a badge: its icon (hidden from screen readers) and its word, which each
 * caller takes from its own texts (the simulator's, the student area's, the back office's).
 */
export const VerdictBadge = ({
  verdict,
  label,
}: {
  readonly verdict: Verdict;
  readonly label: string;
}) => (
  <span className={`badge tone--${VERDICT_TONE[verdict]}`}>
    <span aria-hidden="true">{VERDICT_ICON[verdict]} </span>
    {label}
  </span>
);

/** The schemes in the order they are shown: the eligible first, then the incomplete, then the rest. */
export const byVerdict = <T extends { readonly verdict: Verdict }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
