import { formatMoney } from "@envol/domain";
import { type FormEvent, useId, useState } from "react";
import { isProblem } from "../../api/api-problem.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { centsOf } from "../decision.ts";
import { WriteProblem } from "../load-problem.tsx";
import { MoneyField } from "../money-field.tsx";
import { pay, type StaffRequest } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/**
 * Recording a payment: the advance (the scheme's share of the grant unless another amount is
 * typed), then the balance, which the API computes (the grant less what was paid; negative, an
 * amount to recover) and which settles the request.
 */
export const PaymentForm = ({
  request,
  instalment,
  onDone,
}: {
  readonly request: StaffRequest;
  readonly instalment: "advance" | "balance";
  /** What was paid, said by the request's panel (the balance settles it: this form goes). */
  readonly onDone: (message: string | null) => void;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const id = useId();
  const [amount, setAmount] = useState<number | null>(null);
  const write = useStaffWrite(
    (api, body: { instalment: "advance" | "balance"; amountCents?: number }) =>
      pay(api, request.id, body),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (write.isPending) return;
    onDone(null);
    try {
      const paid = await write.mutateAsync(
        instalment === "advance" && amount !== null
          ? { instalment, amountCents: centsOf(amount) }
          : { instalment },
      );
      const cents = paid.payment?.amountCents ?? 0;
      onDone(
        paid.payment === null
          ? t("payment.nothingDue")
          : cents < 0
            ? t("payment.done.recover", { amount: formatMoney(-cents, lang) })
            : t(`payment.done.${instalment}`, { amount: formatMoney(cents, lang) }),
      );
      setAmount(null);
    } catch {
      // said by WriteProblem
    }
  };
  const fieldError = isProblem(write.error, 422)
    ? write.error.fieldError("amountCents")
    : undefined;
  return (
    <form className="staff-money-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-title`} className="staff-decision__title">
        {t(`payment.title.${instalment}`)}
      </h4>
      <p className="field__description">
        {instalment === "advance"
          ? t("payment.advanceHint", {
              approved:
                request.approvedCents === null ? "—" : formatMoney(request.approvedCents, lang),
            })
          : t("payment.balanceHint")}
      </p>
      {instalment === "advance" && (
        <MoneyField
          label={t("payment.amount")}
          description={t("payment.amountHint")}
          value={amount}
          onChange={setAmount}
          error={fieldError}
        />
      )}
      <WriteProblem error={fieldError ? null : write.error} />
      <div className="staff-form-actions">
        <SubmitButton pending={write.isPending} pendingLabel={t("payment.pending")}>
          {t(`payment.submit.${instalment}`)}
        </SubmitButton>
      </div>
    </form>
  );
};
