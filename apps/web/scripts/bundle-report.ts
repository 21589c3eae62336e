/**
 * What each route of the built web app makes the browser download, in gzip kilobytes, from the
 * Vite manifest (`dist/.vite/manifest.json`): the simulator's first screen (the entry, the app it
 * imports once the static page is painted, and their static imports; in English, the English texts too, which the app loads before its first
 * render), what the simulator loads right after it, and the student and staff areas and the
 * rule pages (`/regles/*`, `/rules/*`) (their lazy chunk and its imports, beyond what the first
 * screen already loaded).
 *
 *   npx tsx scripts/bundle-report.ts [dist]
 *
 * Exits non-zero when the simulator's first screen, in either language, is over its budget
 * (issue #6: 150 KB gzip).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 150;

interface Chunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}
type Manifest = Record<string, Chunk>;

/** The areas loaded on demand: their route and the source of their lazy chunk. */
const AREAS = [
  { route: "/student/*", src: "src/areas/student-area.tsx" },
  { route: "/staff/*", src: "src/areas/staff-area.tsx" },
  { route: "/regles/*", src: "src/areas/rules-pages.tsx" },
] as const;

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "dist"));
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Manifest;

const chunk = (key: string): Chunk => {
  const c = manifest[key];
  if (!c) throw new Error(`${key}: not in the manifest`);
  return c;
};

/** A chunk and everything it imports statically: what the browser needs before running it. */
const closure = (keys: readonly string[], into = new Set<string>()): Set<string> => {
  for (const key of keys) {
    if (into.has(key)) continue;
    into.add(key);
    closure(chunk(key).imports ?? [], into);
  }
  return into;
};

const gzipKb = (() => {
  const cache = new Map<string, number>();
  return (key: string): number => {
    let kb = cache.get(key);
    if (kb === undefined) {
      const file = chunk(key).file;
      kb = file.endsWith(".js") ? gzipSync(readFileSync(join(dist, file))).length / 1024 : 0;
      cache.set(key, kb);
    }
    return kb;
  };
})();

const total = (keys: Iterable<string>): number => [...keys].reduce((kb, k) => kb + gzipKb(k), 0);
const minus = (a: Set<string>, b: Set<string>): Set<string> =>
  new Set([...a].filter((k) => !b.has(k)));

const entries = Object.entries(manifest)
  .filter(([, c]) => c.isEntry)
  .map(([k]) => k);
if (entries.length !== 1)
  throw new Error(`expected one entry, found ${entries.join(", ") || "none"}`);
// the entry (src/boot.ts: the stylesheet) imports the app once the static page is painted
const appKey = Object.keys(manifest).find((k) => manifest[k]?.src === "src/main.tsx");
if (!appKey) throw new Error("src/main.tsx: no chunk (does src/boot.ts still import it?)");
const firstScreen = closure([...entries, appKey]);

const areaKeys = AREAS.map((area) => {
  const key = Object.keys(manifest).find((k) => manifest[k]?.src === area.src);
  if (!key) throw new Error(`${area.src}: no chunk (is its route still lazy?)`);
  return { ...area, key };
});
const areaSet = new Set(areaKeys.map((a) => a.key));

// the English texts: loaded before the first render when English is the language (src/i18n/i18n.ts)
const englishKey = Object.keys(manifest).find((k) => manifest[k]?.src === "src/i18n/en.ts");
if (!englishKey) throw new Error("src/i18n/en.ts: no chunk (are the English texts still lazy?)");
const english = minus(closure([englishKey]), firstScreen);

// the simulator's own lazy parts: every dynamic import reachable from it, but the areas'
const simulatorLater = new Set<string>();
const visit = (keys: Iterable<string>) => {
  for (const key of keys) {
    for (const dynamic of chunk(key).dynamicImports ?? []) {
      if (areaSet.has(dynamic) || dynamic === englishKey) continue;
      if (simulatorLater.has(dynamic) || firstScreen.has(dynamic)) continue;
      const added = minus(closure([dynamic]), firstScreen);
      const fresh = [...added].filter((k) => !simulatorLater.has(k));
      for (const k of fresh) simulatorLater.add(k);
      visit(fresh);
    }
  }
};
visit(firstScreen);

const kb = (n: number) => `${n.toFixed(1).padStart(6)} KB`;
const files = (keys: Iterable<string>) =>
  [...keys]
    .filter((k) => gzipKb(k) >= 0.05)
    .sort((a, b) => gzipKb(b) - gzipKb(a))
    .map((k) => `      ${kb(gzipKb(k))}  ${chunk(k).file}`)
    .join("\n");

const first = total(firstScreen);
const firstEnglish = first + total(english);
const later = total(simulatorLater);
const lines = [
  `JavaScript per route (gzip), from ${join(dist, ".vite", "manifest.json")}`,
  "",
  `  /  simulator, first screen   ${kb(first)}   (in French; budget ${BUDGET_KB} KB)`,
  files(firstScreen),
  `  /  simulator, first screen   ${kb(firstEnglish)}   (in English: the same and the English texts)`,
  files(english),
  `  /  simulator, loaded after   ${kb(later)}   (validation, step 2, search lists, results)`,
  files(simulatorLater),
  `  /  simulator, in all         ${kb(first + later)}`,
];
for (const area of areaKeys) {
  const added = minus(closure([area.key]), firstScreen);
  lines.push(
    `  ${area.route.padEnd(11)} lazy area       ${kb(total(added))}   (+ the first screen's ${first.toFixed(1)} KB on a direct visit)`,
    files(added),
  );
}
console.log(lines.join("\n"));

const heaviest = Math.max(first, firstEnglish);
if (heaviest > BUDGET_KB) {
  console.error(
    `\nThe simulator's first screen is ${heaviest.toFixed(1)} KB gzip, over its ${BUDGET_KB} KB budget.`,
  );
  process.exit(1);
}
