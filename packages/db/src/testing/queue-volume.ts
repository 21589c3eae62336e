import { sql } from "drizzle-orm";
import type { AppDatabase } from "../database.ts";
import { semesterAt } from "./situations.ts";

/** How many requests to seed, and of which schemes and partners. */
export interface QueueVolume {
  readonly applications: number;
  /** The schemes an application asks for: the first one, and the next one for one in two. */
  readonly schemes: readonly string[];
  /** Catalogue partners' ids (in the partners table) the stays go to. */
  readonly partners: readonly { readonly id: string; readonly country: string }[];
  /** Marks the rows of one seeding (e-mails `…@<tag>.example.org`): several may sit side by side. */
  readonly tag: string;
  /** The first year of the stays (`2027`: 2027-2028, 2028-2029 and 2029-2030). */
  readonly firstYear?: number;
}

// accented and compound names, for the search to find
const FIRST = [
  "Hélène",
  "Camille",
  "Lucas",
  "Inès",
  "Zoé",
  "Émile",
  "Chloé",
  "Noé",
  "Léa",
  "Jérôme",
  "Anaïs",
  "Kylian",
  "Maëlle",
  "Joël",
  "Ayoub",
  "Nguyen",
];
const LAST = [
  "Dupont",
  "Martin",
  "Lefèvre",
  "Moreau",
  "García",
  "Nguyen",
  "Müller",
  "Bernard",
  "Petit-Roux",
  "Roussel",
  "Benali",
  "Dubois",
  "Fournier",
  "Lambert",
  "Mercier",
  "Faure",
  "Girard",
  "Bonnet",
  "Chevalier",
  "François",
];

/** The states seeded, with their share: a school's queue a few months into the year. */
const STATES: readonly [string, number][] = [
  ["draft", 10],
  ["submitted", 15],
  ["under_review", 10],
  ["approved", 15],
  ["rejected", 8],
  ["waitlisted", 4],
  ["agreed", 10],
  ["advance_paid", 10],
  ["completed", 14],
  ["withdrawn", 2],
  ["cancelled", 2],
];

const textArray = (values: readonly string[]) =>
  sql.raw(`array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]::text[]`);

/**
 * Seeds `applications` applications (one student each, their requests in every state, some
 * documents, the payments of those paid) with a few set-based INSERTs: what the bench and the
 * volume tests read, in seconds rather than through 100 000 API calls. The rows are made
 * directly, as the repositories would have left them, without their audit events.
 */
export const seedQueueVolume = async (db: AppDatabase, volume: QueueVolume): Promise<void> => {
  const n = volume.applications;
  const firstYear = volume.firstYear ?? 2027;
  const template = semesterAt({ host: volume.partners[0]?.id ?? "tu-berlin" });
  const stateList = STATES.flatMap(([state, share]) => Array<string>(share).fill(state));
  const partners = volume.partners.map((p) => p.id);
  const countries = volume.partners.map((p) => p.country);
  const tag = volume.tag;
  await db.execute(sql`
    insert into users (id, email, name, role, lang, created_at)
    select md5(${tag} || '-student-' || i)::uuid,
           'etudiant' || i || '@' || ${tag} || '.example.org',
           (${textArray(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${textArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}],
           'student', case when i % 4 = 0 then 'en' else 'fr' end, now()
    from generate_series(1, ${n}) i`);
  await db.execute(sql`
    insert into applications (id, student_id, situation, academic_year, host_partner_id,
      destination_country, start_date, end_date, actual_start_date, actual_end_date, created_at, updated_at)
    select id, student_id,
           jsonb_set(jsonb_set(jsonb_set(${JSON.stringify(template)}::jsonb,
             '{mobility,host}', jsonb_build_object('partner', partner)),
             '{mobility,start}', to_jsonb(start_date::text)), '{mobility,end}', to_jsonb(end_date::text)),
           year || '-' || (year + 1), partner, country, start_date, end_date,
           case when i % 3 = 0 then start_date + 2 end, case when i % 3 = 0 then end_date - 3 end,
           now() - make_interval(secs => i * 37), now() - make_interval(secs => i * 37)
    from (
      select i, md5(${tag} || '-application-' || i)::uuid as id,
             md5(${tag} || '-student-' || i)::uuid as student_id,
             (${textArray(partners)})[1 + i % ${partners.length}] as partner,
             (${textArray(countries)})[1 + i % ${countries.length}] as country,
             ${firstYear} + i % 3 as year,
             make_date(${firstYear} + i % 3, 9, 1) + (i % 150) as start_date,
             make_date(${firstYear} + i % 3, 9, 1) + (i % 150) + 90 + (i % 60) as end_date
      from generate_series(1, ${n}) i
    ) s`);
  await db.execute(sql`
    insert into scheme_requests (id, application_id, scheme, state, estimated_cents,
      approved_cents, approved_at, updated_at, version)
    select md5(${tag} || '-request-' || i || '-' || k)::uuid,
           md5(${tag} || '-application-' || i)::uuid,
           (${textArray(volume.schemes)})[1 + (i + k) % ${volume.schemes.length}],
           state, 150000 + (i % 50) * 1000,
           case when state in ('approved', 'agreed', 'advance_paid', 'completed') then 150000 + (i % 50) * 1000 end,
           case when state in ('approved', 'agreed', 'advance_paid', 'completed') then now() - make_interval(secs => i * 31) end,
           now() - make_interval(secs => i * 31 + k * 7), 1
    from (
      select i, k, (${textArray(stateList)})[1 + (i * 7 + k * 13) % ${stateList.length}] as state
      from generate_series(1, ${n}) i, generate_series(0, 1) k
      where k = 0 or i % 2 = 0
    ) s`);
  // the learning agreement of one application in two, the bank details of one in three
  await db.execute(sql`
    insert into documents (id, application_id, kind, file_name, media_type, size_bytes, sha256,
      storage_key, uploaded_by, uploaded_at)
    select gen_random_uuid(), md5(${tag} || '-application-' || i)::uuid, kind, kind || '.pdf',
           'application/pdf', 1000, repeat('0', 64), ${tag} || '-' || i || '-' || kind,
           md5(${tag} || '-student-' || i)::uuid, now()
    from generate_series(1, ${n}) i,
         (values ('learning-agreement', 2), ('bank-details', 3)) as d(kind, every)
    where i % every = 0`);
  // what was paid: the advance (80 %) of those paid, the balance of those completed
  await db.execute(sql`
    insert into ledger_entries (request_id, kind, amount_cents, instalment, explanation, at)
    select id, 'payment', case when pay = 'advance' then approved_cents * 8 / 10 else approved_cents - approved_cents * 8 / 10 end,
           pay, '[]'::jsonb, updated_at
    from scheme_requests r, (values ('advance'), ('balance')) as p(pay)
    where r.id in (select md5(${tag} || '-request-' || i || '-' || k)::uuid
                   from generate_series(1, ${n}) i, generate_series(0, 1) k)
      and (r.state = 'completed' or (r.state = 'advance_paid' and pay = 'advance'))`);
  await db.execute(sql`analyze`);
};
