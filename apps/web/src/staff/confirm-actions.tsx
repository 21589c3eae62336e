import { Button } from "react-aria-components";
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
