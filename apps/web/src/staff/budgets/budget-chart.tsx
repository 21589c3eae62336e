import "./budget-chart.css";
import type { Lang } from "@envol/domain";
import { CHART_SERIES, type ChartDatum } from "../budget-rows.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

/** The height of a bar and the space between two (px). */
const BAR = 16;
const BAR_GAP = 4;
/** The longest bar's share of the width: the rest is for its amount, written after it. */
const LONGEST = 75;

const compact = (lang: Lang) =>
  new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });

/**
 * Committed, paid and remaining per scheme, as horizontal bars, each with its amount written
 * after it: per scheme, its name (text that wraps on a phone) above a small SVG whose widths
 * are percentages, so that it fits any width without measuring it. The whole is one image for
 * screen readers, named by what it shows: the table beside it carries the same numbers, to read
 * and navigate. The series' colours (`budget-chart.css`) are told apart by the legend, and by
 * their order within each scheme.
 */
export const BudgetChart = ({
  data,
  lang,
  label,
}: {
  readonly data: readonly ChartDatum[];
  readonly lang: Lang;
  /** What the chart shows, for screen readers (the figure's caption says it to the eye). */
  readonly label: string;
}) => {
  const { t } = useStaffTranslation();
  const amount = compact(lang);
  const largest = Math.max(1, ...data.flatMap((d) => CHART_SERIES.map((s) => d[s])));
  const width = (value: number) => `${(Math.max(0, value) / largest) * LONGEST}%`;
  const height = CHART_SERIES.length * (BAR + BAR_GAP) - BAR_GAP;
  return (
    <div className="budget-chart" role="img" aria-label={label}>
      <ul className="budget-chart__legend">
        {CHART_SERIES.map((series) => (
          <li key={series}>
            <span className={`budget-chart__swatch budget-chart__bar--${series}`} />
            {t(`budgets.series.${series}`)}
          </li>
        ))}
      </ul>
      {data.map((datum) => (
        <div key={datum.scheme} className="budget-chart__scheme">
          <p className="budget-chart__name">{datum.name}</p>
          <svg className="budget-chart__bars" width="100%" height={height} aria-hidden="true">
            {CHART_SERIES.map((series, i) => {
              const y = i * (BAR + BAR_GAP);
              return (
                <g key={series}>
                  <rect
                    className={`budget-chart__bar budget-chart__bar--${series}`}
                    x="0"
                    y={y}
                    width={width(datum[series])}
                    height={BAR}
                  />
                  <text
                    className="budget-chart__amount"
                    x={width(datum[series])}
                    dx="6"
                    y={y + BAR / 2}
                    dominantBaseline="central"
                  >
                    {amount.format(datum[series])}
                  </text>
                </g>
              );
            })}
            <line className="budget-chart__axis" x1="0" x2="0" y1="0" y2={height} />
          </svg>
        </div>
      ))}
    </div>
  );
};
