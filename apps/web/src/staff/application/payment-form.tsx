import "../staff-dialog.css";
import { formatMoney } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { isProblem } from "../../api/api-problem.ts";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { SubmitButton } from "../../shell/submit-button.tsx";
import { ConfirmActions } from "../confirm-actions.tsx";
import { centsOf } from "../decision.ts";
import { WriteProblem } from "../load-problem.tsx";
import { MoneyField } from "../money-field.tsx";
import { paymentConfirmation } from "../payment.ts";
import { pay, paymentsDueQueryOptions, type StaffRequest } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/**
 * Recording a payment: the advance (the scheme's share of the grant unless another amount is
 * typed), then the balance, which the API computes (the grant less what was paid; negative, an
 * amount to recover) and which settles the request. A payment cannot be undone: the form asks
 * for confirmation in an alert dialog that shows the amount, as the API figures it.
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
  const write = useStaffWrite(
    (api, body: { instalment: "advance" | "balance"; amountCents?: number }) =>
      pay(api, request.id, body),
  );
  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (write.isPending) return;
    write.reset();
    onDone(null);
    setConfirming(true);
  };
  const confirm = async () => {
    if (write.isPending) return;
    try {
      const paid = await write.mutateAsync(
        instalment === "advance" && amount !== null
          ? { instalment, amountCents: centsOf(amount) }
          : { instalment },
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
      // a field the API refuses is said beside it; anything else in the dialog
      if (isProblem(e, 422) && e.fieldError("amountCents")) setConfirming(false);
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
            <PaymentAmount
              requestId={request.id}
              instalment={instalment}
              typedCents={instalment === "advance" && amount !== null ? centsOf(amount) : null}
            />
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
  requestId,
  instalment,
  typedCents,
}: {
  readonly requestId: string;
  readonly instalment: "advance" | "balance";
  readonly typedCents: number | null;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const api = useEnvolClient();
  const due = useQuery(paymentsDueQueryOptions(api, requestId));
  if (due.isPending) return <p role="status">{t("payment.confirm.loading")}</p>;
  if (due.isError) return <WriteProblem error={due.error} />;
  const shown = paymentConfirmation(instalment, due.data, typedCents);
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
