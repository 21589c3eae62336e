import type { RequestState } from "@envol/domain";
import { STATE_TONE } from "./request-state.ts";
import { useStudentTranslation } from "./student-texts.ts";

const ICON = { progress: "•", ok: "✓", maybe: "…", closed: "✗" } as const;

/** A request's state as a badge: its name, and a colour and a sign that say the same. */
export const StateBadge = ({ state }: { readonly state: RequestState }) => {
  const { t } = useStudentTranslation();
  const tone = STATE_TONE[state];
  return (
    <span className={`badge state tone--${tone}`}>
      <span aria-hidden="true">{ICON[tone]} </span>
      {t(`states.${state}`)}
    </span>
  );
};
