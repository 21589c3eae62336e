import "../staff-dialog.css";
import "./secret-dialog.css";
import { useId, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import type { CreatedPartnerKey } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";

/**
 * A new key's secret, shown this once: a warning, the secret to select or copy, and a button
 * that closes the dialog only when the person says it is saved. The secret is not kept
 * anywhere once the dialog closes. Neither Escape nor a click outside closes it by mistake.
 */
export const SecretDialog = ({
  created,
  onClose,
}: {
  readonly created: CreatedPartnerKey | null;
  readonly onClose: () => void;
}) => {
  const { t } = useStaffTranslation();
  const names = useNames();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const secretId = useId();
  const warningId = useId();
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <ModalOverlay
      className="staff-modal-overlay"
      isOpen={created !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(null);
          onClose();
        }
      }}
      isKeyboardDismissDisabled
    >
      <Modal className="staff-modal">
        <Dialog className="staff-dialog" role="alertdialog" aria-describedby={warningId}>
          {({ close }) =>
            created && (
              <>
                <Heading slot="title" className="staff-dialog__title">
                  {t("keys.secret.title", { partner: names.partner(created.key.partnerId) })}
                </Heading>
                <div id={warningId} className="notice notice--warning">
                  <p>{t("keys.secret.warning")}</p>
                </div>
                <label className="field__label" htmlFor={secretId}>
                  {t("keys.secret.label", { label: created.key.label })}
                </label>
                <div className="staff-secret">
                  <input
                    id={secretId}
                    className="field__input staff-secret__value"
                    readOnly
                    value={created.secret}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                  <Button className="button" onPress={() => void copy()}>
                    {t("keys.secret.copy")}
                  </Button>
                </div>
                <p className="field__description">{t("keys.secret.usage")}</p>
                <p role="status" className="staff-secret__status">
                  {copied === "yes"
                    ? t("keys.secret.copied")
                    : copied === "failed"
                      ? t("keys.secret.copyFailed")
                      : ""}
                </p>
                <div className="staff-form-actions">
                  <Button className="button button--primary" onPress={close}>
                    {t("keys.secret.saved")}
                  </Button>
                </div>
              </>
            )
          }
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
};
