import "../staff-dialog.css";
import { formatMoney } from "@envol/domain";
import { type FormEvent, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { isProblem } from "../../api/api-problem.ts";
import type { BudgetNumbers } from "../budget-rows.ts";
import { DialogFormActions } from "../confirm-actions.tsx";
import { centsOf } from "../decision.ts";
import { WriteProblem } from "../load-problem.tsx";
import { MoneyField } from "../money-field.tsx";
import { setEnvelope } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/**
 * Setting a scheme's envelope for a year, in a dialog (React Aria: focus kept inside, Escape
 * closes, the focus returns to the button): never below what is committed (the API refuses,
 * said in the dialog), and, if asked, the waiting list promoted while the money lasts.
 */
export const EnvelopeDialog = ({
  scheme,
  schemeName,
  academicYear,
  budget,
  onDone,
}: {
  readonly scheme: string;
  readonly schemeName: string;
  readonly academicYear: string;
  readonly budget: BudgetNumbers | null;
  readonly onDone: (message: string) => void;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState<number | null>(null);
  const [promote, setPromote] = useState(false);
  const [missing, setMissing] = useState(false);
  const write = useStaffWrite((api, body: { envelopeCents: number; promoteWaitlisted?: boolean }) =>
    setEnvelope(api, scheme, academicYear, body),
  );

  const openDialog = () => {
    setAmount(budget === null ? null : budget.envelopeCents / 100);
    setPromote(false);
    setMissing(false);
    write.reset();
    setOpen(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (write.isPending) return;
    if (amount === null) {
      setMissing(true);
      return;
    }
    try {
      const result = await write.mutateAsync({
        envelopeCents: centsOf(amount),
        ...(promote && { promoteWaitlisted: true }),
      });
      setOpen(false);
      onDone(
        [
          t("envelope.done", {
            scheme: schemeName,
            year: academicYear,
            amount: formatMoney(result.budget.envelopeCents, lang),
          }),
          promote ? t("envelope.promoted", { count: result.promoted.length }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      );
    } catch {
      // said in the dialog
    }
  };

  const fieldError = missing
    ? t("envelope.required")
    : isProblem(write.error, 422)
      ? write.error.fieldError("envelopeCents")
      : undefined;

  return (
    <>
      <Button className="button staff-button--small" onPress={openDialog}>
        {budget === null ? t("envelope.set") : t("envelope.change")}
        <span className="visually-hidden"> — {schemeName}</span>
      </Button>
      <ModalOverlay
        className="staff-modal-overlay"
        isOpen={open}
        onOpenChange={setOpen}
        isDismissable
      >
        <Modal className="staff-modal">
          <Dialog className="staff-dialog">
            <Heading slot="title" className="staff-dialog__title">
              {t("envelope.title", { scheme: schemeName, year: academicYear })}
            </Heading>
            <form onSubmit={submit} noValidate>
              {budget && (
                <p className="field__description">
                  {t("envelope.committed", {
                    committed: formatMoney(budget.committedCents, lang),
                    paid: formatMoney(budget.paidCents, lang),
                  })}
                </p>
              )}
              <MoneyField
                label={t("envelope.amount")}
                description={t("envelope.amountHint")}
                value={amount}
                onChange={(v) => {
                  setAmount(v);
                  setMissing(false);
                }}
                error={fieldError}
              />
              <label className="staff-checkbox">
                <input
                  type="checkbox"
                  checked={promote}
                  onChange={(e) => setPromote(e.currentTarget.checked)}
                />
                <span>{t("envelope.promote")}</span>
              </label>
              {isProblem(write.error, 409) && budget ? (
                // the API's detail is in English and in cents: the same in the reader's words
                <div role="alert" className="notice notice--error">
                  <p>
                    {t("envelope.belowCommitted", {
                      committed: formatMoney(budget.committedCents, lang),
                    })}
                  </p>
                </div>
              ) : (
                <WriteProblem error={fieldError ? null : write.error} />
              )}
              <DialogFormActions pending={write.isPending} pendingLabel={t("envelope.pending")}>
                {t("envelope.submit")}
              </DialogFormActions>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
};
