import { formatMoney, type Lang } from "@envol/domain";
import type { TFunction } from "i18next";
import { formatDate } from "../i18n/format-date.ts";
import type { NextStep } from "./student-api.ts";

type T = TFunction<"student">;

/** One step in a sentence: what, for which grant, and by or from when. */
export const nextStepText = (step: NextStep, lang: Lang, t: T): string => {
  switch (step.kind) {
    case "document":
      return t(step.overdue ? "next.document.late" : `next.document.${step.due}`, {
        label: step.label,
        date: formatDate(step.date, lang),
      });
    case "document-request":
      return t(step.overdue ? "next.request.overdue" : "next.request.due", {
        label: step.label,
        date: formatDate(step.date, lang),
      });
    case "sign-agreement":
      return t("next.sign", {
        scheme: step.schemeName,
        amount: formatMoney(step.approvedCents, lang),
      });
    case "payment":
      return step.instalment === "advance"
        ? t("next.advance", {
            scheme: step.schemeName,
            amount: formatMoney(step.amountCents, lang),
          })
        : t("next.balance", {
            scheme: step.schemeName,
            amount: formatMoney(step.amountCents, lang),
            date: formatDate(step.date ?? "", lang),
          });
    case "call-deadline":
      // two requests of one scheme (two stays) share the call's deadlines: the stay tells them apart
      return t(step.overdue ? "next.callDeadline.late" : `next.callDeadline.${step.deadline}`, {
        scheme: step.schemeName,
        start: formatDate(step.stay.start, lang),
        end: formatDate(step.stay.end, lang),
        date: formatDate(step.date, lang),
      });
    case "pay-back":
      return t("next.payBack", {
        scheme: step.schemeName,
        amount: formatMoney(step.amountCents, lang),
      });
  }
};
