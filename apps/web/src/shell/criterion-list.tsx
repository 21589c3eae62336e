import "./criterion-list.css";
import "./eligibility.css";
import type { SchemeResult } from "@envol/domain";

type CriterionResult = SchemeResult["criteria"][number];

const STATUS_ICON = { met: "✓", unmet: "✗", unknown: "?" } as const;

/**
 * A scheme's conditions with their reason and hint (the API's words, already translated), as
 * the simulator and the back office both show them; each caller names the statuses and words
 * the hint in its own texts.
 */
export const CriterionList = ({
  criteria,
  statusLabel,
  hintText = (c) => c.hint ?? "",
  reasonClassName,
}: {
  readonly criteria: readonly CriterionResult[];
  readonly statusLabel: (status: CriterionResult["status"]) => string;
  readonly hintText?: (c: CriterionResult) => string;
  readonly reasonClassName?: string;
}) => (
  <ul className="criteria">
    {criteria.map((c) => (
      <li key={c.id} className={`criterion criterion--${c.status}`}>
        <span className="criterion__status">
          <span aria-hidden="true">{STATUS_ICON[c.status]} </span>
          {statusLabel(c.status)}
        </span>
        <span className={reasonClassName}>{c.reason}</span>
        {c.hint && <span className="criterion__hint">{hintText(c)}</span>}
      </li>
    ))}
  </ul>
);
