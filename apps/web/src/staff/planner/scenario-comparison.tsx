import { type ReactNode, useId, useState } from "react";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import type { OptionField } from "./option-fields.ts";
import { chartPairs, comparison, requestName, type Scenario } from "./scenario.ts";

const BAR_HEIGHT = 14;
const PAIR_GAP = 14;
const LABEL_WIDTH = 130;
const CHART_WIDTH = 560;

/**
 * The scenarios kept in the page: today's line and each scenario's side by side (demand,
 * envelope, funded, entering, leaving), a chart of demand against the envelope (inline SVG, its
 * title and description naming what it draws, the same figures in the table), and one
 * scenario's changed requests (old and new amount, entering or leaving) with "save".
 */
export const ScenarioComparison = ({
  scenarios,
  fields,
  names,
  formatCents,
  saveButton,
}: {
  readonly scenarios: readonly Scenario[];
  readonly fields: readonly OptionField[];
  readonly names: ReadonlyMap<string, string>;
  readonly formatCents: (cents: number) => string;
  readonly saveButton: (scenario: Scenario) => ReactNode;
}) => {
  const { t } = useStaffTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const lines = comparison(scenarios);
  const pairs = chartPairs(lines);
  const shown = scenarios.find((s) => s.number === chosen) ?? scenarios.at(-1);
  const nameOf = (n: number | null) =>
    n === null ? t("planner.compare.today") : t("planner.compare.scenario", { number: n });
  const describe = (s: Scenario) => {
    const parts = fields
      .filter((f) => s.options[f.name] !== undefined)
      .map((f) => {
        const v = s.options[f.name] as number;
        return `${t(`planner.option.${f.name}`, { defaultValue: f.name })} ${f.money ? formatCents(v) : v}`;
      });
    if (s.envelopeCents !== null)
      parts.push(t("planner.compare.envelopeOf", { amount: formatCents(s.envelopeCents) }));
    return parts.length === 0 ? t("planner.compare.nothingChanged") : parts.join(", ");
  };
  const height = pairs.length * (2 * BAR_HEIGHT + PAIR_GAP) + PAIR_GAP;
  const barsWidth = CHART_WIDTH - LABEL_WIDTH - 10;

  return (
    <div className="staff-planner__scenarios">
      <h3>{t("planner.compare.title")}</h3>
      <div className="staff-table-scroll">
        <table className="staff-data-table">
          <caption>{t("planner.compare.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planner.compare.columns.scenario")}</th>
              <th scope="col">{t("planner.compare.columns.changes")}</th>
              <th scope="col">{t("planner.compare.columns.demand")}</th>
              <th scope="col">{t("planner.compare.columns.envelope")}</th>
              <th scope="col">{t("planner.compare.columns.funded")}</th>
              <th scope="col">{t("planner.compare.columns.entering")}</th>
              <th scope="col">{t("planner.compare.columns.leaving")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const s = scenarios.find((x) => x.number === line.scenario);
              return (
                <tr key={line.scenario ?? "today"}>
                  <th scope="row">{nameOf(line.scenario)}</th>
                  <td>{s ? describe(s) : t("planner.compare.todayChanges")}</td>
                  <td>{formatCents(line.demandCents)}</td>
                  <td>{formatCents(line.envelopeCents)}</td>
                  <td>
                    {t("planner.compare.fundedCount", {
                      count: line.funded,
                      amount: formatCents(line.fundedCents),
                    })}
                  </td>
                  <td>{line.entering ?? "—"}</td>
                  <td>{line.leaving ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <figure className="staff-planner__chart">
        <svg
          role="img"
          aria-labelledby={`${id}-chart-title ${id}-chart-desc`}
          viewBox={`0 0 ${CHART_WIDTH} ${height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
        >
          <title id={`${id}-chart-title`}>{t("planner.chart.title")}</title>
          <desc id={`${id}-chart-desc`}>
            {lines
              .map((l) =>
                t("planner.chart.line", {
                  name: nameOf(l.scenario),
                  demand: formatCents(l.demandCents),
                  envelope: formatCents(l.envelopeCents),
                }),
              )
              .join(" ")}
          </desc>
          {pairs.map((p, i) => {
            const y = PAIR_GAP + i * (2 * BAR_HEIGHT + PAIR_GAP);
            return (
              <g key={p.scenario ?? "today"}>
                <text x={0} y={y + BAR_HEIGHT + 4} className="staff-planner__chart-label">
                  {nameOf(p.scenario)}
                </text>
                <rect
                  x={LABEL_WIDTH}
                  y={y}
                  width={Math.max(1, p.demand * barsWidth)}
                  height={BAR_HEIGHT}
                  className={
                    p.over
                      ? "staff-planner__demand staff-planner__demand--over"
                      : "staff-planner__demand"
                  }
                />
                <rect
                  x={LABEL_WIDTH}
                  y={y + BAR_HEIGHT}
                  width={Math.max(1, p.envelope * barsWidth)}
                  height={BAR_HEIGHT}
                  className="staff-planner__envelope"
                />
              </g>
            );
          })}
        </svg>
        <figcaption>
          <span className="staff-planner__key staff-planner__key--demand" aria-hidden="true" />{" "}
          {t("planner.chart.demand")}{" "}
          <span className="staff-planner__key staff-planner__key--envelope" aria-hidden="true" />{" "}
          {t("planner.chart.envelope")}
        </figcaption>
      </figure>

      {shown && (
        <div className="staff-planner__changed">
          {scenarios.length > 1 && (
            <div className="field staff-planner__pick">
              <label className="field__label" htmlFor={`${id}-pick`}>
                {t("planner.compare.pick")}
              </label>
              <select
                id={`${id}-pick`}
                className="field__input"
                value={shown.number}
                onChange={(e) => setChosen(Number(e.currentTarget.value))}
              >
                {scenarios.map((s) => (
                  <option key={s.number} value={s.number}>
                    {nameOf(s.number)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <h3>{t("planner.changed.title", { name: nameOf(shown.number) })}</h3>
          <p>
            {t("planner.changed.summary", {
              read: t("planner.changed.read", { count: shown.summary.requests }),
              pending: t("planner.changed.pending", { count: shown.summary.pending }),
              decided: t("planner.changed.decided", { count: shown.summary.decided }),
              changed: t("planner.changed.amounts", { count: shown.summary.amountChanged }),
            })}
          </p>
          {shown.rows.length === 0 ? (
            <p>{t("planner.changed.none")}</p>
          ) : (
            <div className="staff-table-scroll">
              <table className="staff-data-table staff-data-table--compact">
                <caption>{t("planner.changed.caption", { name: nameOf(shown.number) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("planner.changed.columns.rank")}</th>
                    <th scope="col">{t("planner.changed.columns.request")}</th>
                    <th scope="col">{t("planner.changed.columns.before")}</th>
                    <th scope="col">{t("planner.changed.columns.after")}</th>
                    <th scope="col">{t("planner.changed.columns.movement")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.rows.map((r) => (
                    <tr key={r.requestId}>
                      <td>{r.scenarioRank ?? "—"}</td>
                      <th scope="row">
                        {(() => {
                          const named = requestName(names, r.requestId);
                          return "name" in named
                            ? named.name
                            : t("planner.changed.requestNumber", { short: named.short });
                        })()}
                      </th>
                      <td>
                        {r.baseCents === null
                          ? t("planner.changed.ineligible")
                          : formatCents(r.baseCents)}
                      </td>
                      <td>
                        {r.scenarioCents === null
                          ? t("planner.changed.ineligible")
                          : formatCents(r.scenarioCents)}
                      </td>
                      <td>
                        {r.fundedAfter && !r.fundedBefore
                          ? t("planner.changed.enters")
                          : !r.fundedAfter && r.fundedBefore
                            ? t("planner.changed.leaves")
                            : r.fundedAfter
                              ? t("planner.changed.staysFunded")
                              : t("planner.changed.staysWaiting")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {shown.rowsOmitted > 0 && (
            <p>{t("planner.changed.omitted", { count: shown.rowsOmitted })}</p>
          )}
          {saveButton(shown)}
        </div>
      )}
    </div>
  );
};
