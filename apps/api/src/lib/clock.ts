import type { IsoDate } from "@envol/domain";

const PARIS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

let cached = { until: 0, day: "" };

/**
 * Today in Paris, the school's calendar day: the one place the API reads the wall clock
 * (formatted at most once a second: every simulation asks).
 */
export const todayInParis = (): IsoDate => {
  const now = Date.now();
  if (now >= cached.until) cached = { until: now + 1000, day: PARIS.format(now) };
  return cached.day;
};
