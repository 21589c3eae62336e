import "../staff-dialog.css";
import "./grant-review.css";
import { formatMoney } from "@envol/domain";
import { useId, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { formatDate } from "../../i18n/format-date.ts";
import { ConfirmActions } from "../confirm-actions.tsx";
import { WriteProblem } from "../load-problem.tsx";
import { confirmStatement, dismissFlag, rejectStatement, type StaffRequest } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

type Review = NonNullable<StaffRequest["review"]>;
type Step = "confirm" | "reject" | "dismiss";

/**
 * What about the grant awaits the office (ADR 012): a host's statement that would raise it
 * (Confirmer applies it, Rejeter keeps the grant and asks a reason), or a flag left when another
 * grant's recalculation moved the stay's dates (recompute below, or dismiss it with a reason).
 * Each action is confirmed in a dialog that says the amounts.
 */
export const GrantReview = ({
  request,
  review,
  onDone,
}: {
  readonly request: StaffRequest;
  readonly review: Review;
  readonly onDone: (message: string | null) => void;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const id = useId();
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState("");
  const [blank, setBlank] = useState(false);
  const write = useStaffWrite(async (api, s: Step): Promise<void> => {
    if (s === "confirm") await confirmStatement(api, request.id);
    else if (s === "reject") await rejectStatement(api, request.id, reason.trim());
    else await dismissFlag(api, request.id, reason.trim());
  });
  const kind = review.kind;
  const before = formatMoney(review.beforeCents, lang);
  const after =
    review.afterCents === null
      ? t(`review.verdict.${review.afterVerdict}`)
      : formatMoney(review.afterCents, lang);

  const open = (s: Step) => {
    if (write.isPending) return;
    write.reset();
    setReason("");
    setBlank(false);
    onDone(null);
    setStep(s);
  };
  const act = async () => {
    if (write.isPending || step === null) return;
    if (step !== "confirm" && reason.trim() === "") {
      setBlank(true);
      return;
    }
    try {
      await write.mutateAsync(step);
      setStep(null);
      onDone(
        step === "confirm"
          ? t("review.partner-statement.done", { before, after })
          : step === "reject"
            ? t("review.partner-statement.rejected", { before })
            : t("review.stale-grant.dismissed", { before }),
      );
    } catch {
      // said in the dialog
    }
  };

  const titleId = `${id}-title`;
  return (
    <section className="staff-review" aria-labelledby={titleId} data-kind={kind}>
      <h4 id={titleId} className="staff-review__title">
        {t(`review.${kind}.title`)}
      </h4>
      <p>{review.explanation}</p>
      <dl className="staff-facts staff-facts--inline">
        <div>
          <dt>{t(`review.${kind}.before`)}</dt>
          <dd>{before}</dd>
        </div>
        <div>
          <dt>{t(`review.${kind}.after`)}</dt>
          <dd>{after}</dd>
        </div>
      </dl>
      <p className="field__description">
        {t(`review.${kind}.dates`, {
          from: formatDate(review.actualStart, lang),
          to: formatDate(review.actualEnd, lang),
        })}
      </p>
      {kind === "stale-grant" && (
        <p className="field__description">{t("review.stale-grant.hint")}</p>
      )}
      <div className="staff-form-actions">
        {kind === "partner-statement" ? (
          <>
            <Button className="button button--primary" onPress={() => open("confirm")}>
              {t("review.partner-statement.confirm")}
            </Button>
            <Button className="button" onPress={() => open("reject")}>
              {t("review.partner-statement.reject")}
            </Button>
          </>
        ) : (
          <Button className="button" onPress={() => open("dismiss")}>
            {t("review.stale-grant.dismiss")}
          </Button>
        )}
      </div>
      <ModalOverlay
        className="staff-modal-overlay"
        isDismissable={!write.isPending}
        isOpen={step !== null}
        onOpenChange={(isOpen) => {
          if (!write.isPending && !isOpen) setStep(null);
        }}
      >
        <Modal className="staff-modal">
          <Dialog className="staff-dialog" role="alertdialog">
            <Heading slot="title" className="staff-dialog__title">
              {step === "confirm"
                ? t("review.partner-statement.confirmTitle")
                : step === "reject"
                  ? t("review.partner-statement.rejectTitle")
                  : t("review.stale-grant.dismissTitle")}
            </Heading>
            <p>
              <strong>
                {step === "confirm"
                  ? t("review.partner-statement.confirmText", { before, after })
                  : step === "reject"
                    ? t("review.partner-statement.rejectText", { before })
                    : t("review.stale-grant.dismissText", { before })}
              </strong>
            </p>
            {step !== "confirm" && (
              <div className="field" data-invalid={blank ? true : undefined}>
                <label className="field__label" htmlFor={`${id}-reason`}>
                  {t("review.reason")}
                </label>
                <p id={`${id}-reason-hint`} className="field__description">
                  {t("review.reasonHint")}
                </p>
                <textarea
                  id={`${id}-reason`}
                  className="field__input staff-textarea"
                  rows={3}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    setBlank(false);
                  }}
                  aria-invalid={blank ? true : undefined}
                  aria-describedby={`${id}-reason-hint${blank ? ` ${id}-reason-error` : ""}`}
                />
                {blank && (
                  <p id={`${id}-reason-error`} className="field__error">
                    {t("review.reasonRequired")}
                  </p>
                )}
              </div>
            )}
            <WriteProblem error={write.error} />
            <ConfirmActions
              onConfirm={() => void act()}
              pending={write.isPending}
              label={
                step === "confirm"
                  ? t("review.partner-statement.confirm")
                  : step === "reject"
                    ? t("review.partner-statement.reject")
                    : t("review.stale-grant.dismiss")
              }
              pendingLabel={t("review.pending")}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
};
