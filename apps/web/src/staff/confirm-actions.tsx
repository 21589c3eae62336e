import type { ReactNode } from "react";
import { Button } from "react-aria-components";
import { SubmitButton } from "../shell/submit-button.tsx";
import { useStaffTranslation } from "./texts/staff-texts.ts";

/**
 * The two buttons at the foot of a back-office confirmation: the one that acts (inert while its
 * request runs) and "Annuler", which closes the dialog and has the focus, so that Enter never
 * moves money or revokes a key by accident. With `onBack`, the second button goes back to the
 * form the confirmation came from ("Retour au formulaire") instead of closing.
 */
export const ConfirmActions = ({
  onConfirm,
  pending,
  label,
  pendingLabel,
  className = "button button--primary",
  onBack,
}: {
  readonly onConfirm: () => void;
  readonly pending: boolean;
  readonly label: string;
  readonly pendingLabel: string;
  readonly className?: string;
  readonly onBack?: () => void;
}) => {
  const { t } = useStaffTranslation();
  return (
    <div className="staff-form-actions">
      <Button className={className} onPress={onConfirm} aria-disabled={pending ? true : undefined}>
        {pending ? pendingLabel : label}
      </Button>
      {onBack ? (
        <Button className="button" onPress={onBack} autoFocus>
          {t("callForm.back")}
        </Button>
      ) : (
        <Button className="button" slot="close" autoFocus>
          {t("dialog.cancel")}
        </Button>
      )}
    </div>
  );
};

/**
 * The foot of a form in a back-office dialog: its submit button (its words replaced while the
 * write runs) and "Annuler", which closes the dialog.
 */
export const DialogFormActions = ({
  pending,
  pendingLabel,
  children,
}: {
  readonly pending: boolean;
  readonly pendingLabel: string;
  readonly children: ReactNode;
}) => {
  const { t } = useStaffTranslation();
  return (
    <div className="staff-form-actions">
      <SubmitButton pending={pending} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
      <Button className="button" slot="close">
        {t("dialog.cancel")}
      </Button>
    </div>
  );
};
