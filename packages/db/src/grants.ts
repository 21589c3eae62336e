import {
  type Actor,
  BudgetExceeded,
  type ConfiguredPlugin,
  compareDates,
  createRegistry,
  evaluate,
  formatMoney,
  isIsoDate,
  type Lang,
  quotedState,
  type SchemeResult,
  type Situation,
  type Text,
  text,
  UnknownPartner,
} from "@envol/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { Context, DateTime, Effect, Layer, Result } from "effect";
import { Applications } from "./applications.ts";
import { actorId, recordAudit } from "./audit-log.ts";
import { Database } from "./database.ts";
import { type BudgetNotFound, RecalculationImpossible, RequestNotFound } from "./errors.ts";
import { lockBudget, lockRequest, paidSoFar } from "./request-lock.ts";
import {
  applications,
  auditEvents,
  budgets,
  type LedgerKind,
  type LedgerLine,
  ledgerEntries,
  outbox,
  schemeRequests,
} from "./schema/index.ts";
import { Schemes } from "./schemes.ts";
import { tagged, transact } from "./transact.ts";
import { type RequestView, requestView } from "./views.ts";

/** The dates the stay actually took, as the host or the office confirmed them. */
export interface ActualDates {
  readonly actualStart: string;
  readonly actualEnd: string;
  /**
   * Recompute with the scheme's options in force today rather than those stored at approval
   * (a staff choice: ARCHITECTURE §2.6).
   */
  readonly useCurrentOptions?: boolean;
}

/** What a recalculation did: the grant before and after, and the ledger line's explanation. */
export interface Recalculation {
  readonly request: RequestView;
  readonly previousCents: number;
  readonly approvedCents: number;
  /** Positive: more is due to the student; negative: to recover. */
  readonly differenceCents: number;
  readonly explanation: readonly LedgerLine[];
}

/** One line of a request's ledger: money committed, released, paid or recalculated, explained. */
export interface LedgerEntryView {
  readonly id: number;
  readonly kind: LedgerKind;
  /** Positive: committed, paid or due; negative: released or to recover. */
  readonly amountCents: number;
  readonly instalment: "advance" | "balance" | null;
  readonly explanation: readonly LedgerLine[];
  readonly at: string;
}

export type RecalculationError =
  | RequestNotFound
  | RecalculationImpossible
  | BudgetExceeded
  | BudgetNotFound;

/** Who may promote from the waiting list: the office, or Envol when it releases money. */
export type PromotingActor = Extract<Actor, { readonly kind: "staff" | "system" }>;

const isRecalculationError = tagged<RecalculationError>(
  "RequestNotFound",
  "RecalculationImpossible",
  "BudgetExceeded",
  "BudgetNotFound",
);

/** A grant is recomputed once approved and until its balance is settled. */
const RECALCULABLE = new Set(["approved", "agreed", "advance_paid"]);

/** Which options computed an amount, kept in the audit trail so the next recalculation can say it. */
interface OptionsUsed {
  readonly source: "approval" | "current";
  readonly values: unknown;
}

/** What the audit trail keeps of a computed grant: enough to explain the next recalculation. */
interface Computed {
  readonly startDate: string;
  readonly endDate: string;
  readonly approvedCents: number;
  readonly options: OptionsUsed;
  readonly lines: readonly LedgerLine[];
}

// the ledger and the audit trail are the office's record: written in French, as decide's are
const LEDGER_LANG: Lang = "fr";

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};
const formatDate = (iso: string, lang: Lang): string =>
  dateFormats[lang].format(new Date(`${iso}T00:00:00Z`));

/** The student's message: the confirmed dates, the new amount and what is left to pay or recover. */
const recalculationMessage = (
  lang: Lang,
  f: {
    readonly schemeName: string;
    readonly start: string;
    readonly end: string;
    readonly previousCents: number;
    readonly approvedCents: number;
    readonly paidCents: number;
  },
) => {
  const m = (c: number) => formatMoney(c, lang);
  const rest = f.approvedCents - f.paidCents;
  if (lang === "fr") {
    const paid = f.paidCents > 0 ? ` Déjà versé : ${m(f.paidCents)}.` : "";
    const then =
      rest > 0
        ? ` Reste à verser : ${m(rest)}.`
        : rest < 0
          ? ` Somme à reverser : ${m(-rest)} ; le service vous indiquera comment.`
          : " Rien ne reste à verser.";
    return {
      subject: `Bourse recalculée : ${f.schemeName}`,
      body: `Vos dates de séjour sont confirmées : du ${formatDate(f.start, "fr")} au ${formatDate(f.end, "fr")}. Votre bourse ${f.schemeName} passe de ${m(f.previousCents)} à ${m(f.approvedCents)}.${paid}${then}`,
    };
  }
  const paid = f.paidCents > 0 ? ` Already paid: ${m(f.paidCents)}.` : "";
  const then =
    rest > 0
      ? ` Still to be paid: ${m(rest)}.`
      : rest < 0
        ? ` To pay back: ${m(-rest)}; the office will tell you how.`
        : " Nothing is left to pay.";
  return {
    subject: `Grant recalculated: ${f.schemeName}`,
    body: `Your stay's dates are confirmed: from ${formatDate(f.start, "en")} to ${formatDate(f.end, "en")}. Your ${f.schemeName} grant changes from ${m(f.previousCents)} to ${m(f.approvedCents)}.${paid}${then}`,
  };
};

/** Why a scheme result is not an amount: its unmet criteria, or the answers it still needs. */
const whyNot = (fr: SchemeResult, en: SchemeResult): Text => {
  // the criteria's own sentences, in each language
  const reasons = (r: SchemeResult, status: "unmet" | "unknown") =>
    r.criteria
      .filter((c) => c.status === status)
      .map((c) => c.reason)
      .join(" ");
  if (fr.criteria.some((c) => c.status === "unmet"))
    return text(
      `aux dates réelles, l'aide n'est plus accordable. ${reasons(fr, "unmet")}`,
      `on the actual dates, the scheme is no longer eligible. ${reasons(en, "unmet")}`,
    );
  if (fr.criteria.some((c) => c.status === "unknown"))
    return text(
      `l'aide a besoin de réponses que la situation ne donne pas. ${reasons(fr, "unknown")}`,
      `the scheme needs answers the situation does not give. ${reasons(en, "unknown")}`,
    );
  return text(
    "l'aide ne donne aucun montant pour ces dates",
    "the scheme gives no amount for these dates",
  );
};

const sumOf = (lines: readonly LedgerLine[]): number =>
  lines.reduce((total, l) => total + l.amountCents, 0);

/**
 * Grants once approved (ARCHITECTURE §2.6): recalculation on the actual dates, and promotion
 * from the waiting list when money is released. Instalments (advance, balance) are decisions
 * of `Applications.decide`.
 */
export class Grants extends Context.Service<
  Grants,
  {
    /**
     * Recomputes an approved grant on the stay's actual dates with the plugin options stored
     * at approval (or the current ones), and records the difference as one explained ledger
     * line, the envelope's commitment, an audit event and the student's message, in one
     * transaction.
     */
    readonly recalculate: (
      requestId: string,
      dates: ActualDates,
      actor: Actor,
    ) => Effect.Effect<Recalculation, RecalculationError>;
    /**
     * Promotes the scheme's waitlisted requests of the year, longest waiting first, while their
     * estimate fits what is left in the envelope; each in its own transaction. The ids promoted.
     */
    readonly promoteWaitlisted: (
      scheme: string,
      academicYear: string,
      actor: PromotingActor,
    ) => Effect.Effect<readonly string[], BudgetNotFound>;
    /** The ledger of one request, oldest line first. */
    readonly ledgerFor: (
      requestId: string,
    ) => Effect.Effect<readonly LedgerEntryView[], RequestNotFound>;
  }
>()("@envol/db/Grants") {
  static readonly layer = Layer.effect(
    Grants,
    Effect.gen(function* () {
      const { db } = yield* Database;
      const schemes = yield* Schemes;
      const applicationsRepo = yield* Applications;
      const registry = schemes.registry;

      /** One scheme evaluated alone: its standalone amount, not its share of a plan. */
      const evaluateAlone = (
        plugin: ConfiguredPlugin,
        situation: Situation,
        lang: Lang = LEDGER_LANG,
      ): SchemeResult => {
        const one = createRegistry({
          institution: registry.institution,
          plugins: [plugin],
          partners: registry.partners,
        });
        const report = evaluate(situation, one, {
          asOf: situation.asOf ?? situation.mobility.start,
          lang,
        });
        return report.schemes[0] as SchemeResult;
      };

      /** An estimate's lines as the ledger keeps them. */
      const linesOf = (result: SchemeResult): LedgerLine[] =>
        (result.estimate?.lines ?? []).map((l) => ({
          label: l.label,
          amountCents: l.amountCents,
          basis: l.basis,
        }));

      const recalculate = Effect.fn("Grants.recalculate")(function* (
        requestId: string,
        dates: ActualDates,
        actor: Actor,
      ) {
        const at = yield* DateTime.nowAsDate;
        return yield* transact(
          db,
          async (tx) => {
            const impossible = (why: Text) => new RecalculationImpossible({ requestId, why });
            // the same lock order as Applications.decide: the request, then the envelope
            const { request, application, student } = await lockRequest(tx, requestId);
            // a partner confirms the dates of its own students only; another's is not found
            if (actor.kind === "partner" && application.hostPartnerId !== actor.partnerId)
              throw new RequestNotFound({ id: requestId });
            if (actor.kind === "student")
              throw impossible(
                text(
                  "les dates réelles sont confirmées par l'établissement d'accueil ou par la DRI",
                  "the actual dates are confirmed by the host or by the office",
                ),
              );
            if (dates.useCurrentOptions && actor.kind !== "staff")
              throw impossible(
                text(
                  "seule la DRI peut recalculer avec les options en vigueur",
                  "only the office may recompute with the current options",
                ),
              );
            if (!RECALCULABLE.has(request.state) || request.approvedCents === null)
              throw impossible(
                text(
                  `une demande à l'état ${quotedState(request.state, "fr")} n'a pas de bourse à recalculer (elle doit être accordée, sa convention signée ou son avance versée)`,
                  `a request in the state ${quotedState(request.state, "en")} has no grant to recompute (it must be approved, agreed or advance paid)`,
                ),
              );
            const { actualStart, actualEnd } = dates;
            if (!isIsoDate(actualStart) || !isIsoDate(actualEnd))
              throw impossible(
                text(
                  "les dates réelles doivent être des dates écrites AAAA-MM-JJ",
                  "the actual dates must be calendar dates written YYYY-MM-DD",
                ),
              );
            if (compareDates(actualStart, actualEnd) > 0)
              throw impossible(
                text(
                  `le séjour ne peut pas finir (${actualEnd}) avant de commencer (${actualStart})`,
                  `the stay cannot end (${actualEnd}) before it starts (${actualStart})`,
                ),
              );

            const current = registry.byId.get(request.scheme);
            const schemeName = (lang: Lang) => current?.name[lang] ?? request.scheme;
            const configure = (options: unknown): ConfiguredPlugin | undefined => {
              // options stored years ago may no longer validate: say so rather than crash
              try {
                return schemes.configureWith(request.scheme, options);
              } catch (e) {
                const problem = (e as Error).message;
                throw impossible(
                  text(
                    `les options enregistrées à l'accord ne configurent plus ${schemeName("fr")}`,
                    `the options stored at approval no longer configure ${schemeName("en")}: ${problem}`,
                  ),
                );
              }
            };
            const useCurrent = dates.useCurrentOptions === true || request.approvedOptions === null;
            const plugin = useCurrent ? current : configure(request.approvedOptions);
            if (!plugin)
              throw impossible(
                text(
                  `l'aide ${request.scheme} n'est plus proposée`,
                  `the scheme ${request.scheme} is no longer offered`,
                ),
              );
            const options: OptionsUsed = {
              source: useCurrent ? "current" : "approval",
              values: plugin.options,
            };

            const situation = application.situation;
            const actual: Situation = {
              ...situation,
              mobility: { ...situation.mobility, start: actualStart, end: actualEnd },
            };
            const evaluated = (() => {
              // the catalogue may have lost the host since: a typed domain error, not a crash
              try {
                return evaluateAlone(plugin, actual);
              } catch (e) {
                if (e instanceof UnknownPartner)
                  throw impossible(
                    text(
                      `l'établissement « ${e.partner} » n'est plus au catalogue des partenaires`,
                      `the partner "${e.partner}" is no longer in the catalogue`,
                    ),
                  );
                throw e;
              }
            })();
            if (evaluated.verdict !== "eligible" || !evaluated.estimate)
              throw impossible(whyNot(evaluated, evaluateAlone(plugin, actual, "en")));
            const approvedCents = evaluated.estimate.totalCents;
            const newLines = linesOf(evaluated);

            // what the grant was: the last recalculation's lines, or the approval's estimate
            const last = (
              await tx
                .select({ after: auditEvents.after })
                .from(auditEvents)
                .where(
                  and(
                    eq(auditEvents.entityType, "scheme_request"),
                    eq(auditEvents.entityId, requestId),
                    eq(auditEvents.action, "recalculate"),
                  ),
                )
                .orderBy(sql`${auditEvents.id} desc`)
                .limit(1)
            )[0]?.after as Computed | undefined;
            const previousCents = request.approvedCents;
            const previous: Omit<Computed, "approvedCents"> = last ?? {
              startDate: application.startDate,
              endDate: application.endDate,
              options: {
                source: request.approvedOptions === null ? "current" : "approval",
                values: request.approvedOptions ?? current?.options ?? null,
              },
              lines: (() => {
                // the plugin configured above when it is the approval's, else configured now
                const approvedWith =
                  request.approvedOptions === null
                    ? current
                    : useCurrent
                      ? configure(request.approvedOptions)
                      : plugin;
                if (!approvedWith) return [];
                const r = evaluateAlone(approvedWith, situation);
                return linesOf(r);
              })(),
            };
            const money = (c: number) => formatMoney(c, LEDGER_LANG);
            const previousLines: LedgerLine[] = [...previous.lines];
            // staff may have approved another amount than the estimate: the lines must add up
            if (sumOf(previousLines) !== previousCents)
              previousLines.push({
                label: "Ajustement décidé par le service",
                amountCents: previousCents - sumOf(previousLines),
                basis: `montant accordé : ${money(previousCents)}`,
              });
            const difference = approvedCents - previousCents;
            const explanation: LedgerLine[] = [
              ...previousLines.map((l) => ({
                ...l,
                label: `Avant (du ${previous.startDate} au ${previous.endDate}) : ${l.label}`,
              })),
              ...newLines.map((l) => ({
                ...l,
                label: `Après (du ${actualStart} au ${actualEnd}) : ${l.label}`,
              })),
              {
                label:
                  difference > 0
                    ? "Différence : complément dû"
                    : difference < 0
                      ? "Différence : somme à récupérer"
                      : "Différence : aucune",
                amountCents: difference,
                basis: `${money(approvedCents)} − ${money(previousCents)}`,
              },
            ];

            const budget = await lockBudget(tx, request.scheme, application.academicYear);
            const remaining = budget.envelopeCents - budget.committedCents;
            // more money is a further commitment, bound by the envelope as an approval is
            if (difference > remaining)
              throw new BudgetExceeded({
                requestId,
                scheme: request.scheme,
                requestedCents: difference,
                remainingCents: remaining,
              });
            await tx
              .update(budgets)
              .set({
                committedCents: sql`${budgets.committedCents} + ${difference}`,
                updatedAt: at,
              })
              .where(eq(budgets.id, budget.id));
            await tx.insert(ledgerEntries).values({
              requestId,
              budgetId: budget.id,
              kind: "recalculation",
              amountCents: difference,
              instalment: null,
              explanation,
              at,
            });
            const updated = (
              await tx
                .update(schemeRequests)
                .set({ approvedCents, updatedAt: at, version: request.version + 1 })
                .where(eq(schemeRequests.id, requestId))
                .returning()
            )[0] as typeof schemeRequests.$inferSelect;
            await tx
              .update(applications)
              .set({ actualStartDate: actualStart, actualEndDate: actualEnd, updatedAt: at })
              .where(eq(applications.id, application.id));
            const after: Computed = {
              startDate: actualStart,
              endDate: actualEnd,
              approvedCents,
              options,
              lines: newLines,
            };
            await recordAudit(tx, {
              at,
              actor,
              action: "recalculate",
              entityType: "scheme_request",
              entityId: requestId,
              before: {
                startDate: previous.startDate,
                endDate: previous.endDate,
                approvedCents: previousCents,
                options: previous.options,
              },
              after,
            });
            const lang = student.lang;
            const message = recalculationMessage(lang, {
              schemeName: plugin.name[lang],
              start: actualStart,
              end: actualEnd,
              previousCents,
              approvedCents,
              paidCents: await paidSoFar(tx, requestId),
            });
            await tx.insert(outbox).values({
              topic: "request.recalculate",
              recipient: student.email,
              lang,
              subject: message.subject,
              body: message.body,
              payload: {
                requestId,
                applicationId: application.id,
                action: "recalculate",
                actor: actorId(actor),
                differenceCents: difference,
              },
              createdAt: at,
              nextAttemptAt: at,
            });
            return {
              request: requestView(updated),
              previousCents,
              approvedCents,
              differenceCents: difference,
              explanation,
            } satisfies Recalculation;
          },
          isRecalculationError,
        );
      });

      const promoteWaitlisted = Effect.fn("Grants.promoteWaitlisted")(function* (
        scheme: string,
        academicYear: string,
        actor: PromotingActor,
      ) {
        const waiting = yield* Effect.promise(() =>
          db
            .select({ id: schemeRequests.id, updatedAt: schemeRequests.updatedAt })
            .from(schemeRequests)
            .innerJoin(applications, eq(applications.id, schemeRequests.applicationId))
            .where(
              and(
                eq(schemeRequests.scheme, scheme),
                eq(schemeRequests.state, "waitlisted"),
                eq(applications.academicYear, academicYear),
              ),
            ),
        );
        if (waiting.length === 0) return [];
        // when a request was waitlisted is the audit trail's to say; the row's updatedAt only
        // stands in for a request waitlisted without one
        const events = yield* Effect.promise(() =>
          db
            .select({ id: auditEvents.id, entityId: auditEvents.entityId })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.entityType, "scheme_request"),
                eq(auditEvents.action, "waitlist"),
                inArray(
                  auditEvents.entityId,
                  waiting.map((w) => w.id),
                ),
              ),
            ),
        );
        const waitlistedBy = new Map<string, number>();
        for (const e of events)
          waitlistedBy.set(e.entityId, Math.max(e.id, waitlistedBy.get(e.entityId) ?? 0));
        const queue = [...waiting].sort((a, b) => {
          const [ea, eb] = [waitlistedBy.get(a.id), waitlistedBy.get(b.id)];
          if (ea !== undefined && eb !== undefined) return ea - eb;
          if (ea !== undefined) return -1;
          if (eb !== undefined) return 1;
          return a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id);
        });
        const promoted: string[] = [];
        for (const { id } of queue) {
          const outcome = yield* Effect.result(
            applicationsRepo.decide(id, { action: "promote" }, actor),
          );
          if (Result.isSuccess(outcome)) {
            promoted.push(id);
            continue;
          }
          const error = outcome.failure;
          // the first that does not fit keeps its place: none behind it jumps the queue
          if (error._tag === "BudgetExceeded") break;
          if (error._tag === "BudgetNotFound") return yield* error;
          // promoted or withdrawn meanwhile, or without an estimate to commit: staff decide it
        }
        return promoted;
      });

      const ledgerFor = Effect.fn("Grants.ledgerFor")(function* (requestId: string) {
        const [request, rows] = yield* Effect.promise(() =>
          Promise.all([
            db
              .select({ id: schemeRequests.id })
              .from(schemeRequests)
              .where(eq(schemeRequests.id, requestId)),
            db
              .select()
              .from(ledgerEntries)
              .where(eq(ledgerEntries.requestId, requestId))
              .orderBy(asc(ledgerEntries.id)),
          ]),
        );
        if (request.length === 0) return yield* new RequestNotFound({ id: requestId });
        return rows.map(
          (e): LedgerEntryView => ({
            id: e.id,
            kind: e.kind,
            amountCents: e.amountCents,
            instalment: e.instalment,
            explanation: e.explanation,
            at: e.at.toISOString(),
          }),
        );
      });

      return Grants.of({ recalculate, promoteWaitlisted, ledgerFor });
    }),
  );
}
