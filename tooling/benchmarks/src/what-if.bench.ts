/**
 * `pnpm bench`, the what-if and allocation part (issue #15, ADRs 019 and 020):
 *
 * - a what-if over 50 000 requests of one scheme in one academic year seeded by set-based
 *   INSERTs (`seedWhatIfVolume`), the database read included: the year's requests read by keyset
 *   pages as `POST /api/staff/scenarios` reads them (`whatIfBatch`), each evaluated with today's
 *   IDF options and with 400 € a month, both sides ranked and allocated (`startWhatIf`);
 *   **target ≤ 5 s**, with the heap's peak printed (the outcomes are kept, never the reports);
 * - a ranked allocation of a call of 10 000 submitted requests, through the repositories the
 *   office's routes call (`Allocations.propose`, `find`, `apply`): the proposal's
 *   **target ≤ 2 s**; the apply's time is printed, with no target.
 *
 * On PGlite in memory, or on PostgreSQL when DATABASE_URL is set (the what-if in that database,
 * an earlier run's rows deleted first; the allocation in a database of its own, dropped after).
 */
import { Allocations, Budgets, Database, openDatabase, whatIfBatch } from "@envol/db";
import {
  openTestRuntime,
  pgliteEngine,
  postgresEngine,
  seedWhatIfVolume as seed,
} from "@envol/db/testing";
import { firstPeriodOf, optionsFrom, startWhatIf } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { sql } from "drizzle-orm";

const N = Number(process.env.BENCH_WHAT_IF_REQUESTS ?? 50_000);
const ALLOCATED = Number(process.env.BENCH_ALLOCATION_REQUESTS ?? 10_000);
const PAGE = 1_000;
const SCHEME = "idf";
const TARGET_WHAT_IF_S = 5;
const TARGET_ALLOCATION_S = 2;
// the IDF grant's partner years end with 2027-2028
const YEAR = 2027;
const ACADEMIC_YEAR = `${YEAR}-${YEAR + 1}`;
const STAFF = { kind: "staff", userId: "00000000-0000-4000-8000-00000000b0b0" } as const;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const within = (seconds: number, target: number) =>
  seconds <= target ? "within the target" : "OVER the target";

const main = async () => {
  const opened = await openDatabase({ dataDir: "memory://", url: process.env.DATABASE_URL });
  const partners = DEMO_PARTNER_CATALOGUE.partners.filter((p) =>
    ["tu-berlin", "polimi", "kth"].includes(p.id),
  );
  for (const p of partners)
    await opened.db.execute(sql`insert into partners (id, name, country, city, lat, lon, agreements, updated_at)
      values (${p.id}, ${p.name}, ${p.country}, ${p.city}, ${p.lat}, ${p.lon}, ${JSON.stringify(p.agreements)}::jsonb, now())
      on conflict do nothing`);
  const registry = loadRegistry(TELECOM_PARIS_CONFIG, { partners, warn: () => {} });
  const entry = TELECOM_PARIS_CONFIG.plugins.find((e) => e.id === SCHEME);
  const base = registry.byId.get(SCHEME);
  if (!entry || !base) throw new Error(`no ${SCHEME} in the configuration`);
  const first = firstPeriodOf(base);
  const scenario = optionsFrom(
    base,
    first,
    entry.configureWith({ ...(base.options as object), monthlyRateCents: 40_000 }),
  );

  // on PostgreSQL, an earlier run's rows go first (its audit events stay: they are append-only,
  // and name requests no longer there)
  await opened.db.execute(sql`delete from applications where student_id in
    (select id from users where email like 'whatif%@whatif%.example.org')`);
  await opened.db.execute(sql`delete from users where email like 'whatif%@whatif%.example.org'`);
  const seedStart = performance.now();
  const tag = `whatif${Date.now()}`;
  await seed(opened.db, { requests: N, scheme: SCHEME, year: YEAR, partners, tag });
  console.log(
    `\nWhat-if at ${N.toLocaleString("en")} requests of ${SCHEME} in ${ACADEMIC_YEAR} on ${opened.kind}: seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
  );

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  let readMs = 0;
  let evaluateMs = 0;
  const start = performance.now();
  const whatIf = startWhatIf({
    registry,
    base,
    scenario,
    // 40 M€ either way: at 400 € a month, more students fit
    envelopes: { base: 4_000_000_000, scenario: 4_000_000_000 },
    rules: ["crous-echelon", "quotient-familial"],
    asOf: `${YEAR}-06-01`,
  });
  let after: string | null = null;
  let pages = 0;
  do {
    const t0 = performance.now();
    const page = await whatIfBatch(opened.db, SCHEME, ACADEMIC_YEAR, after, PAGE);
    const t1 = performance.now();
    whatIf.add(page.rows);
    evaluateMs += performance.now() - t1;
    readMs += t1 - t0;
    after = page.next;
    pages++;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  } while (after !== null);
  const t2 = performance.now();
  const result = whatIf.finish();
  const finishMs = performance.now() - t2;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const seconds = (performance.now() - start) / 1000;
  const { summary } = result;
  console.table({
    "what-if": {
      requests: summary.requests,
      pages,
      "read (s)": (readMs / 1000).toFixed(2),
      "evaluate (s)": (evaluateMs / 1000).toFixed(2),
      "rank+allocate (s)": (finishMs / 1000).toFixed(2),
      "total (s)": seconds.toFixed(2),
      "peak heap": `+${mib(peak - heapBefore)} (${mib(peak)})`,
      target: within(seconds, TARGET_WHAT_IF_S),
    },
  });
  console.log(
    `  decided ${summary.decided}, pending ${summary.pending}, amounts changed ${summary.amountChanged}; funded ${summary.base.funded} → ${summary.scenario.funded} (entering ${summary.entering}, leaving ${summary.leaving}); rows listed ${result.rows.length}, omitted ${result.rowsOmitted}\n`,
  );

  await opened.close();
};

/**
 * The ranked allocation as the office runs it (ADR 019): a call of its own (a database of its
 * own) with `ALLOCATED` submitted requests and an envelope for about 40 % of them, then the
 * repositories the API calls, over the runtime the database suites build: `propose`
 * (`PUT …/allocation`), `find` (`GET …/allocation`, every rank explained in both languages) and
 * `apply` (`POST …/allocation/apply`: every request decided as by hand, in one transaction).
 */
const allocation = async () => {
  const url = process.env.DATABASE_URL;
  // on PostgreSQL, a database created next to DATABASE_URL's for the run and dropped after
  const t = await openTestRuntime(url ? postgresEngine(url) : pgliteEngine);
  try {
    const { db, kind } = await t.run(Database);
    const partners = DEMO_PARTNER_CATALOGUE.partners.filter((p) =>
      ["tu-berlin", "polimi", "kth"].includes(p.id),
    );
    const seedStart = performance.now();
    await seed(db, {
      requests: ALLOCATED,
      scheme: SCHEME,
      year: YEAR,
      partners,
      tag: `allocation${Date.now()}`,
      states: [["submitted", 1]],
    });
    // every request eligible today, so that all of them are ranked (at what today's rules give
    // them): a family quotient under the IDF ceiling (19 190 €)
    await db.execute(sql`update applications set situation = jsonb_set(situation,
      '{student,household,quotientFamilial}', to_jsonb(300000 + (abs(hashtext(id::text)) % 1600000)))`);
    // today's IDF grant for the stays seeded (two to seven months) is about 2 000 € on average:
    // about 40 % of the requests fit
    const envelopeCents = ALLOCATED * 80_000;
    await t.run(Budgets.use((b) => b.setEnvelope(SCHEME, ACADEMIC_YEAR, envelopeCents, STAFF)));
    console.log(
      `Ranked allocation of ${SCHEME} ${ACADEMIC_YEAR} on ${kind}: ${ALLOCATED.toLocaleString("en")} submitted requests seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s, an envelope of ${(envelopeCents / 100).toLocaleString("en")} €\n`,
    );

    const timed = async <A>(run: () => Promise<A>): Promise<[A, number]> => {
      const t0 = performance.now();
      const value = await run();
      return [value, (performance.now() - t0) / 1000];
    };
    const rules = ["crous-echelon", "quotient-familial", "first-mobility"] as const;
    const [proposed, proposeS] = await timed(() =>
      t.run(Allocations.use((a) => a.propose(SCHEME, ACADEMIC_YEAR, rules, [], STAFF))),
    );
    const [again, againS] = await timed(() =>
      t.run(Allocations.use((a) => a.propose(SCHEME, ACADEMIC_YEAR, rules, [], STAFF))),
    );
    const [found, findS] = await timed(() =>
      t.run(Allocations.use((a) => a.find(SCHEME, ACADEMIC_YEAR))),
    );
    const funded = found.rows.filter((r) => r.funded).length;
    const [applied, applyS] = await timed(() =>
      t.run(Allocations.use((a) => a.apply(SCHEME, ACADEMIC_YEAR, again.version, STAFF))),
    );
    console.table({
      "propose (PUT …/allocation)": {
        requests: proposed.rows.length,
        "time (s)": proposeS.toFixed(2),
        target: within(proposeS, TARGET_ALLOCATION_S),
      },
      "propose again, replacing it": {
        requests: again.rows.length,
        "time (s)": againS.toFixed(2),
        target: within(againS, TARGET_ALLOCATION_S),
      },
      "find (GET …/allocation)": {
        requests: found.rows.length,
        "time (s)": findS.toFixed(2),
        target: "",
      },
      "apply (POST …/allocation/apply)": {
        requests: applied.rows.length,
        "time (s)": applyS.toFixed(2),
        target: `${((applyS * 1000) / Math.max(applied.rows.length, 1)).toFixed(1)} ms a request, no target`,
      },
    });
    console.log(
      `  funded ${funded}, waitlisted ${found.rows.length - funded}; ${(applied.allocatedCents / 100).toLocaleString("en")} € of ${(applied.envelopeCents / 100).toLocaleString("en")} € allocated, last funded rank ${applied.lastFundedRank}; status ${applied.status}\n`,
    );
  } finally {
    await t.dispose();
  }
};

await main();
await allocation();
