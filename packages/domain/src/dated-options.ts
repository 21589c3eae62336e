import type { IsoDate } from "./calendar-date.ts";
import { inForce } from "./figures.ts";
import type { ConfiguredPeriod, ConfiguredPlugin } from "./plugin.ts";

/** The start of a scheme's earliest period: no dated options can start before it. */
export const firstPeriodOf = (plugin: Pick<ConfiguredPlugin, "periods">): IsoDate =>
  plugin.periods.map((p) => p.since).sort()[0] ?? "";

/**
 * A scheme whose options change from a date (issue #15, ADR 020): the office saved a scenario
 * as the institution's options "from 1 September 2027". Stays starting before `since` keep the
 * figures of `base`; from `since`, those of `next` (the same plugin configured with the new
 * options). The composed plugin's periods are `base`'s that begin before `since`, then `next`'s
 * period in force on `since`, re-dated to `since`, then `next`'s later ones; each period's
 * estimate, documents and plan share are those of the plugin it came from.
 *
 * The stay's start date picks the period, as for any scheme: a stay before the scheme's first
 * period is still ineligible on `period`, never priced with another period's figures.
 *
 * @example
 * const idf2027 = optionsFrom(idf.configure({}), "2027-09-01", idf.configure({ monthlyRateCents: 40_000 }));
 * idf2027.periodFor("2027-08-31") // base's figures: 450 € a month
 * idf2027.periodFor("2027-09-01") // next's: 400 € a month
 * @throws Error when the two are not the same scheme, or when `next` has no period in force on
 *   `since` (its figures would start later, leaving a gap that another period would fill)
 */
export const optionsFrom = (
  base: ConfiguredPlugin,
  since: IsoDate,
  next: ConfiguredPlugin,
): ConfiguredPlugin => {
  if (base.id !== next.id)
    throw new Error(`options of "${next.id}" cannot start a period of "${base.id}"`);
  const opening = next.periods
    .filter((p) => p.since <= since)
    .reduce<ConfiguredPeriod | undefined>((a, p) => (a && a.since >= p.since ? a : p), undefined);
  if (opening === undefined)
    throw new Error(`"${next.id}" has no figures in force on ${since} with the new options`);

  // each composed period with the plugin and the period it came from
  const owners = new Map<
    ConfiguredPeriod,
    { plugin: ConfiguredPlugin; period: ConfiguredPeriod }
  >();
  const periods: ConfiguredPeriod[] = [];
  const add = (plugin: ConfiguredPlugin, period: ConfiguredPeriod, composed: ConfiguredPeriod) => {
    owners.set(composed, { plugin, period });
    periods.push(composed);
  };
  for (const p of base.periods) if (p.since < since) add(base, p, p);
  add(next, opening, { ...opening, since });
  for (const p of next.periods) if (p.since > since) add(next, p, p);

  const ownerOf = (period: ConfiguredPeriod) => {
    const owner = owners.get(period);
    if (owner === undefined) throw new Error(`a period not of "${base.id}" was asked for`);
    return owner;
  };
  const nextInPlan = next.inPlan;
  const baseInPlan = base.inPlan;
  return {
    ...next,
    periods,
    periodFor: (start) => inForce(periods, start),
    optionsFor: (start) => (start < since ? base.optionsFor(start) : next.optionsFor(start)),
    estimate: (ctx, period) => {
      const o = ownerOf(period);
      return o.plugin.estimate(ctx, o.period);
    },
    documents: (ctx, period) => {
      const o = ownerOf(period);
      return o.plugin.documents(ctx, o.period);
    },
    inPlan:
      nextInPlan || baseInPlan
        ? (ctx, period, peers) => {
            const o = ownerOf(period);
            if (o.plugin.inPlan === undefined) throw new Error(`"${base.id}" has no plan share`);
            return o.plugin.inPlan(ctx, o.period, peers);
          }
        : undefined,
  };
};
