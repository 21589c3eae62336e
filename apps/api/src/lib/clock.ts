import type { IsoDate } from "@envol/domain";

const PARIS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in Paris, the school's calendar day: the one place the API reads the wall clock. */
export const todayInParis = (): IsoDate => PARIS.format(new Date());
