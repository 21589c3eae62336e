import "./budget-left.css";
import { formatMoney } from "@envol/domain";
import type { StaffRequest } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

/** The scheme's envelope for the application's year: what is committed, paid and still free. */
export const BudgetLeft = ({
  budget,
  academicYear,
}: {
  readonly budget: StaffRequest["budget"];
  readonly academicYear: string;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  if (budget === null)
    return (
      <p className="staff-budget-left staff-budget-left--none">
        {t("budgetLeft.none", { year: academicYear })}
      </p>
    );
  return (
    <div className="staff-budget-left">
      <p className="staff-budget-left__title">{t("budgetLeft.title", { year: academicYear })}</p>
      <dl className="staff-facts staff-facts--inline">
        <div>
          <dt>{t("budgetLeft.remaining")}</dt>
          <dd className="staff-budget-left__remaining">
            {formatMoney(budget.remainingCents, lang)}
          </dd>
        </div>
        <div>
          <dt>{t("budgetLeft.envelope")}</dt>
          <dd>{formatMoney(budget.envelopeCents, lang)}</dd>
        </div>
        <div>
          <dt>{t("budgetLeft.committed")}</dt>
          <dd>{formatMoney(budget.committedCents, lang)}</dd>
        </div>
        <div>
          <dt>{t("budgetLeft.paid")}</dt>
          <dd>{formatMoney(budget.paidCents, lang)}</dd>
        </div>
      </dl>
    </div>
  );
};
