/**
 * `pnpm bench`, the queue part (issue #12): 100 000 applications seeded by set-based INSERTs
 * (`seedQueueVolume`), then the staff queue's pages read as the API reads them
 * (`queuePage`, what `Applications.queue` runs: each filter, each sort, a search, the deepest page) and the requests'
 * export read batch by batch as it streams (`queueBatch`). Prints each page's
 * median and p95 against the target (≤ 100 ms), and the export's time and peak RSS growth.
 * On PGlite in memory, or on PostgreSQL when DATABASE_URL is set.
 */
import {
  MAX_QUEUE_OFFSET,
  openDatabase,
  type QueueCursor,
  type QueueFilter,
  queueBatch,
  queuePage,
} from "@envol/db";
import { seedQueueVolume } from "@envol/db/testing";
import { sql } from "drizzle-orm";

const N = Number(process.env.BENCH_QUEUE_APPLICATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 20);
const TARGET_P95_MS = 100;
const BATCH = 500;

const PAGES: readonly [string, QueueFilter][] = [
  ["to process (default)", { view: "to-process" }],
  ["all but drafts", { view: "all" }],
  ["oldest change first", { view: "all", sort: "updated-asc" }],
  ["earliest stay first", { view: "all", sort: "start-asc" }],
  ["one scheme", { view: "all", scheme: "idf" }],
  ["one state", { states: ["approved"] }],
  ["one year", { view: "to-process", academicYear: "2028-2029" }],
  ["one country", { view: "all", destinationCountry: "ES" }],
  ["search by name", { view: "all", search: "hélène dup" }],
  ["search by e-mail", { view: "all", search: "etudiant1234" }],
  ["deepest page", { view: "all", offset: MAX_QUEUE_OFFSET }],
  ["deepest page, by stay", { view: "all", sort: "start-asc", offset: MAX_QUEUE_OFFSET }],
];

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const main = async () => {
  const opened = await openDatabase({ dataDir: "memory://", url: process.env.DATABASE_URL });
  const partners = [
    { id: "bench-de", country: "DE" },
    { id: "bench-es", country: "ES" },
    { id: "bench-ca", country: "CA" },
  ];
  await opened.db.execute(sql`insert into partners (id, name, country, city, lat, lon, agreements, updated_at)
    values ('bench-de', 'Bench DE', 'DE', 'Berlin', 52.5, 13.4, '[]', now()),
           ('bench-es', 'Bench ES', 'ES', 'Sevilla', 37.4, -6, '[]', now()),
           ('bench-ca', 'Bench CA', 'CA', 'Montréal', 45.5, -73.6, '[]', now())
    on conflict do nothing`);
  const seedStart = performance.now();
  await seedQueueVolume(opened.db, {
    applications: N,
    schemes: ["idf", "erasmus", "fitec"],
    partners,
    tag: `bench${Date.now()}`,
  });
  console.log(
    `\nThe queue at ${N.toLocaleString("en")} applications on ${opened.kind}: seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
  );
  const rows: Record<string, Record<string, string>> = {};
  for (const [name, filter] of PAGES) {
    const times: number[] = [];
    // one read first, not counted: the page's indexes read into memory, as a working day has them
    await queuePage(opened.db, { limit: 20, ...filter });
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await queuePage(opened.db, { limit: 20, ...filter });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    rows[name] = {
      median: `${percentile(times, 50).toFixed(1)} ms`,
      p95: `${p95.toFixed(1)} ms`,
      target: p95 <= TARGET_P95_MS ? "within the target" : "OVER the target",
    };
  }
  console.table(rows);

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const exportStart = performance.now();
  let read = 0;
  let cursor: QueueCursor | null = null;
  do {
    const batch = await queueBatch(opened.db, { view: "all" }, cursor, BATCH);
    read += batch.rows.length;
    cursor = batch.next;
    peak = Math.max(peak, process.memoryUsage().rss);
  } while (cursor !== null);
  console.log(
    `export (all but drafts, batches of ${BATCH}): ${read.toLocaleString("en")} rows in ${((performance.now() - exportStart) / 1000).toFixed(1)} s, peak RSS +${((peak - rssBefore) / 2 ** 20).toFixed(0)} MiB`,
  );
  await opened.close();
};

await main();
