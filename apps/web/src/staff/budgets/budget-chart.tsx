import { formatMoney, type Lang } from "@envol/domain";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_SERIES, type ChartDatum, type ChartSeries } from "../budget-rows.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

/** The series' colours: 3:1 at least against white and distinct from each other; the legend names them. */
const COLOURS = { committed: "#0b5394", paid: "#2f855a", remaining: "#b7791f" } as const;

const compact = (lang: Lang) =>
  new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });

/**
 * Committed, paid and remaining per scheme, as horizontal bars (scheme names stay readable on a
 * phone). The chart is a picture of the table next to it, which carries the same numbers for
 * screen readers and keyboards: the drawing itself is hidden from them.
 */
const BudgetChart = ({
  data,
  lang,
}: {
  readonly data: readonly ChartDatum[];
  readonly lang: Lang;
}) => {
  const { t } = useStaffTranslation();
  const axis = compact(lang);
  return (
    <div className="staff-budget-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={Math.max(220, 90 * data.length + 60)}>
        <BarChart
          data={[...data]}
          layout="vertical"
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          barCategoryGap="20%"
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#d5dbe3" />
          <XAxis
            type="number"
            tickFormatter={(v: number) => axis.format(v)}
            stroke="#4a5562"
            tick={{ fill: "#1b1f24", fontSize: 12 }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={130}
            stroke="#4a5562"
            tick={{ fill: "#1b1f24", fontSize: 12 }}
          />
          <Tooltip
            formatter={(value) => formatMoney(Math.round(Number(value) * 100), lang)}
            cursor={{ fill: "rgb(11 83 148 / 0.08)" }}
          />
          <Legend
            // in the series' order, not alphabetically (the default), and in the text's colour
            itemSorter={(item) => CHART_SERIES.indexOf(item.dataKey as ChartSeries)}
            formatter={(value) => <span className="staff-chart__legend">{value}</span>}
          />
          {CHART_SERIES.map((series) => (
            <Bar
              key={series}
              dataKey={series}
              name={t(`budgets.series.${series}`)}
              fill={COLOURS[series]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

export default BudgetChart;
