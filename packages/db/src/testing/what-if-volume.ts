import { sql } from "drizzle-orm";
import type { AppDatabase } from "../database.ts";
import { semesterAt } from "./situations.ts";

/** How many requests of one scheme and academic year to seed, and where the stays go. */
export interface WhatIfVolume {
  readonly requests: number;
  readonly scheme: string;
  /** The first calendar year of the academic year: 2027 seeds 2027-2028. */
  readonly year: number;
  /** Catalogue partners' ids (in the partners table) the stays go to. */
  readonly partners: readonly { readonly id: string; readonly country: string }[];
  /** Marks the rows of one seeding: several may sit side by side. */
  readonly tag: string;
  /**
   * The states seeded, each with its share (default: a call just closed, `STATES`); an
   * allocation's bench seeds `[["submitted", 1]]`, every request waiting for the office.
   */
  readonly states?: readonly (readonly [string, number])[];
}

/**
 * The states seeded, with their share: a call just closed, most requests still to decide, some
 * decided already (their figures kept by a what-if), a few drafts and refusals (not read).
 */
const STATES: readonly (readonly [string, number])[] = [
  ["submitted", 45],
  ["under_review", 20],
  ["waitlisted", 5],
  ["approved", 12],
  ["agreed", 5],
  ["advance_paid", 5],
  ["draft", 5],
  ["rejected", 3],
];
const ECHELONS = ["0bis", "1", "2", "3", "4", "5", "6", "7"];

const textArray = (values: readonly string[]) =>
  sql.raw(`array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]::text[]`);

/**
 * Seeds `requests` requests of one scheme in one academic year (one student and application
 * each), with varied échelons, family quotients and stay lengths, and the `submit` audit event
 * of each request sent (the submission instant a what-if ranks by), in a few set-based INSERTs:
 * what the what-if bench reads (ADR 020).
 */
export const seedWhatIfVolume = async (db: AppDatabase, volume: WhatIfVolume): Promise<void> => {
  const n = volume.requests;
  const template = semesterAt({ residenceRegion: "11" });
  const stateList = (volume.states ?? STATES).flatMap(([state, share]) =>
    Array<string>(share).fill(state),
  );
  const partners = volume.partners.map((p) => p.id);
  const countries = volume.partners.map((p) => p.country);
  const { tag, year } = volume;
  await db.execute(sql`
    insert into users (id, email, name, role, lang, created_at)
    select md5(${tag} || '-student-' || i)::uuid, 'whatif' || i || '@' || ${tag} || '.example.org',
           'Étudiant ' || i, 'student', 'fr', now()
    from generate_series(1, ${n}) i`);
  await db.execute(sql`
    insert into applications (id, student_id, situation, academic_year, host_partner_id,
      destination_country, start_date, end_date, created_at, updated_at)
    select id, student_id,
           jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(${JSON.stringify(template)}::jsonb,
             '{mobility,host}', jsonb_build_object('partner', partner)),
             '{mobility,start}', to_jsonb(start_date::text)), '{mobility,end}', to_jsonb(end_date::text)),
             '{student,crous,echelon}', to_jsonb((${textArray(ECHELONS)})[1 + i % 8])),
             '{student,household,quotientFamilial}', to_jsonb(300000 + (i * 7919) % 2500000)),
           ${year} || '-' || ${year + 1}, partner, country, start_date, end_date, now(), now()
    from (
      select i, md5(${tag} || '-application-' || i)::uuid as id,
             md5(${tag} || '-student-' || i)::uuid as student_id,
             (${textArray(partners)})[1 + i % ${partners.length}] as partner,
             (${textArray(countries)})[1 + i % ${countries.length}] as country,
             make_date(${year}, 9, 1) + (i % 200) as start_date,
             make_date(${year}, 9, 1) + (i % 200) + 60 + (i % 150) as end_date
      from generate_series(1, ${n}) i
    ) s`);
  await db.execute(sql`
    insert into scheme_requests (id, application_id, scheme, state, estimated_cents,
      approved_cents, approved_at, updated_at, version)
    select md5(${tag} || '-request-' || i)::uuid, md5(${tag} || '-application-' || i)::uuid,
           ${volume.scheme}, state, 150000 + (i % 50) * 1000,
           case when state in ('approved', 'agreed', 'advance_paid') then 150000 + (i % 50) * 1000 end,
           case when state in ('approved', 'agreed', 'advance_paid') then now() end,
           now(), 1
    from (
      select i, (${textArray(stateList)})[1 + (i * 7) % ${stateList.length}] as state
      from generate_series(1, ${n}) i
    ) s`);
  // the submission of every request sent, as the lifecycle records it
  await db.execute(sql`
    insert into audit_events (at, actor_kind, actor_id, action, entity_type, entity_id)
    select timestamptz '2027-03-01 08:00:00+00' + make_interval(secs => (i * 7919) % 2000000),
           'student', md5(${tag} || '-student-' || i)::uuid::text, 'submit', 'scheme_request',
           md5(${tag} || '-request-' || i)::uuid::text
    from generate_series(1, ${n}) i
    where (${textArray(stateList)})[1 + (i * 7) % ${stateList.length}] <> 'draft'`);
  await db.execute(sql`analyze`);
};
