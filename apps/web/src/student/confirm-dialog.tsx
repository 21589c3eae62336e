import "./confirm-dialog.css";
import { type ReactNode, useState } from "react";
import {
  Button,
  Dialog,
  DialogTrigger,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  Text,
  TextArea,
  TextField,
} from "react-aria-components";

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  readonly trigger: string;
  readonly title: string;
  readonly body: ReactNode;
  readonly confirm: string;
  readonly cancel: string;
  /** An optional text to send with the confirmation (a withdrawal's reason). */
  readonly reason?: {
    readonly label: string;
    readonly description: string;
    readonly maxLength: number;
  };
  readonly onConfirm: (reason: string | undefined) => void;
}

/**
 * A question before an action that cannot be undone (withdraw a request, sign an agreement):
 * React Aria's modal dialog (focus kept inside, Escape closes it, focus back on its button),
 * with an optional text field.
 */
export const ConfirmDialog = ({
  trigger,
  title,
  body,
  confirm,
  cancel,
  reason,
  onConfirm,
}: ConfirmDialogProps) => {
  const [text, setText] = useState("");
  return (
    <DialogTrigger onOpenChange={(open) => open && setText("")}>
      <Button className="button">{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  close();
                  onConfirm(text.trim() === "" ? undefined : text.trim());
                }}
              >
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                <div className="dialog__body">{body}</div>
                {reason && (
                  <TextField
                    className="field"
                    value={text}
                    onChange={setText}
                    maxLength={reason.maxLength}
                  >
                    <Label className="field__label">{reason.label}</Label>
                    <Text slot="description" className="field__description">
                      {reason.description}
                    </Text>
                    <TextArea className="field__input dialog__textarea" rows={4} />
                  </TextField>
                )}
                <div className="dialog__actions">
                  <Button className="button" onPress={close}>
                    {cancel}
                  </Button>
                  <Button type="submit" className="button button--primary">
                    {confirm}
                  </Button>
                </div>
              </form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
};
