import "../staff-dialog.css";
import { useState } from "react";
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { ConfirmActions } from "../confirm-actions.tsx";
import { WriteProblem } from "../load-problem.tsx";
import { type PartnerKey, revokePartnerKey } from "../staff-api.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";

/** "Revoke", confirmed in an alert dialog: the partner's calls with this key stop at once, for good. */
export const RevokeKeyDialog = ({
  keyToRevoke,
  partnerName,
  onRevoked,
}: {
  readonly keyToRevoke: PartnerKey;
  readonly partnerName: string;
  readonly onRevoked: (message: string) => void;
}) => {
  const { t } = useStaffTranslation();
  const [open, setOpen] = useState(false);
  const write = useStaffWrite((api, id: string) => revokePartnerKey(api, id));
  const revoke = async () => {
    if (write.isPending) return;
    try {
      await write.mutateAsync(keyToRevoke.id);
      setOpen(false);
      onRevoked(t("keys.revoke.done", { label: keyToRevoke.label, partner: partnerName }));
    } catch {
      // said in the dialog
    }
  };
  return (
    <DialogTrigger
      isOpen={open}
      onOpenChange={(o) => {
        if (o) write.reset();
        setOpen(o);
      }}
    >
      <Button className="button staff-button--small staff-button--danger">
        {t("keys.revoke.button")}
        <span className="visually-hidden"> — {keyToRevoke.label}</span>
      </Button>
      <ModalOverlay className="staff-modal-overlay" isDismissable>
        <Modal className="staff-modal">
          <Dialog className="staff-dialog" role="alertdialog">
            <Heading slot="title" className="staff-dialog__title">
              {t("keys.revoke.title", { label: keyToRevoke.label })}
            </Heading>
            <p>{t("keys.revoke.body", { partner: partnerName, prefix: keyToRevoke.prefix })}</p>
            <WriteProblem error={write.error} />
            <ConfirmActions
              className="button staff-button--danger-primary"
              onConfirm={() => void revoke()}
              pending={write.isPending}
              label={t("keys.revoke.confirm")}
              pendingLabel={t("keys.revoke.pending")}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
};
