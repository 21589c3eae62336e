import { COMMITTED_STATES, SituationSchema } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE, WORKED_EXAMPLE_1 } from "@envol/domain/reference";
import { eq, sql } from "drizzle-orm";
import { Effect, Layer, ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { Database, type DatabaseConfig } from "./database.ts";
import { PartnerKeys } from "./partner-keys.ts";
import {
  applications,
  auditEvents,
  budgets,
  ledgerEntries,
  outbox,
  partnerApiKeys,
  partners,
  schemeRequests,
  users,
} from "./schema/index.ts";
import { Schemes } from "./schemes.ts";
import {
  DEFAULT_ENVELOPE_CENTS,
  DEMO_ACADEMIC_YEAR,
  DEMO_ENVELOPES_CENTS,
  type SeedResult,
  seedDemo,
} from "./seed.ts";
import { repositoriesLayer, type TestEngine, testEngines } from "./testing/index.ts";
import { Users } from "./users.ts";

/** Stands in for the API's argon2id: the seed must store what the hasher returns. */
const hashPassword = async (plain: string) => `hashed:${plain}`;

const runtimeFor = (config: DatabaseConfig) =>
  ManagedRuntime.make(PartnerKeys.layer.pipe(Layer.provideMerge(repositoriesLayer(config))));

const open = async (engine: TestEngine) => {
  const { config, drop } = await engine.create();
  const runtime = runtimeFor(config);
  return {
    config,
    run: runtime.runPromise,
    dispose: async () => {
      await runtime.dispose();
      await drop();
    },
  };
};

type Run = Awaited<ReturnType<typeof open>>["run"];

/** How many rows each table the seed writes to holds. */
const counts = async (run: Run) => {
  const { db } = await run(Database);
  const n = (rows: { n: string | number }[]) => Number(rows[0]?.n ?? -1);
  const c = sql<string>`count(*)`;
  return {
    partners: n(await db.select({ n: c }).from(partners)),
    users: n(await db.select({ n: c }).from(users)),
    applications: n(await db.select({ n: c }).from(applications)),
    requests: n(await db.select({ n: c }).from(schemeRequests)),
    budgets: n(await db.select({ n: c }).from(budgets)),
    keys: n(await db.select({ n: c }).from(partnerApiKeys)),
    ledger: n(await db.select({ n: c }).from(ledgerEntries)),
    audit: n(await db.select({ n: c }).from(auditEvents)),
    outbox: n(await db.select({ n: c }).from(outbox)),
  };
};

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "demo seed on %s",
  (_name, engine) => {
    let t: Awaited<ReturnType<typeof open>>;
    let result: SeedResult;
    beforeAll(async () => {
      t = await open(engine);
      result = await t.run(seedDemo({ hashPassword }));
    });
    afterAll(async () => t?.dispose());

    it("creates the demo accounts, with the passwords hashed by the given function", async () => {
      expect(result.created).toBe(true);
      expect(result.accounts).toEqual([
        {
          role: "student",
          email: "etudiante@demo.envol.fr",
          name: "Camille Martin",
          password: "demo-etudiante",
        },
        {
          role: "personnel",
          email: "claire.martin@demo.envol.fr",
          name: "Claire Martin",
          password: "demo-personnel",
        },
        {
          role: "staff",
          email: "dri@demo.envol.fr",
          name: "Service des relations internationales",
          password: "demo-dri",
        },
      ]);
      const student = await t.run(Users.use((u) => u.findByEmail("etudiante@demo.envol.fr")));
      expect(student).toMatchObject({
        name: "Camille Martin",
        role: "student",
        lang: "fr",
        passwordHash: "hashed:demo-etudiante",
      });
      const staff = await t.run(Users.use((u) => u.findByEmail("dri@demo.envol.fr")));
      expect(staff).toMatchObject({ role: "staff", passwordHash: "hashed:demo-dri" });
      const personnel = await t.run(Users.use((u) => u.findByEmail("claire.martin@demo.envol.fr")));
      expect(personnel).toMatchObject({ role: "personnel", passwordHash: "hashed:demo-personnel" });
    });

    it("gives the other demo students the demo student's password: a cohort for the planner", async () => {
      expect(result.otherStudents).toEqual([
        {
          role: "student",
          email: "lucas.bernard@demo.envol.fr",
          name: "Lucas Bernard",
          password: "demo-etudiante",
        },
        {
          role: "student",
          email: "ines.moreau@demo.envol.fr",
          name: "Inès Moreau",
          password: "demo-etudiante",
        },
        {
          role: "student",
          email: "emma.wilson@demo.envol.fr",
          name: "Emma Wilson",
          password: "demo-etudiante",
        },
      ]);
      for (const { email, name } of result.otherStudents) {
        const student = await t.run(Users.use((u) => u.findByEmail(email)));
        expect(student, email).toMatchObject({
          name,
          role: "student",
          passwordHash: "hashed:demo-etudiante",
        });
      }
    });

    it("issues a working key for TU Berlin, stored only hashed", async () => {
      const key = result.partnerKey as string;
      expect(key).toMatch(/^envol_pk_/);
      expect(await t.run(PartnerKeys.use((k) => k.verify(key)))).toBe("tu-berlin");
      const { db } = await t.run(Database);
      expect(JSON.stringify(await db.select().from(partnerApiKeys))).not.toContain(key.slice(15));
    });

    it("loads the partner catalogue and an envelope for every scheme of the registry", async () => {
      const c = await counts(t.run);
      expect(c.partners).toBe(DEMO_PARTNER_CATALOGUE.partners.length);
      const { db } = await t.run(Database);
      const rows = await db.select().from(budgets);
      // the rulebook's schemes get their demo envelope, any other registered scheme the default
      const { registry } = await t.run(Schemes);
      expect(
        Object.fromEntries(rows.map((b) => [`${b.scheme}/${b.academicYear}`, b.envelopeCents])),
      ).toEqual(
        Object.fromEntries(
          registry.plugins.map((p) => [
            `${p.id}/${DEMO_ACADEMIC_YEAR}`,
            DEMO_ENVELOPES_CENTS[p.id] ?? DEFAULT_ENVELOPE_CENTS,
          ]),
        ),
      );
      expect(DEMO_ENVELOPES_CENTS).toMatchObject({
        idf: 15_000_000,
        erasmus: 20_000_000,
        mic: 6_000_000,
        fitec: 4_000_000,
        alumni: 2_000_000,
        ami: 3_000_000,
      });
    });

    it("files applications whose requests cover the lifecycle, from fixed situations", async () => {
      const { db } = await t.run(Database);
      const apps = await db.select().from(applications);
      expect(new Set(apps.map((a) => a.situation.asOf))).toEqual(new Set(["2026-11-26"]));
      expect(new Set(apps.map((a) => a.academicYear))).toEqual(new Set([DEMO_ACADEMIC_YEAR]));
      const states = new Set((await db.select().from(schemeRequests)).map((r) => r.state));
      for (const state of [
        "draft",
        "submitted",
        "under_review",
        "approved",
        "agreed",
        "advance_paid",
        "waitlisted",
        "rejected",
        "withdrawn",
      ])
        expect(states, state).toContain(state);
      const student = await t.run(Users.use((u) => u.findByEmail("etudiante@demo.envol.fr")));
      const own = apps.filter((a) => a.studentId === student?.id);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(apps.map((a) => a.studentId)).size).toBeGreaterThanOrEqual(3);
    });

    it("files the demo personnel member's teaching stay at TU Berlin, submitted to erasmus-staff", async () => {
      const claire = await t.run(Users.use((u) => u.findByEmail("claire.martin@demo.envol.fr")));
      const [app, ...more] = await t.run(
        Applications.use((a) => a.listForStudent(claire?.id as string)),
      );
      expect(more).toEqual([]);
      expect(app).toMatchObject({
        participant: "personnel",
        hostPartnerId: "tu-berlin",
        startDate: "2027-03-15",
        endDate: "2027-03-19",
        situation: { personnel: { role: "teaching", activity: "teaching", teachingHours: 8 } },
      });
      // rulebook §10's worked example: 180 € × (5 + 2) + 309 € travel
      expect(app?.requests.map((r) => [r.scheme, r.state, r.estimatedCents])).toEqual([
        ["erasmus-staff", "submitted", 156_900],
      ]);
      const { db } = await t.run(Database);
      const envelopes = await db.select().from(budgets);
      for (const scheme of ["erasmus-staff", "mic-staff"])
        expect(
          envelopes.find((b) => b.scheme === scheme && b.academicYear === DEMO_ACADEMIC_YEAR)
            ?.envelopeCents,
          scheme,
        ).toBe(DEMO_ENVELOPES_CENTS[scheme]);
    });

    it("lets the demo student apply from the worked example and submit every request", async () => {
      const fresh = await open(engine);
      try {
        await fresh.run(seedDemo());
        const student = await fresh.run(Users.use((u) => u.findByEmail("etudiante@demo.envol.fr")));
        const { registry } = await fresh.run(Schemes);
        const submitted = await fresh.run(
          Effect.gen(function* () {
            const applications = yield* Applications;
            const filed = yield* applications.create({
              studentId: student?.id as string,
              situation: SituationSchema.parse(WORKED_EXAMPLE_1),
              schemes: registry.plugins.map((p) => p.id),
            });
            return yield* Effect.forEach(filed.requests, (r) =>
              applications
                .decide(
                  r.id,
                  { action: "submit" },
                  { kind: "student", userId: student?.id as string },
                )
                .pipe(Effect.map((done) => done.state)),
            );
          }),
        );
        // no demo request of hers stands on a stay overlapping the worked example's
        expect(submitted).toEqual(registry.plugins.map(() => "submitted"));
      } finally {
        await fresh.dispose();
      }
    });

    it("commits against every envelope exactly what its approved requests add up to", async () => {
      const { db } = await t.run(Database);
      const requests = await db
        .select({ request: schemeRequests, academicYear: applications.academicYear })
        .from(schemeRequests)
        .innerJoin(applications, eq(applications.id, schemeRequests.applicationId));
      const rows = await db.select().from(budgets);
      for (const b of rows) {
        const committed = requests
          .filter(
            ({ request, academicYear }) =>
              request.scheme === b.scheme &&
              academicYear === b.academicYear &&
              COMMITTED_STATES.has(request.state),
          )
          .reduce((sum, { request }) => sum + (request.approvedCents ?? 0), 0);
        expect(b.committedCents, b.scheme).toBe(committed);
      }
      // not an empty truth: some money is committed, and an advance was paid
      expect(rows.reduce((s, b) => s + b.committedCents, 0)).toBeGreaterThan(0);
      expect(rows.find((b) => b.scheme === "fitec")?.paidCents).toBeGreaterThan(0);
    });

    it("changes nothing when run again, and cannot tell the key again", async () => {
      const before = await counts(t.run);
      const { registry } = await t.run(Schemes);
      expect(before).toMatchObject({
        users: 6,
        applications: 6,
        requests: 10,
        budgets: registry.plugins.length,
        keys: 1,
      });
      const again = await t.run(seedDemo({ hashPassword }));
      expect(again.created).toBe(false);
      expect(again.partnerKey).toBeUndefined();
      expect(again.accounts).toEqual(result.accounts);
      expect(again.otherStudents).toEqual(result.otherStudents);
      expect(await counts(t.run)).toEqual(before);
    });

    it("leaves the demo accounts without passwords when no hasher is given", async () => {
      const fresh = await open(engine);
      try {
        const seeded = await fresh.run(seedDemo({ passwords: { student: "ignored" } }));
        expect(seeded.accounts.map((a) => a.password)).toEqual([undefined, undefined, undefined]);
        expect(seeded.otherStudents.map((a) => a.password)).toEqual([
          undefined,
          undefined,
          undefined,
        ]);
        for (const email of ["etudiante@demo.envol.fr", "ines.moreau@demo.envol.fr"]) {
          const student = await fresh.run(Users.use((u) => u.findByEmail(email)));
          expect(student?.passwordHash, email).toBeNull();
        }
      } finally {
        await fresh.dispose();
      }
    });

    it("announces only the demo students who have a password: one an older seed created without it is left out", async () => {
      const fresh = await open(engine);
      try {
        // an older seed gave Lucas Bernard no password; this one keeps his account as it is
        await fresh.run(
          Users.use((u) =>
            u.ensure({
              email: "lucas.bernard@demo.envol.fr",
              name: "Lucas Bernard",
              role: "student",
            }),
          ),
        );
        const seeded = await fresh.run(seedDemo({ hashPassword }));
        expect(seeded.otherStudents.map((a) => a.email)).toEqual([
          "ines.moreau@demo.envol.fr",
          "emma.wilson@demo.envol.fr",
        ]);
      } finally {
        await fresh.dispose();
      }
    });

    it.runIf(engine.name === "postgres")(
      "seeds once when two instances start together on an empty database",
      async () => {
        const fresh = await open(engine);
        const other = runtimeFor(fresh.config);
        try {
          const [a, b] = await Promise.all([
            fresh.run(seedDemo({ hashPassword, passwords: { student: "custom" } })),
            other.runPromise(seedDemo({ hashPassword, passwords: { student: "custom" } })),
          ]);
          expect([a.created, b.created].sort()).toEqual([false, true]);
          expect([a.partnerKey, b.partnerKey].filter((k) => k !== undefined)).toHaveLength(1);
          const c = await counts(fresh.run);
          expect(c).toMatchObject({ users: 6, applications: 6, requests: 10, budgets: 8, keys: 1 });
          const student = await fresh.run(
            Users.use((u) => u.findByEmail("etudiante@demo.envol.fr")),
          );
          expect(student?.passwordHash).toBe("hashed:custom");
          const classmate = await fresh.run(
            Users.use((u) => u.findByEmail("lucas.bernard@demo.envol.fr")),
          );
          expect(classmate?.passwordHash).toBe("hashed:custom");
        } finally {
          await other.dispose();
          await fresh.dispose();
        }
      },
    );
  },
);
