import "../staff-dialog.css";
import { formatMoney } from "@envol/domain";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { isProblem } from "../../api/api-problem.ts";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { ConfirmActions } from "../confirm-actions.tsx";
import { centsOf } from "../decision.ts";
import { WriteProblem } from "../load-problem.tsx";
import { MoneyField } from "../money-field.tsx";
import { expectedCentsOf, type PaymentConfirmation, paymentConfirmation } from "../payment.ts";
import { type PaymentsDue, pay, paymentsDueQueryOptions, type StaffRequest } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/**
 * Recording a payment: the advance (the scheme's share of the grant unless another amount is
 * typed), then the balance, which the API computes (the grant less what was paid; negative, an
 * amount to recover) and which settles the request. A payment cannot be undone: the form asks
 * for confirmation in an alert dialog that shows the amount, as the API figures it, and sends
 * that amount for the API to bind: when it changed meanwhile (a partner's statement), nothing is
 * recorded, the dialog shows the new amount and asks again.
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
  const [confirming, setConfirming] = useState(false);
  const api = useEnvolClient();
  // read when the dialog opens (again each time: a statement may have changed it)
  const due = useQuery({ ...paymentsDueQueryOptions(api, request.id), enabled: confirming });
  const typedCents = instalment === "advance" && amount !== null ? centsOf(amount) : null;
  const shown = due.data ? paymentConfirmation(instalment, due.data, typedCents) : null;
  const write = useStaffWrite(
    (
      api,
      body: { instalment: "advance" | "balance"; amountCents?: number; expectedCents: number },
    ) => pay(api, request.id, body),
  );
  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (write.isPending) return;
    write.reset();
    onDone(null);
    setConfirming(true);
  };
  const confirm = async () => {
    // the amount confirmed is the one shown: none before it is; one shown as it is read anew
    // is bound all the same, and the API refuses it if it changed
    if (write.isPending || shown === null) return;
    const expectedCents = expectedCentsOf(shown);
    try {
      const paid = await write.mutateAsync(
        typedCents !== null
          ? { instalment, amountCents: typedCents, expectedCents }
          : { instalment, expectedCents },
      );
      setConfirming(false);
      const cents = paid.payment?.amountCents ?? 0;
      onDone(
        paid.payment === null
          ? t("payment.nothingDue")
          : cents < 0
            ? t("payment.done.recover", { amount: formatMoney(-cents, lang) })
            : t(`payment.done.${instalment}`, { amount: formatMoney(cents, lang) }),
      );
      setAmount(null);
    } catch (e) {
      // a field the API refuses is said beside it; anything else in the dialog, where a changed
      // amount is shown anew (the API's detail says both) for the office to confirm again
      if (isProblem(e, 422) && e.fieldError("amountCents")) setConfirming(false);
      if (isProblem(e, 409) && e.type?.endsWith("payment-changed")) void due.refetch();
    }
  };
  const fieldError = isProblem(write.error, 422)
    ? write.error.fieldError("amountCents")
    : undefined;
  return (
    <>
      <form className="staff-money-form" aria-labelledby={`${id}-title`} onSubmit={ask} noValidate>
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
        {!confirming && <WriteProblem error={fieldError ? null : write.error} />}
        <div className="staff-form-actions">
          <SubmitButton pending={write.isPending} pendingLabel={t("payment.pending")}>
            {t(`payment.submit.${instalment}`)}
          </SubmitButton>
        </div>
      </form>
      <ModalOverlay
        className="staff-modal-overlay"
        isDismissable={!write.isPending}
        isOpen={confirming}
        onOpenChange={(open) => {
          if (!write.isPending) setConfirming(open);
        }}
      >
        <Modal className="staff-modal">
          <Dialog className="staff-dialog" role="alertdialog">
            <Heading slot="title" className="staff-dialog__title">
              {t(`payment.confirm.title.${instalment}`)}
            </Heading>
            <PaymentAmount due={due} shown={shown} />
            <p>{t("payment.confirm.irreversible")}</p>
            <WriteProblem error={fieldError ? null : write.error} />
            <ConfirmActions
              onConfirm={() => void confirm()}
              pending={write.isPending}
              label={t("payment.confirm.button")}
              pendingLabel={t("payment.pending")}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
};

/** The amount the office is about to pay (or recover), and what was paid, as the API says it. */
const PaymentAmount = ({
  due,
  shown,
}: {
  readonly due: UseQueryResult<PaymentsDue>;
  readonly shown: PaymentConfirmation | null;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  if (due.isPending) return <p role="status">{t("payment.confirm.loading")}</p>;
  if (due.isError || shown === null) return <WriteProblem error={due.error} />;
  return (
    <>
      <p>
        <strong>
          {shown.key === "settled"
            ? t("payment.confirm.settled")
            : t(`payment.confirm.${shown.key}`, { amount: formatMoney(shown.amountCents, lang) })}
        </strong>
      </p>
      {due.data.paidCents > 0 && (
        <p>{t("payment.confirm.paid", { amount: formatMoney(due.data.paidCents, lang) })}</p>
      )}
    </>
  );
};
