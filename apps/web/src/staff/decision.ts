import {
  defaultApprovalCents,
  formatLongDate,
  formatMoney,
  type Lang,
  OVERRIDE_GROUND_KINDS,
  type OverrideGroundKind,
  type RequestAction,
  type RequestState,
  type Verdict,
} from "@envol/domain";
import type { TFunction } from "i18next";
import { z } from "zod";
import type { Decision } from "./staff-api.ts";

/**
 * The decision form's model: which decisions the office may take on a request now (the API
 * says which actions are open; the payments have their own form), what each needs, and the
 * body of `POST /api/staff/requests/{id}/decision`. Amounts are typed in euros and sent in
 * cents.
 */

/** The decisions, in the order the form offers them (the payments are not decisions). */
export const DECISION_ACTIONS = [
  "start-review",
  "approve",
  "promote",
  "waitlist",
  "reject",
  "sign-agreement",
  "cancel",
] as const satisfies readonly RequestAction[];
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** The decisions open on a request, from the actions the API lists for it. */
export const decisionsOf = (available: readonly RequestAction[]): DecisionAction[] =>
  DECISION_ACTIONS.filter((a) => available.includes(a));

/** Approving and promoting commit money against the envelope: they need an amount. */
export const commitsMoney = (action: DecisionAction | ""): action is "approve" | "promote" =>
  action === "approve" || action === "promote";

/** Whether the decision asks for a reason: "required", "optional", or none. */
export const reasonOf = (action: DecisionAction | ""): "required" | "optional" | null =>
  action === "reject" || action === "cancel"
    ? "required"
    : action === "waitlist"
      ? "optional"
      : null;

/** Euros as typed (React Aria's NumberField gives a number, NaN when empty) to cents. */
export const centsOf = (euros: number): number => Math.round(euros * 100);

/** The form's values: the amount in euros (null when empty), the reasons as typed. */
export interface DecisionValues {
  readonly action: DecisionAction | "";
  readonly amount: number | null;
  readonly reason: string;
  /** Why the office approves what the rules would refuse (kept in the audit trail). */
  readonly override: string;
}

/** What the scheme says of the stay today: its verdict and estimate (the live report's). */
export interface SchemeToday {
  readonly verdict: Verdict;
  readonly estimateCents: number | null;
}

/**
 * What the amount field says of the estimates: the one made when the request was sent, and
 * today's when it differs (the office saved new options since) or when none was made then.
 */
export type AmountHint =
  | { readonly kind: "sent"; readonly sentCents: number }
  | { readonly kind: "changed"; readonly sentCents: number; readonly todayCents: number }
  | { readonly kind: "today"; readonly todayCents: number }
  | { readonly kind: "none" };

/**
 * The amount an approval proposes, in cents, and what to say of it: the scheme's estimate today
 * (the rules in force for the stay's start, which the API weighs and grants by default, as the
 * allocation funds it), else the estimate made when the request was sent (ADR 020).
 */
export const proposedAmount = (
  sentCents: number | null,
  today: SchemeToday | null,
): { readonly amountCents: number | null; readonly hint: AmountHint } => {
  const amountCents = defaultApprovalCents({
    estimatedCents: sentCents,
    today: today ?? undefined,
  });
  // today's figure when the scheme gives one, else the one at sending (defaultApprovalCents)
  const hint: AmountHint =
    amountCents === null
      ? { kind: "none" }
      : sentCents === null
        ? { kind: "today", todayCents: amountCents }
        : amountCents === sentCents
          ? { kind: "sent", sentCents }
          : { kind: "changed", sentCents, todayCents: amountCents };
  return { amountCents, hint };
};

/** The amount field's description in the reader's language, amounts written out. */
export const amountHintText = (hint: AmountHint, lang: Lang, t: TFunction<"staff">): string => {
  switch (hint.kind) {
    case "sent":
      return t("decision.amountHint", { estimate: formatMoney(hint.sentCents, lang) });
    case "changed":
      return t("decision.amountChanged", {
        sent: formatMoney(hint.sentCents, lang),
        today: formatMoney(hint.todayCents, lang),
      });
    case "today":
      return t("decision.amountToday", { today: formatMoney(hint.todayCents, lang) });
    case "none":
      return t("decision.amountNoEstimate");
  }
};

/**
 * Whether approving `amountCents` needs the office's override and its reason, as the API
 * judges it: the scheme does not find the stay eligible today, gives no estimate, or the amount
 * is above it. (An exclusive grant already active is found by the API only; the reason field
 * is offered on every approval for it.)
 */
export const overrideNeeded = (
  action: DecisionAction | "",
  today: SchemeToday | null,
  amountCents: number | null,
): boolean =>
  commitsMoney(action) &&
  (today === null ||
    today.verdict !== "eligible" ||
    today.estimateCents === null ||
    (amountCents !== null && amountCents > today.estimateCents));

/**
 * The grounds the form itself shows for approving `amountCents`: the scheme does not find the
 * stay eligible today, or the amount is above its estimate (or it gives none). An exclusive
 * grant already committed is known from the API's 409 only.
 */
export const groundsShownBy = (
  action: DecisionAction | "",
  today: SchemeToday | null,
  amountCents: number | null,
): OverrideGroundKind[] =>
  !commitsMoney(action)
    ? []
    : today === null || today.verdict !== "eligible"
      ? ["not-eligible"]
      : today.estimateCents === null || (amountCents !== null && amountCents > today.estimateCents)
        ? ["above-estimate"]
        : [];

/** A ground of the API's 409 `override-required`, as its body gives it. */
const RefusedGroundSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("exclusive"),
    schemeName: z.object({ fr: z.string(), en: z.string() }),
    start: z.string(),
    end: z.string(),
  }),
  z.object({ kind: z.literal("not-eligible"), verdict: z.string() }),
  z.object({
    kind: z.literal("above-estimate"),
    amountCents: z.number(),
    estimateCents: z.number().nullable(),
  }),
]);
export type RefusedGround = z.infer<typeof RefusedGroundSchema>;

/** The grounds a 409 `override-required` lists (its `grounds` extension); none when unreadable. */
export const refusedGroundsOf = (
  extensions: Readonly<Record<string, unknown>>,
): RefusedGround[] => {
  const parsed = z.array(RefusedGroundSchema).safeParse(extensions.grounds);
  return parsed.success ? parsed.data : [];
};

/** A ground in the reader's words, for the clerk to accept or not: never an id. */
export const groundWords = (ground: RefusedGround, lang: Lang): string => {
  switch (ground.kind) {
    case "exclusive":
      return {
        fr: `La bourse ${ground.schemeName.fr} est déjà accordée pour le séjour du ${formatLongDate(ground.start, "fr")} au ${formatLongDate(ground.end, "fr")}, qui chevauche celui-ci : les deux ne se cumulent pas.`,
        en: `The ${ground.schemeName.en} grant is already granted for the stay from ${formatLongDate(ground.start, "en")} to ${formatLongDate(ground.end, "en")}, which overlaps this one: the two do not combine.`,
      }[lang];
    case "not-eligible":
      return {
        fr: "Le dispositif ne juge pas ce séjour éligible aujourd'hui.",
        en: "The scheme does not find this stay eligible today.",
      }[lang];
    case "above-estimate":
      return ground.estimateCents === null
        ? {
            fr: `Le dispositif ne donne pas d'estimation pour ce séjour, et ${formatMoney(ground.amountCents, "fr")} sont accordés.`,
            en: `The scheme gives no estimate for this stay, and ${formatMoney(ground.amountCents, "en")} is approved.`,
          }[lang]
        : {
            fr: `Le montant de ${formatMoney(ground.amountCents, "fr")} dépasse l'estimation du dispositif, ${formatMoney(ground.estimateCents, "fr")}.`,
            en: `The amount of ${formatMoney(ground.amountCents, "en")} is above the scheme's estimate, ${formatMoney(ground.estimateCents, "en")}.`,
          }[lang];
  }
};

/** Each error is the key of its sentence (`decision.errors.<key>`), translated where shown. */
export const DecisionSchema = z
  .object({
    action: z.union([z.enum(DECISION_ACTIONS), z.literal("")]),
    // React Aria's NumberField gives NaN for an empty field
    amount: z.union([z.number(), z.nan()]).nullable(),
    reason: z.string(),
    override: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.action === "") ctx.addIssue({ code: "custom", path: ["action"], message: "action" });
    if (commitsMoney(v.action)) {
      if (v.amount === null || Number.isNaN(v.amount))
        ctx.addIssue({ code: "custom", path: ["amount"], message: "amountRequired" });
      else if (centsOf(v.amount) <= 0)
        ctx.addIssue({ code: "custom", path: ["amount"], message: "amountPositive" });
    }
    if (reasonOf(v.action) === "required" && v.reason.trim() === "")
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
    if (v.reason.trim().length > 2000)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonTooLong" });
    if (v.override.trim().length > 2000)
      ctx.addIssue({ code: "custom", path: ["override"], message: "reasonTooLong" });
  });

/** The form's schema for a request whose scheme says `today`: the override's reason required when needed. */
export const decisionSchemaFor = (today: SchemeToday | null) =>
  DecisionSchema.superRefine((v, ctx) => {
    const cents = v.amount === null || Number.isNaN(v.amount) ? null : centsOf(v.amount);
    if (overrideNeeded(v.action, today, cents) && v.override.trim() === "")
      ctx.addIssue({ code: "custom", path: ["override"], message: "overrideRequired" });
  });

/**
 * The body the API takes for valid values (checked by `DecisionSchema` first). The override
 * names the grounds the form showed the clerk (`shown`): a reason with none shown is not sent,
 * and the API's 409 then lists what it found.
 */
export const decisionBody = (
  v: DecisionValues,
  shown: readonly OverrideGroundKind[] = [],
): Decision => {
  const reason = v.reason.trim();
  switch (v.action) {
    case "approve":
    case "promote": {
      const override = v.override.trim();
      const grounds = OVERRIDE_GROUND_KINDS.filter((k) => shown.includes(k));
      return {
        action: v.action,
        ...(v.amount !== null && { amountCents: centsOf(v.amount) }),
        ...(override !== "" && grounds.length > 0 && { override: { reason: override, grounds } }),
      };
    }
    case "reject":
    case "cancel":
      return { action: v.action, reason };
    case "waitlist":
      return reason === "" ? { action: "waitlist" } : { action: "waitlist", reason };
    case "start-review":
    case "sign-agreement":
      return { action: v.action };
    case "":
      throw new Error("no decision chosen");
  }
};

/** The form's field that an API validation error names (`amountCents` is the amount). */
export const decisionFieldOf = (path: string): "amount" | "reason" | "override" | null =>
  path === "amountCents"
    ? "amount"
    : path === "reason"
      ? "reason"
      : path.startsWith("override")
        ? "override"
        : null;

/** What is left in the envelope once `amountCents` is committed; negative: it does not fit. */
export const leftAfter = (remainingCents: number, amountCents: number): number =>
  remainingCents - amountCents;

// ---------------------------------------------------------------- money after the decision

/**
 * The instalment the office may record now, from the request's open actions: the advance once
 * the agreement is signed (`pay-advance`), then the balance that settles it (`complete`).
 */
export const instalmentOf = (available: readonly RequestAction[]): "advance" | "balance" | null =>
  available.includes("pay-advance") ? "advance" : available.includes("complete") ? "balance" : null;

/** A grant is recomputed on the actual dates while approved and not yet settled. */
export const canRecalculate = (state: RequestState, approvedCents: number | null): boolean =>
  approvedCents !== null &&
  (state === "approved" || state === "agreed" || state === "advance_paid");

/** Money has moved on a request once it was approved: it has a ledger to show. */
export const hasLedger = (approvedAt: string | null): boolean => approvedAt !== null;
