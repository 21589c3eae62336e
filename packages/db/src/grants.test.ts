import type { Actor } from "@envol/domain";
import { formatMoney, renderLedgerLine, type StoredLedgerLine } from "@envol/domain";
import { DEMO_PARTNER_CATALOGUE } from "@envol/domain/reference";
import {
  type InstitutionConfig,
  loadRegistry,
  schemesOf,
  TELECOM_PARIS_CONFIG,
} from "@envol/institution";
import { and, asc, eq } from "drizzle-orm";
import { Cause, Effect, Exit, Layer, ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Applications } from "./applications.ts";
import { recordAudit } from "./audit-log.ts";
import { Budgets } from "./budgets.ts";
import { Database } from "./database.ts";
import type { RecalculationImpossible } from "./errors.ts";
import { Grants, type PromotingActor } from "./grants.ts";
import { Partners } from "./partners.ts";
import { auditEvents, ledgerEntries, outbox, schemeRequests } from "./schema/index.ts";
import { Schemes } from "./schemes.ts";
import { repositoriesLayer, semesterAt, testEngines } from "./testing/index.ts";
import type { Tx } from "./transact.ts";
import { Users } from "./users.ts";

/** A ledger entry's explanation as the French office reads it. */
const inFrench = (lines: readonly StoredLedgerLine[] | undefined) =>
  (lines ?? []).map((l) => renderLedgerLine(l, "fr"));

/** The typed error an Exit failed with, to assert on (undefined for a success). */
const errorOf = <A, E>(exit: Exit.Exit<A, E>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined;

const STAFF = { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" } as const;
const eur = (cents: number, lang: "fr" | "en" = "fr") => formatMoney(cents, lang);

/**
 * The school's configuration once it lowered its IDF rate to 400 €: what
 * `use(idf, { monthlyRateCents: 40_000 })` lists (the db package may not import a plugin).
 */
const LOWER_IDF_RATE: InstitutionConfig = {
  ...TELECOM_PARIS_CONFIG,
  plugins: TELECOM_PARIS_CONFIG.plugins.map((e) =>
    e.id === "idf" ? { ...e, configure: () => e.configureWith({ monthlyRateCents: 40_000 }) } : e,
  ),
};
const lowerIdfRate = schemesOf(LOWER_IDF_RATE, loadRegistry(LOWER_IDF_RATE, { enableAll: true }));

const appLayer = (config: Parameters<typeof repositoriesLayer>[0]) =>
  Grants.layer.pipe(Layer.provideMerge(repositoriesLayer(config)));

describe.each(testEngines().map((e) => [e.name, e] as const))("grants on %s", (_name, engine) => {
  let runtime: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof appLayer>>, never>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await engine.create();
    drop = created.drop;
    runtime = ManagedRuntime.make(appLayer(created.config));
    await runtime.runPromise(Partners.use((p) => p.seed(DEMO_PARTNER_CATALOGUE)));
  });
  afterAll(async () => {
    await runtime?.dispose();
    await drop?.();
  });

  type Services = Layer.Success<ReturnType<typeof appLayer>>;
  const run = <A, E>(effect: Effect.Effect<A, E, Services>) => runtime.runPromise(effect);
  const runExit = <A, E>(effect: Effect.Effect<A, E, Services>) => runtime.runPromiseExit(effect);
  const decide = (
    id: string,
    decision: Parameters<Applications["Service"]["decide"]>[1],
    actor: Actor = STAFF,
  ) => run(Applications.use((a) => a.decide(id, decision, actor)));

  /** A student's request for `scheme` on these dates, taken as far as `upTo`. */
  const request = async (
    email: string,
    scheme: string,
    [start, end]: readonly [string, string],
    upTo: "draft" | "under_review" | "approved" | "advance_paid",
    lang: "fr" | "en" = "en",
  ) => {
    const student = await run(
      Users.use((u) => u.ensure({ email, name: "Student", role: "student", lang })),
    );
    const me: Actor = { kind: "student", userId: student.id };
    const app = await run(
      Applications.use((a) =>
        a.create({
          studentId: student.id,
          situation: semesterAt({ start, end }),
          schemes: [scheme],
        }),
      ),
    );
    const id = app.requests[0]?.id as string;
    if (upTo !== "draft") {
      await decide(id, { action: "submit" }, me);
      await decide(id, { action: "start-review" });
    }
    if (upTo === "approved" || upTo === "advance_paid") await decide(id, { action: "approve" });
    if (upTo === "advance_paid") {
      await decide(id, { action: "sign-agreement" }, me);
      await decide(id, { action: "pay-advance" });
    }
    return { id, me, app, estimatedCents: app.requests[0]?.estimatedCents as number };
  };

  const budgetOf = async (scheme: string, year: string) =>
    (await run(Budgets.use((b) => b.list(year)))).find((b) => b.scheme === scheme);

  const tables = async (requestId: string, email: string) => {
    const { db } = await run(Database);
    return {
      ledger: await db
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.requestId, requestId))
        .orderBy(asc(ledgerEntries.id)),
      audit: await db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.entityType, "scheme_request"), eq(auditEvents.entityId, requestId)),
        )
        .orderBy(asc(auditEvents.id)),
      messages: await db
        .select()
        .from(outbox)
        .where(eq(outbox.recipient, email))
        .orderBy(asc(outbox.id)),
    };
  };

  it("approved for 5 months, actual 4 months and 10 days: the ledger explains the difference and the balance is adjusted", async () => {
    await run(Budgets.use((b) => b.setEnvelope("idf", "2026-2027", 1_000_000, STAFF)));
    const email = "camille@example.org";
    const { id, app } = await request(
      email,
      "idf",
      ["2027-02-01", "2027-06-30"],
      "advance_paid",
      "fr",
    );

    const result = await run(
      Grants.use((g) =>
        g.recalculate(id, { actualStart: "2027-02-01", actualEnd: "2027-06-10" }, STAFF),
      ),
    );
    expect(result).toMatchObject({
      previousCents: 225_000,
      approvedCents: 195_000,
      differenceCents: -30_000,
      // 1 800 € paid of 1 950 €: still owed to the student, nothing to recover
      remaining: { kind: "to-pay", cents: 15_000 },
      request: { state: "advance_paid", approvedCents: 195_000 },
    });
    // what the office confirms before paying the balance: the same figure
    expect(await run(Grants.use((g) => g.paymentsDue(id)))).toEqual({
      paidCents: 180_000,
      advanceCents: 156_000,
      remaining: { kind: "to-pay", cents: 15_000 },
    });
    const settled = await decide(id, { action: "complete" });
    expect(settled).toMatchObject({ state: "completed", approvedCents: 195_000 });
    expect(await run(Grants.use((g) => g.paymentsDue(id)))).toMatchObject({
      paidCents: 195_000,
      remaining: { kind: "settled" },
    });

    const { ledger, audit, messages } = await tables(id, email);
    expect(ledger.map((l) => [l.kind, l.amountCents, l.instalment])).toEqual([
      ["commitment", 225_000, null],
      ["payment", 180_000, "advance"],
      ["recalculation", -30_000, null],
      // 1 950 € granted, 1 800 € paid: 150 €, not the 450 € of the approval
      ["payment", 15_000, "balance"],
    ]);
    expect(inFrench(ledger[2]?.explanation)).toEqual([
      {
        label: "Avant (du 1er février 2027 au 30 juin 2027) : Bourse mensuelle",
        amountCents: 225_000,
        basis: `${eur(45_000)} × 150/30 jours`,
      },
      {
        label: "Après (du 1er février 2027 au 10 juin 2027) : Bourse mensuelle",
        amountCents: 195_000,
        basis: `${eur(45_000)} × 130/30 jours`,
      },
      {
        label: "Différence : bourse réduite",
        amountCents: -30_000,
        basis: `${eur(195_000)} − ${eur(225_000)}`,
      },
      {
        label: "Reste à verser",
        amountCents: 15_000,
        basis: `${eur(195_000)} − ${eur(180_000)} déjà versés`,
      },
    ]);
    expect(await budgetOf("idf", "2026-2027")).toMatchObject({
      committedCents: 195_000,
      paidCents: 195_000,
      remainingCents: 1_000_000 - 195_000,
    });
    const stored = await run(Applications.use((a) => a.get(app.id)));
    expect(stored).toMatchObject({
      startDate: "2027-02-01",
      endDate: "2027-06-30",
      actualStartDate: "2027-02-01",
      actualEndDate: "2027-06-10",
    });

    expect(audit.map((e) => e.action)).toEqual([
      "submit",
      "start-review",
      "approve",
      "sign-agreement",
      "pay-advance",
      "recalculate",
      "complete",
    ]);
    const recalculation = audit[5];
    expect(recalculation).toMatchObject({
      actorKind: "staff",
      actorId: STAFF.userId,
      before: {
        startDate: "2027-02-01",
        endDate: "2027-06-30",
        approvedCents: 225_000,
        options: { source: "approval", values: { monthlyRateCents: 45_000 } },
      },
      after: {
        startDate: "2027-02-01",
        endDate: "2027-06-10",
        approvedCents: 195_000,
        options: { source: "approval", values: { monthlyRateCents: 45_000 } },
      },
    });

    const message = messages.find((m) => m.topic === "request.recalculate");
    expect(message).toMatchObject({
      lang: "fr",
      subject: "Bourse recalculée : Bourse Mobilité Île-de-France",
      payload: { requestId: id, action: "recalculate", differenceCents: -30_000 },
    });
    expect(message?.body).toBe(
      `Vos dates de séjour sont confirmées : du 1er février 2027 au 10 juin 2027. Le montant accordé au titre de Bourse Mobilité Île-de-France passe de ${eur(225_000)} à ${eur(195_000)}. Déjà versé : ${eur(180_000)}. Reste à verser : ${eur(15_000)}.`,
    );
  });

  it("recomputes with the options stored at approval, or with the current ones when staff choose them", async () => {
    await run(Budgets.use((b) => b.setEnvelope("idf", "2027-2028", 1_000_000, STAFF)));
    const email = "dominique@example.org";
    // approved and advanced under the 450 € default
    const { id } = await request(email, "idf", ["2028-02-01", "2028-06-30"], "advance_paid");
    // the school has since lowered its rate to 400 €
    // fresh: the runtime's memo map would otherwise hand back the Grants built on the default schemes
    const grantsWithLowerRate = Layer.fresh(Grants.layer).pipe(
      Layer.provide(Schemes.layer(lowerIdfRate)),
    );
    const withLowerRate = <A, E>(effect: Effect.Effect<A, E, Grants>) =>
      run(effect.pipe(Effect.provide(grantsWithLowerRate)));
    const actual = { actualStart: "2028-02-01", actualEnd: "2028-06-10" };

    const approvalOptions = await withLowerRate(
      Grants.use((g) => g.recalculate(id, actual, STAFF)),
    );
    expect(approvalOptions).toMatchObject({ approvedCents: 195_000, differenceCents: -30_000 });
    expect(inFrench(approvalOptions.explanation)[1]).toEqual({
      label: "Après (du 1er février 2028 au 10 juin 2028) : Bourse mensuelle",
      amountCents: 195_000,
      basis: `${eur(45_000)} × 130/30 jours`,
    });

    const currentOptions = await withLowerRate(
      Grants.use((g) => g.recalculate(id, { ...actual, useCurrentOptions: true }, STAFF)),
    );
    // 400 € × 130/30 = 1 733,33 €
    expect(currentOptions).toMatchObject({
      previousCents: 195_000,
      approvedCents: 173_333,
      differenceCents: -21_667,
    });
    // the previous lines are those of the last recalculation, not of the approval
    expect(inFrench(currentOptions.explanation)).toEqual([
      {
        label: "Avant (du 1er février 2028 au 10 juin 2028) : Bourse mensuelle",
        amountCents: 195_000,
        basis: `${eur(45_000)} × 130/30 jours`,
      },
      {
        label: "Après (du 1er février 2028 au 10 juin 2028) : Bourse mensuelle",
        amountCents: 173_333,
        basis: `${eur(40_000)} × 130/30 jours`,
      },
      {
        label: "Différence : bourse réduite",
        amountCents: -21_667,
        basis: `${eur(173_333)} − ${eur(195_000)}`,
      },
      // 1 800 € advanced on 1 733,33 €: now, and only now, something to recover
      {
        label: "À récupérer",
        amountCents: -6_667,
        basis: `${eur(173_333)} − ${eur(180_000)} déjà versés`,
      },
    ]);
    expect(currentOptions.remaining).toEqual({ kind: "to-recover", cents: 6_667 });

    // 1 800 € were advanced on 2 250 €: 66,67 € come back at the balance
    await decide(id, { action: "complete" });
    const { ledger, audit, messages } = await tables(id, email);
    expect(ledger.map((l) => [l.kind, l.amountCents, l.instalment])).toEqual([
      ["commitment", 225_000, null],
      ["payment", 180_000, "advance"],
      ["recalculation", -30_000, null],
      ["recalculation", -21_667, null],
      ["payment", -6_667, "balance"],
    ]);
    expect(await budgetOf("idf", "2027-2028")).toMatchObject({
      committedCents: 173_333,
      paidCents: 173_333,
    });
    expect(audit.filter((e) => e.action === "recalculate").map((e) => e.after)).toMatchObject([
      {
        approvedCents: 195_000,
        options: { source: "approval", values: { monthlyRateCents: 45_000 } },
      },
      {
        approvedCents: 173_333,
        options: { source: "current", values: { monthlyRateCents: 40_000 } },
      },
    ]);
    const last = messages.filter((m) => m.topic === "request.recalculate").at(-1);
    expect(last).toMatchObject({
      lang: "en",
      subject: "Grant recalculated: Île-de-France mobility grant",
    });
    expect(last?.body).toContain(
      `changes from ${eur(195_000, "en")} to ${eur(173_333, "en")}. Already paid: ${eur(180_000, "en")}. To pay back: ${eur(6_667, "en")}`,
    );
  });

  it("recalculates an older stay with the figures of its own period, never today's", async () => {
    // Call 2024 (stays of 2024-2025): travel support for fewer opportunities only, which this
    // student has not stated; from Call 2025 every participant gets the band (rulebook §2)
    await run(Budgets.use((b) => b.setEnvelope("erasmus", "2024-2025", 1_000_000, STAFF)));
    await run(Budgets.use((b) => b.setEnvelope("erasmus", "2025-2026", 1_000_000, STAFF)));
    const call2024 = await request(
      "call2024@example.org",
      "erasmus",
      ["2024-09-02", "2025-01-31"],
      "approved",
    );
    const call2025 = await request(
      "call2025@example.org",
      "erasmus",
      ["2025-09-02", "2026-01-31"],
      "approved",
    );
    // 150 funded days at 292 €, with the 500–1 999 km band (309 €) for Call 2025 only
    expect([call2024.estimatedCents, call2025.estimatedCents]).toEqual([146_000, 176_900]);

    const shorter2024 = await run(
      Grants.use((g) =>
        g.recalculate(call2024.id, { actualStart: "2024-09-02", actualEnd: "2025-01-20" }, STAFF),
      ),
    );
    // 4 months and 19 days = 139 funded days: 292 € × 139/30 = 1 352,93 €, still no travel
    expect(shorter2024).toMatchObject({ previousCents: 146_000, approvedCents: 135_293 });
    const after = (lines: typeof shorter2024.explanation) =>
      inFrench(lines).filter((l) => l.label.startsWith("Après"));
    expect(after(shorter2024.explanation)).toEqual([
      {
        label:
          "Après (du 2 septembre 2024 au 20 janvier 2025) : Soutien individuel (pays du groupe 1)",
        amountCents: 135_293,
        basis: `${eur(29_200)} × 139/30 jours`,
      },
    ]);

    const shorter2025 = await run(
      Grants.use((g) =>
        g.recalculate(call2025.id, { actualStart: "2025-09-02", actualEnd: "2026-01-20" }, STAFF),
      ),
    );
    // the same days a year later keep their call's travel line
    expect(shorter2025).toMatchObject({ previousCents: 176_900, approvedCents: 166_193 });
    expect(after(shorter2025.explanation).map((l) => l.amountCents)).toEqual([135_293, 30_900]);
  });

  it("recalculates a grant whose options an earlier release stored in another shape", async () => {
    await run(Budgets.use((b) => b.setEnvelope("erasmus", "2025-2026", 1_000_000, STAFF)));
    const { id } = await request(
      "stored-options@example.org",
      "erasmus",
      ["2025-09-02", "2026-01-31"],
      "approved",
    );
    // as the release before the call-dated Erasmus+ options stored them at approval
    const { db } = await run(Database);
    await db
      .update(schemeRequests)
      .set({
        approvedOptions: {
          levels: ["bachelor", "master", "engineering", "doctorate"],
          rateGroup1Cents: 29_200,
          rateGroup2Cents: 22_500,
          rateGroup3Cents: 22_500,
          internshipTopUpCents: 15_000,
          fewerOpportunitiesTopUpCents: 25_000,
          travelSupport: "fewer-opportunities",
          greenTopUpCents: 5_000,
          minDays: 60,
          maxDays: 360,
          cycleCapDays: 360,
          exclusiveWith: ["mic"],
        },
      })
      .where(eq(schemeRequests.id, id));
    const dates = { actualStart: "2025-09-02", actualEnd: "2026-01-20" };
    // the approval's terms: travel for fewer opportunities only, 292 € × 139/30
    const withApproval = await run(Grants.use((g) => g.recalculate(id, dates, STAFF)));
    expect(withApproval.approvedCents).toBe(135_293);
    // today's: Call 2025 travel for all, the 500–1 999 km band
    const withCurrent = await run(
      Grants.use((g) => g.recalculate(id, { ...dates, useCurrentOptions: true }, STAFF)),
    );
    expect(withCurrent.approvedCents).toBe(135_293 + 30_900);
  });

  it("recalculates with today's options, when the office chooses them, a grant whose stored options no release can read", async () => {
    await run(Budgets.use((b) => b.setEnvelope("erasmus", "2025-2026", 1_000_000, STAFF)));
    const { id } = await request(
      "unreadable-options@example.org",
      "erasmus",
      ["2025-09-02", "2026-01-31"],
      "approved",
    );
    const { db } = await run(Database);
    await db
      .update(schemeRequests)
      .set({ approvedOptions: { travelSupport: 42 } })
      .where(eq(schemeRequests.id, id));
    const dates = { actualStart: "2025-09-02", actualEnd: "2026-01-20" };
    const refused = await runExit(Grants.use((g) => g.recalculate(id, dates, STAFF)));
    expect(errorOf(refused)).toMatchObject({ _tag: "RecalculationImpossible" });
    const recalculated = await run(
      Grants.use((g) => g.recalculate(id, { ...dates, useCurrentOptions: true }, STAFF)),
    );
    // 292 € × 139/30 + 309 €; the lines before are unknown, the amount before is the approval's
    expect(recalculated).toMatchObject({ previousCents: 176_900, approvedCents: 166_193 });
  });

  it("refuses an increase the envelope cannot hold, and changes nothing", async () => {
    // an envelope the approval fills exactly
    await run(Budgets.use((b) => b.setEnvelope("idf", "2025-2026", 225_000, STAFF)));
    const email = "eden@example.org";
    const { id, app } = await request(email, "idf", ["2026-02-01", "2026-06-30"], "approved");
    const before = await tables(id, email);
    const longer = { actualStart: "2026-02-01", actualEnd: "2026-07-31" };

    const refused = await runExit(Grants.use((g) => g.recalculate(id, longer, STAFF)));
    expect(errorOf(refused)).toMatchObject({
      _tag: "BudgetExceeded",
      requestId: id,
      scheme: "idf",
      requestedCents: 45_000,
      remainingCents: 0,
    });
    expect(await tables(id, email)).toEqual(before);
    expect(await budgetOf("idf", "2025-2026")).toMatchObject({ committedCents: 225_000 });
    const unchanged = await run(Applications.use((a) => a.get(app.id)));
    expect(unchanged).toMatchObject({ actualStartDate: null, actualEndDate: null });
    expect(unchanged.requests[0]).toMatchObject({ approvedCents: 225_000, state: "approved" });

    // with room in the envelope the same recalculation commits the complement
    await run(Budgets.use((b) => b.setEnvelope("idf", "2025-2026", 300_000, STAFF)));
    const granted = await run(Grants.use((g) => g.recalculate(id, longer, STAFF)));
    expect(granted).toMatchObject({ approvedCents: 270_000, differenceCents: 45_000 });
    expect(inFrench(granted.explanation).slice(-2)).toMatchObject([
      { label: "Différence : bourse augmentée", amountCents: 45_000 },
      // nothing paid yet: the whole new amount is to pay, never "to recover"
      { label: "Reste à verser", amountCents: 270_000 },
    ]);
    expect(granted.remaining).toEqual({ kind: "to-pay", cents: 270_000 });
    expect(await budgetOf("idf", "2025-2026")).toMatchObject({ committedCents: 270_000 });
  });

  it("refuses to recalculate what has no grant, impossible dates and an ineligible stay", async () => {
    await run(Budgets.use((b) => b.setEnvelope("idf", "2024-2025", 1_000_000, STAFF)));
    const dates = { actualStart: "2025-02-01", actualEnd: "2025-06-10" };
    const draft = await request("flo@example.org", "idf", ["2025-02-01", "2025-06-30"], "draft");
    expect(
      errorOf(await runExit(Grants.use((g) => g.recalculate(draft.id, dates, STAFF)))),
    ).toMatchObject({
      _tag: "RecalculationImpossible",
      requestId: draft.id,
      why: {
        fr: expect.stringMatching(
          /^une demande à l'état « brouillon » n'a pas de bourse à recalculer/,
        ),
        en: expect.stringMatching(/^a request in the state “draft” has no grant to recompute/),
      },
    });

    const missing = "00000000-0000-4000-8000-00000000dead";
    expect(
      errorOf(await runExit(Grants.use((g) => g.recalculate(missing, dates, STAFF)))),
    ).toMatchObject({ _tag: "RequestNotFound", id: missing });

    const { id, me } = await request(
      "gael@example.org",
      "idf",
      ["2025-02-01", "2025-06-30"],
      "approved",
    );
    const attempt = (d: typeof dates, actor: Actor = STAFF) =>
      runExit(Grants.use((g) => g.recalculate(id, d, actor)));
    expect(
      errorOf(await attempt({ actualStart: "2025-06-10", actualEnd: "2025-02-01" })),
    ).toMatchObject({
      _tag: "RecalculationImpossible",
      why: {
        fr: "le séjour ne peut pas finir (2025-02-01) avant de commencer (2025-06-10)",
        en: "the stay cannot end (2025-02-01) before it starts (2025-06-10)",
      },
    });
    expect(
      errorOf(await attempt({ actualStart: "2025-02-01", actualEnd: "2025-02-20" })),
    ).toMatchObject({
      _tag: "RecalculationImpossible",
      why: {
        // the unmet criterion's reason, in each language
        fr: "aux dates réelles, l'aide n'est plus accordable. La durée financée est de 20 jours ; Bourse Mobilité Île-de-France exige au moins 30 jours.",
        en: "on the actual dates, the scheme is no longer eligible. The funded duration is 20 days; Île-de-France mobility grant requires at least 30 days.",
      },
    });
    // as the office reads it, in either language
    const ineligible = errorOf(
      await attempt({ actualStart: "2025-02-01", actualEnd: "2025-02-20" }),
    ) as RecalculationImpossible;
    expect(ineligible.explain("fr")).toBe(
      "La bourse ne peut pas être recalculée. Aux dates réelles, l'aide n'est plus accordable. La durée financée est de 20 jours ; Bourse Mobilité Île-de-France exige au moins 30 jours.",
    );
    expect(ineligible.explain("en")).toMatch(
      /^The grant cannot be recalculated\. On the actual dates, the scheme is no longer eligible\. The funded duration is 20 days;/,
    );
    expect(errorOf(await attempt(dates, me))).toMatchObject({ _tag: "RecalculationImpossible" });
    // another host's partner does not see the request
    expect(errorOf(await attempt(dates, { kind: "partner", partnerId: "kth" }))).toMatchObject({
      _tag: "RequestNotFound",
    });
    const { ledger, audit } = await tables(id, "gael@example.org");
    expect(ledger.map((l) => l.kind)).toEqual(["commitment"]);
    expect(audit.map((e) => e.action)).not.toContain("recalculate");
    // the host itself may confirm the dates
    const byHost = await run(
      Grants.use((g) => g.recalculate(id, dates, { kind: "partner", partnerId: "tu-berlin" })),
    );
    expect(byHost).toMatchObject({ approvedCents: 195_000, differenceCents: -30_000 });

    // approved for another amount than the estimate: the previous lines still add up to it
    const custom = await request(
      "hugo@example.org",
      "idf",
      ["2025-02-01", "2025-06-30"],
      "under_review",
    );
    await decide(custom.id, { action: "approve", amountCents: 200_000 });
    const adjusted = await run(Grants.use((g) => g.recalculate(custom.id, dates, STAFF)));
    expect(adjusted).toMatchObject({
      previousCents: 200_000,
      approvedCents: 195_000,
      differenceCents: -5_000,
    });
    expect(inFrench(adjusted.explanation).slice(0, 2)).toEqual([
      {
        label: "Avant (du 1er février 2025 au 30 juin 2025) : Bourse mensuelle",
        amountCents: 225_000,
        basis: `${eur(45_000)} × 150/30 jours`,
      },
      {
        label: "Avant (du 1er février 2025 au 30 juin 2025) : Ajustement décidé par le service",
        amountCents: -25_000,
        basis: `montant accordé : ${eur(200_000)}`,
      },
    ]);
  });

  it("reads rows written before ledger lines were keys: their French sentences as written, and their lines for the next recalculation", async () => {
    await run(Budgets.use((b) => b.setEnvelope("idf", "2027-2028", 1_000_000, STAFF)));
    const { id } = await request(
      "ivo@example.org",
      "idf",
      ["2028-02-01", "2028-06-30"],
      "approved",
    );
    const { db } = await run(Database);
    // what the ledger and the audit trail held before: French sentences
    const written = { label: "Engagement sur l'enveloppe", amountCents: 225_000, basis: "approve" };
    await db
      .update(ledgerEntries)
      .set({ explanation: [written] })
      .where(eq(ledgerEntries.requestId, id));
    await recordAudit(db as unknown as Tx, {
      at: new Date(),
      actor: STAFF,
      action: "recalculate",
      entityType: "scheme_request",
      entityId: id,
      after: {
        startDate: "2028-02-01",
        endDate: "2028-06-30",
        approvedCents: 225_000,
        options: { source: "approval", values: { monthlyRateCents: 45_000 } },
        lines: [{ label: "Bourse mensuelle", amountCents: 225_000, basis: "450 € × 150/30 jours" }],
      },
    });

    await run(
      Grants.use((g) =>
        g.recalculate(id, { actualStart: "2028-02-01", actualEnd: "2028-06-10" }, STAFF),
      ),
    );
    const ledger = await run(Grants.use((g) => g.ledgerFor(id)));
    expect(ledger.map((e) => e.explanation.map((l) => renderLedgerLine(l, "en")))).toEqual([
      [written],
      [
        {
          label: "Before (1 February 2028 to 30 June 2028): Bourse mensuelle",
          amountCents: 225_000,
          basis: "450 € × 150/30 jours",
        },
        {
          label: "After (1 February 2028 to 10 June 2028): Monthly grant",
          amountCents: 195_000,
          basis: `${eur(45_000, "en")} × 130/30 days`,
        },
        {
          label: "Difference: grant lowered",
          amountCents: -30_000,
          basis: `${eur(195_000, "en")} − ${eur(225_000, "en")}`,
        },
        {
          label: "Still to pay",
          amountCents: 195_000,
          basis: `${eur(195_000, "en")} − ${eur(0, "en")} already paid`,
        },
      ],
    ]);
  });

  it("promotes the longest-waiting request when a withdrawal releases money, and stops at the first that does not fit", async () => {
    const year = "2026-2027";
    // created first, waitlisted last: the queue is when requests were waitlisted
    const small = await request(
      "hana@example.org",
      "erasmus",
      ["2027-02-01", "2027-04-30"],
      "under_review",
    );
    const first = await request(
      "ines@example.org",
      "erasmus",
      ["2027-02-01", "2027-06-30"],
      "under_review",
    );
    const second = await request(
      "jo@example.org",
      "erasmus",
      ["2027-02-01", "2027-06-30"],
      "under_review",
    );
    const holder = await request(
      "kim@example.org",
      "erasmus",
      ["2027-02-01", "2027-06-30"],
      "under_review",
    );
    // stays of Call 2026: the 309 € travel support goes to every participant (rulebook §2)
    expect([first.estimatedCents, small.estimatedCents]).toEqual([176_900, 118_500]);
    const envelope = first.estimatedCents + small.estimatedCents;
    await run(Budgets.use((b) => b.setEnvelope("erasmus", year, envelope, STAFF)));
    // above its estimate, to fill the envelope: an override
    await decide(holder.id, {
      action: "approve",
      amountCents: envelope,
      override: { reason: "fills the envelope", grounds: ["above-estimate"] },
    });
    for (const r of [first, second, small]) await decide(r.id, { action: "waitlist" });

    const system: PromotingActor = { kind: "system", process: "waitlist" };
    // the envelope is full: nothing to promote
    expect(await run(Grants.use((g) => g.promoteWaitlisted("erasmus", year, system)))).toEqual([]);

    await decide(holder.id, { action: "withdraw", reason: "stays home" }, holder.me);
    expect(await budgetOf("erasmus", year)).toMatchObject({ committedCents: 0 });
    const promoted = await run(Grants.use((g) => g.promoteWaitlisted("erasmus", year, system)));
    // the second does not fit in the 1 185 € left; the small one behind it would, but waits its turn
    expect(promoted).toEqual([first.id]);
    const states = await Promise.all(
      [first, second, small].map((r) =>
        run(Applications.use((a) => a.get(r.app.id))).then((a) => a.requests[0]),
      ),
    );
    expect(states.map((r) => [r?.state, r?.approvedCents])).toEqual([
      ["approved", 176_900],
      ["waitlisted", null],
      ["waitlisted", null],
    ]);
    expect(await budgetOf("erasmus", year)).toMatchObject({ committedCents: 176_900 });
    const { audit, messages } = await tables(first.id, "ines@example.org");
    expect(audit.at(-1)).toMatchObject({
      action: "promote",
      actorKind: "system",
      actorId: "waitlist",
    });
    expect(messages.at(-1)).toMatchObject({
      topic: "request.promote",
      subject: "Grant awarded: Erasmus+ Europe",
    });

    // nothing has been released since: a second run promotes no one
    expect(await run(Grants.use((g) => g.promoteWaitlisted("erasmus", year, STAFF)))).toEqual([]);
  });
});
