import type { Actor, RequestState, Situation } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import { sql } from "drizzle-orm";
import { Effect } from "effect";
import { Applications, type Decision } from "./applications.ts";
import { Budgets } from "./budgets.ts";
import { Database } from "./database.ts";
import { PartnerKeys } from "./partner-keys.ts";
import { Partners } from "./partners.ts";
import { Schemes } from "./schemes.ts";
import { type UserRole, Users } from "./users.ts";

/** The year every demo mobility falls in, and its envelopes. */
export const DEMO_ACADEMIC_YEAR = "2026-2027";

/** The date the demo students answered the simulator: situations never depend on the clock. */
export const DEMO_AS_OF = "2026-11-26";

/** The partner whose demo key the seed issues, and the key's label (how a second run finds it). */
export const DEMO_PARTNER_ID = "tu-berlin";
export const DEMO_PARTNER_KEY_LABEL = "Clé de démonstration";

/** Demo envelopes for the rulebook's schemes, in cents; a scheme not listed gets the default. */
export const DEMO_ENVELOPES_CENTS: Readonly<Record<string, number>> = {
  idf: 15_000_000,
  erasmus: 20_000_000,
  mic: 6_000_000,
  fitec: 4_000_000,
  alumni: 2_000_000,
  ami: 3_000_000,
  // the personnel's teaching and training stays (rulebook §10, ADR 016)
  "erasmus-staff": 3_000_000,
  "mic-staff": 1_500_000,
};
export const DEFAULT_ENVELOPE_CENTS = 5_000_000;

const SEED_ACTOR: Actor = { kind: "system", process: "seed" };

/** Keeps two instances starting together on one empty PostgreSQL from seeding twice. */
const SEED_LOCK = 7_310_442_020;

export interface SeedOptions {
  /**
   * Hashes the demo passwords (the API passes argon2id). Without it the demo accounts get no
   * password and can only sign in through SSO.
   */
  readonly hashPassword?: (plain: string) => Promise<string>;
  readonly passwords?: {
    /** Every demo student's: Camille Martin's, and her classmates' (the planner's cohort). */
    readonly student?: string;
    readonly personnel?: string;
    readonly staff?: string;
  };
}

export interface SeededAccount {
  readonly role: UserRole;
  readonly email: string;
  readonly name: string;
  /** The demo password from the options, when one was set; what is stored is what the first run set. */
  readonly password?: string;
}

export interface SeedResult {
  /** Whether this run wrote anything: false on a database already seeded. */
  readonly created: boolean;
  /** The demo partner key: only the run that issued it can tell it, as it is stored hashed. */
  readonly partnerKey?: string;
  /** One account per role, the demo student Camille Martin's for the students. */
  readonly accounts: readonly SeededAccount[];
  /**
   * The other demo students, who sign in with the demo student's password: with them the office
   * has a cohort to rank in the planner, and a browser test several students applying.
   */
  readonly otherStudents: readonly SeededAccount[];
}

/** The state a demo request is left in, and the decisions that take a draft there. */
type DemoState = Extract<
  RequestState,
  | "draft"
  | "submitted"
  | "under_review"
  | "approved"
  | "agreed"
  | "advance_paid"
  | "waitlisted"
  | "rejected"
  | "withdrawn"
>;

/** Who takes a step: the applicant (the demo student or personnel member), or the office. */
type Step = { readonly by: "applicant" | "staff"; readonly decision: Decision };

const submitted: readonly Step[] = [{ by: "applicant", decision: { action: "submit" } }];
const underReview: readonly Step[] = [
  ...submitted,
  { by: "staff", decision: { action: "start-review" } },
];
const approved: readonly Step[] = [
  ...underReview,
  { by: "staff", decision: { action: "approve" } },
];
const agreed: readonly Step[] = [
  ...approved,
  { by: "applicant", decision: { action: "sign-agreement" } },
];

const PATHS: Readonly<Record<DemoState, readonly Step[]>> = {
  draft: [],
  submitted,
  under_review: underReview,
  approved,
  agreed,
  advance_paid: [...agreed, { by: "staff", decision: { action: "pay-advance" } }],
  waitlisted: [
    ...underReview,
    {
      by: "staff",
      decision: { action: "waitlist", reason: "En attente de crédits libérés sur l'enveloppe" },
    },
  ],
  rejected: [
    ...underReview,
    {
      by: "staff",
      decision: {
        action: "reject",
        reason: "Pièce manquante : avis d'imposition du foyer non fourni",
      },
    },
  ],
  withdrawn: [
    ...submitted,
    {
      by: "applicant",
      decision: { action: "withdraw", reason: "Financement obtenu par ailleurs" },
    },
  ],
};

interface DemoApplication {
  readonly host: string;
  readonly internship?: boolean;
  readonly start: string;
  readonly end: string;
  /** Scheme → the state its request is left in; the schemes the registry lacks are skipped. */
  readonly requests: Readonly<Record<string, DemoState>>;
}

interface DemoStudent {
  readonly email: string;
  readonly name: string;
  readonly lang: "fr" | "en";
  readonly echelon: "0bis" | "1" | "2" | "3" | "4" | "5" | "6" | "7";
  readonly quotientFamilialCents: number;
  readonly applications: readonly DemoApplication[];
}

const DEMO_STUDENT = { email: "etudiante@demo.envol.fr", name: "Camille Martin" };
const DEMO_STAFF = { email: "dri@demo.envol.fr", name: "Service des relations internationales" };

/**
 * The demo member of the personnel (ADR 016): an enseignante-chercheuse who goes to teach at TU
 * Berlin for five days, eight hours (the Erasmus+ minimum for a teaching stay, rulebook §10),
 * submitted so that the office's queue shows a personnel application.
 */
const DEMO_PERSONNEL = {
  email: "claire.martin@demo.envol.fr",
  name: "Claire Martin",
  lang: "fr",
  application: {
    scheme: "erasmus-staff",
    situation: {
      asOf: DEMO_AS_OF,
      personnel: { role: "teaching", activity: "teaching", teachingHours: 8 },
      mobility: { host: { partner: "tu-berlin" }, start: "2027-03-15", end: "2027-03-19" },
    },
  },
} as const satisfies {
  readonly email: string;
  readonly name: string;
  readonly lang: "fr" | "en";
  readonly application: { readonly scheme: string; readonly situation: Situation };
};

/** Between them the requests go through every state a reviewer meets. */
const DEMO_STUDENTS: readonly DemoStudent[] = [
  {
    ...DEMO_STUDENT,
    lang: "fr",
    echelon: "4",
    quotientFamilialCents: 900_000,
    applications: [
      // before the worked example's stay (1 February to 30 June 2027), which the demo student
      // can then apply for without meeting her own requests
      {
        host: "tu-berlin",
        start: "2026-12-01",
        end: "2027-01-31",
        requests: { erasmus: "approved", idf: "under_review" },
      },
      {
        host: "mcgill",
        internship: true,
        start: "2027-05-10",
        end: "2027-06-30",
        requests: { idf: "draft" },
      },
    ],
  },
  {
    email: "lucas.bernard@demo.envol.fr",
    name: "Lucas Bernard",
    lang: "fr",
    echelon: "2",
    quotientFamilialCents: 1_400_000,
    applications: [
      {
        host: "usp",
        start: "2027-02-01",
        end: "2027-06-30",
        requests: { fitec: "advance_paid", mic: "submitted" },
      },
    ],
  },
  {
    email: "ines.moreau@demo.envol.fr",
    name: "Inès Moreau",
    lang: "fr",
    echelon: "6",
    quotientFamilialCents: 600_000,
    applications: [
      {
        host: "itba",
        start: "2027-03-01",
        end: "2027-07-31",
        requests: { fitec: "waitlisted", idf: "rejected" },
      },
    ],
  },
  {
    email: "emma.wilson@demo.envol.fr",
    name: "Emma Wilson",
    lang: "en",
    echelon: "1",
    quotientFamilialCents: 1_800_000,
    applications: [
      {
        host: "kth",
        start: "2027-01-15",
        end: "2027-06-15",
        requests: { erasmus: "agreed", idf: "withdrawn" },
      },
    ],
  },
];

const situationOf = (student: DemoStudent, app: DemoApplication): Situation => ({
  asOf: DEMO_AS_OF,
  student: {
    programme: { level: "engineering", year: 2, mode: "initial", gapYear: false },
    residenceRegion: "11",
    crous: { boursier: true, echelon: student.echelon },
    household: { quotientFamilial: student.quotientFamilialCents, nonTaxable: false },
    history: { erasmusDaysInCycle: 0, amiMonthsTotal: 0 },
  },
  mobility: {
    kind: app.internship ? "internship" : "study",
    framework: app.internship ? "internship-agreement" : "inter-institution-agreement",
    host: { partner: app.host },
    start: app.start,
    end: app.end,
  },
});

/**
 * Runs `effect` holding a PostgreSQL advisory lock, in a transaction kept open on one
 * connection of the pool while the effect works on the others. PGlite needs none: one
 * process owns its data directory.
 */
const holdingSeedLock = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A, E, R | Database> =>
  Effect.gen(function* () {
    const { db, kind } = yield* Database;
    if (kind !== "postgres") return yield* effect;
    const context = yield* Effect.context<R>();
    const exit = yield* Effect.promise(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
        return Effect.runPromiseExitWith(context)(effect);
      }),
    );
    return yield* exit;
  });

/**
 * Demo data for an empty database, written through the repositories the app uses: the demo
 * partner catalogue, an envelope per scheme for 2026-2027, four demo students (signing in with
 * one password), a personnel member and a staff member, a partner key for TU Berlin,
 * applications from the four students whose requests cover the lifecycle, and the personnel
 * member's submitted teaching stay. Idempotent: what exists is left alone, so a second run
 * writes nothing (and cannot tell the partner key again).
 */
export const seedDemo = (options: SeedOptions = {}) =>
  holdingSeedLock(
    Effect.gen(function* () {
      const users = yield* Users;
      const partners = yield* Partners;
      const budgets = yield* Budgets;
      const applications = yield* Applications;
      const keys = yield* PartnerKeys;
      const { registry } = yield* Schemes;
      let created = false;

      created = (yield* partners.seed(DEMO_PARTNER_CATALOGUE)) > 0 || created;

      // one hash per password: the demo students share theirs, and argon2id takes a tenth of
      // a second a hash, at every start on an empty database and in every API test
      const hashes = new Map<string, Promise<string>>();
      const hashOf = (hashPassword: (plain: string) => Promise<string>, plain: string) => {
        const known = hashes.get(plain);
        if (known) return known;
        const hashed = hashPassword(plain);
        hashes.set(plain, hashed);
        return hashed;
      };

      /** The user with this email, created (with a hashed password, if any) when missing. */
      const account = Effect.fn("seedDemo.account")(function* (input: {
        readonly email: string;
        readonly name: string;
        readonly role: UserRole;
        readonly lang: "fr" | "en";
        readonly password: string;
      }) {
        const existing = yield* users.findByEmail(input.email);
        if (existing) return existing;
        const { hashPassword } = options;
        const passwordHash = hashPassword
          ? yield* Effect.promise(() => hashOf(hashPassword, input.password))
          : null;
        created = true;
        return { ...(yield* users.ensure({ ...input, passwordHash })), passwordHash };
      });

      const passwords = {
        student: options.passwords?.student ?? "demo-etudiante",
        personnel: options.passwords?.personnel ?? "demo-personnel",
        staff: options.passwords?.staff ?? "demo-dri",
      };
      const staff = yield* account({
        ...DEMO_STAFF,
        role: "staff",
        lang: "fr",
        password: passwords.staff,
      });
      const staffActor: Actor = { kind: "staff", userId: staff.id };

      const existingBudgets = new Set(
        (yield* budgets.list(DEMO_ACADEMIC_YEAR)).map((b) => b.scheme),
      );
      for (const plugin of registry.plugins) {
        if (existingBudgets.has(plugin.id)) continue;
        yield* budgets
          .setEnvelope(
            plugin.id,
            DEMO_ACADEMIC_YEAR,
            DEMO_ENVELOPES_CENTS[plugin.id] ?? DEFAULT_ENVELOPE_CENTS,
            SEED_ACTOR,
          )
          // a new envelope has nothing committed against it
          .pipe(Effect.orDie);
        created = true;
      }

      let partnerKey: string | undefined;
      const demoKeys = (yield* keys.list(DEMO_PARTNER_ID)).filter(
        (k) => k.label === DEMO_PARTNER_KEY_LABEL,
      );
      if (demoKeys.length === 0) {
        // the catalogue loaded above holds the demo partner
        const issued = yield* Effect.orDie(
          keys.create(DEMO_PARTNER_ID, DEMO_PARTNER_KEY_LABEL, SEED_ACTOR),
        );
        partnerKey = issued.secret;
        created = true;
      }

      // the demo students who sign in with a password: those a run before this one created
      // without it (an older seed) keep none, and are not announced as if they had one
      const withPassword = new Set<string>();
      for (const demo of DEMO_STUDENTS) {
        const student = yield* account({
          email: demo.email,
          name: demo.name,
          role: "student",
          lang: demo.lang,
          password: passwords.student,
        });
        if (student.passwordHash !== null) withPassword.add(demo.email);
        if ((yield* applications.listForStudent(student.id)).length > 0) continue;
        const studentActor: Actor = { kind: "student", userId: student.id };
        for (const app of demo.applications) {
          const wanted = Object.entries(app.requests).filter(([scheme]) =>
            registry.byId.has(scheme),
          );
          if (wanted.length === 0) continue;
          // the demo data names only schemes the registry was just checked to offer, within
          // envelopes far larger than the demo grants: a failure here is a bug, not a case
          const filed = yield* Effect.orDie(
            applications.create({
              studentId: student.id,
              situation: situationOf(demo, app),
              schemes: wanted.map(([scheme]) => scheme),
            }),
          );
          created = true;
          for (const [scheme, state] of wanted) {
            const request = filed.requests.find((r) => r.scheme === scheme);
            if (!request) continue;
            for (const step of PATHS[state]) {
              yield* Effect.orDie(
                applications.decide(
                  request.id,
                  step.decision,
                  step.by === "staff" ? staffActor : studentActor,
                ),
              );
            }
          }
        }
      }

      const personnel = yield* account({
        email: DEMO_PERSONNEL.email,
        name: DEMO_PERSONNEL.name,
        role: "personnel",
        lang: DEMO_PERSONNEL.lang,
        password: passwords.personnel,
      });
      const { scheme, situation } = DEMO_PERSONNEL.application;
      if (
        registry.byId.has(scheme) &&
        (yield* applications.listForStudent(personnel.id)).length === 0
      ) {
        // a registered scheme, an envelope far larger than the grant: a failure here is a bug
        const filed = yield* Effect.orDie(
          applications.create({ studentId: personnel.id, situation, schemes: [scheme] }),
        );
        created = true;
        const personnelActor: Actor = { kind: "personnel", userId: personnel.id };
        for (const request of filed.requests)
          for (const step of submitted)
            yield* Effect.orDie(applications.decide(request.id, step.decision, personnelActor));
      }

      const hashed = options.hashPassword !== undefined;
      const otherStudents: SeededAccount[] = DEMO_STUDENTS.filter(
        (s) => s.email !== DEMO_STUDENT.email && (!hashed || withPassword.has(s.email)),
      ).map((s) => ({
        role: "student",
        email: s.email,
        name: s.name,
        ...(hashed && { password: passwords.student }),
      }));
      const accounts: SeededAccount[] = [
        {
          role: "student",
          ...DEMO_STUDENT,
          ...(hashed && { password: passwords.student }),
        },
        {
          role: "personnel",
          email: DEMO_PERSONNEL.email,
          name: DEMO_PERSONNEL.name,
          ...(hashed && { password: passwords.personnel }),
        },
        {
          role: "staff",
          email: DEMO_STAFF.email,
          name: DEMO_STAFF.name,
          ...(hashed && { password: passwords.staff }),
        },
      ];
      return {
        created,
        ...(partnerKey !== undefined && { partnerKey }),
        accounts,
        otherStudents,
      } satisfies SeedResult as SeedResult;
    }),
  );
