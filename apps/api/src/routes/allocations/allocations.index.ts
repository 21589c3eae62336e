import { Allocations, type AllocationView } from "@envol/db";
import { AllocationInputInvalid, explainRank, type Lang, type Registry } from "@envol/domain";
import { Effect } from "effect";
import { actorOf, applicantOf } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { runEffect } from "../../lib/run-effect.ts";
import { csvDownload, euros, frenchExcelCsv } from "../staff/staff.csv.ts";
import {
  allocationCsv,
  applyAllocation,
  getAllocation,
  myStandings,
  proposeAllocation,
} from "./allocations.routes.ts";

const schemeNameOf = (registry: Registry, scheme: string, lang: Lang) =>
  registry.byId.get(scheme)?.name[lang] ?? scheme;

/** The allocation as the office reads it, each rank explained in the reader's language. */
export const allocationOut = (a: AllocationView, registry: Registry, lang: Lang) => ({
  scheme: a.scheme,
  schemeName: schemeNameOf(registry, a.scheme, lang),
  academicYear: a.academicYear,
  status: a.status,
  version: a.version,
  rules: [...a.rules],
  envelopeCents: a.envelopeCents,
  allocatedCents: a.allocatedCents,
  remainingCents: a.remainingCents,
  lastFundedRank: a.lastFundedRank,
  proposedAt: a.proposedAt,
  appliedAt: a.appliedAt,
  rows: a.rows.map((r) => ({
    requestId: r.requestId,
    applicationId: r.applicationId,
    applicantName: r.applicantName,
    rank: r.rank,
    total: r.standing.total,
    amountCents: r.amountCents,
    funded: r.funded,
    waitlistPosition: r.waitlistPosition,
    byHand: r.byHand,
    reason: r.reason,
    explanation: explainRank(r.standing, lang),
    values: [...r.standing.values],
  })),
});

const CSV_COLUMNS: Record<Lang, readonly string[]> = {
  fr: [
    "Rang",
    "Sur",
    "Demande",
    "Dossier",
    "Candidat",
    "Montant (€)",
    "Retenu",
    "Liste d'attente",
    "À la main",
    "Motif de la DRI",
    "Explication",
  ],
  en: [
    "Rank",
    "Of",
    "Request",
    "Application",
    "Applicant",
    "Amount (€)",
    "Funded",
    "Waitlist position",
    "By hand",
    "The office's reason",
    "Explanation",
  ],
};

const YES_NO: Record<Lang, readonly [string, string]> = {
  fr: ["oui", "non"],
  en: ["yes", "no"],
};

/** A path's scheme the institution does not offer: 422 naming `scheme`. */
const unknownScheme = (c: Parameters<typeof problem>[0], scheme: string, lang: Lang) =>
  problem(
    c,
    problemBody(422, "validation", TITLES.invalid[lang], {
      errors: [
        {
          path: "scheme",
          message: {
            fr: `aucun dispositif « ${scheme} » n'est proposé`,
            en: `no scheme "${scheme}" is offered`,
          }[lang],
        },
      ],
    }),
  );

const NOT_RANKED = {
  fr: "n'est pas une demande classée dans cet appel",
  en: "is not a request ranked in this call",
};

/** The calls' ranked allocations (ADR 019), and each applicant's own standing. */
export const allocationsRouter = (deps: AppDeps) =>
  createRouter()
    .openapi(proposeAllocation, (c) => {
      const { scheme, academicYear } = c.req.valid("param");
      const { rules, moves = [] } = c.req.valid("json");
      const lang = c.get("lang");
      const registry = deps.registry();
      if (!registry.byId.has(scheme)) return unknownScheme(c, scheme, lang) as never;
      const effect = Allocations.use((a) =>
        a.propose(scheme, academicYear, rules, moves, actorOf(c, "staff")),
      ).pipe(
        // the move that names a request not ranked, by its place in the body
        Effect.mapError((e) =>
          e._tag === "UnknownMoveRequest"
            ? new AllocationInputInvalid({
                field: `moves[${moves.findIndex((m) => m.requestId === e.requestId)}].requestId`,
                problem: NOT_RANKED,
              })
            : e,
        ),
      );
      return runEffect(c, deps, effect, (a) =>
        c.json(allocationOut(a, registry, lang), 200),
      ) as never;
    })
    .openapi(getAllocation, (c) => {
      const { scheme, academicYear } = c.req.valid("param");
      const lang = c.get("lang");
      return runEffect(
        c,
        deps,
        Allocations.use((a) => a.find(scheme, academicYear)),
        (a) => c.json(allocationOut(a, deps.registry(), lang), 200),
      ) as never;
    })
    .openapi(allocationCsv, (c) => {
      const { scheme, academicYear } = c.req.valid("param");
      const lang = c.get("lang");
      const [yes, no] = YES_NO[lang];
      return runEffect(
        c,
        deps,
        Allocations.use((a) => a.find(scheme, academicYear)),
        (a) => {
          const out = allocationOut(a, deps.registry(), lang);
          const body = frenchExcelCsv(
            CSV_COLUMNS[lang],
            // ranks and positions as text: the CSV writes every number as euros
            out.rows.map((r) => [
              String(r.rank),
              String(r.total),
              r.requestId,
              r.applicationId,
              r.applicantName,
              euros(r.amountCents),
              r.funded ? yes : no,
              r.waitlistPosition === null ? null : String(r.waitlistPosition),
              r.byHand ? yes : no,
              r.reason,
              r.explanation,
            ]),
          );
          return csvDownload(c, `envol-allocation-${scheme}-${academicYear}.csv`, body);
        },
      ) as never;
    })
    .openapi(applyAllocation, (c) => {
      const { scheme, academicYear } = c.req.valid("param");
      const { version } = c.req.valid("json");
      const lang = c.get("lang");
      return runEffect(
        c,
        deps,
        Allocations.use((a) => a.apply(scheme, academicYear, version, actorOf(c, "staff"))),
        (a) => c.json(allocationOut(a, deps.registry(), lang), 200),
      ) as never;
    })
    .openapi(myStandings, (c) => {
      const me = applicantOf(c);
      const lang = c.get("lang");
      return runEffect(
        c,
        deps,
        Allocations.use((a) => a.standingsOf(me.userId)),
        (standings) => {
          const registry = deps.registry();
          return c.json(
            {
              standings: standings.map((s) => ({
                applicationId: s.applicationId,
                requestId: s.requestId,
                scheme: s.scheme,
                schemeName: schemeNameOf(registry, s.scheme, lang),
                academicYear: s.academicYear,
                rank: s.standing.rank,
                total: s.standing.total,
                funded: s.standing.outcome.kind === "funded",
                waitlistPosition:
                  s.standing.outcome.kind === "waitlisted" ? s.standing.outcome.position : null,
                lastFundedRank: s.standing.lastFundedRank,
                byHand: s.standing.outcome.byHand,
                explanation: explainRank(s.standing, lang),
              })),
            },
            200,
          );
        },
      ) as never;
    });
