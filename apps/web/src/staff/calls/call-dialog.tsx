import "../staff-dialog.css";
import { type FormEvent, useId, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { isProblem } from "../../api/api-problem.ts";
import { formatDate } from "../../i18n/format-date.ts";
import { ConfirmActions, DialogFormActions } from "../confirm-actions.tsx";
import { fieldSentence } from "../field-sentence.ts";
import { FormField } from "../form-field.tsx";
import { WriteProblem } from "../load-problem.tsx";
import { type StaffCall, setCall } from "../staff-api.ts";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";
import {
  CALL_FIELDS,
  type CallField,
  type CallFormValues,
  callFormValues,
  callTermsOf,
  needsConfirmation,
} from "./call-form.ts";

/** What the page says once a call is saved (in the language of the moment it is read). */
export interface CallSaved {
  readonly scheme: string;
  readonly opened: boolean;
  readonly opensOn: string;
  readonly closesOn: string;
}

const DATE_FIELDS = new Set<CallField>(["opensOn", "closesOn", "documentsDueOn", "reportsDueOn"]);
const HINTS: Partial<Record<CallField, "windowHint" | "reminderHint">> = {
  closesOn: "windowHint",
  reminderDaysBefore: "reminderHint",
};

/**
 * Opening a scheme's call for a year, or changing it, in a dialog (React Aria: focus kept
 * inside, Escape closes, the focus returns to the button). The API judges the terms and names
 * each wrong field (422), said under that field. Changing a call that is open today, students
 * applying under it, is confirmed first, in the same dialog.
 */
export const CallDialog = ({
  scheme,
  schemeName,
  academicYear,
  call,
  onDone,
}: {
  readonly scheme: string;
  readonly schemeName: string;
  readonly academicYear: string;
  readonly call: StaffCall | undefined;
  readonly onDone: (saved: CallSaved) => void;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<CallFormValues>(() => callFormValues(call));
  const [confirming, setConfirming] = useState(false);
  const write = useStaffWrite((api, v: CallFormValues) =>
    setCall(api, scheme, academicYear, callTermsOf(v)),
  );

  const openDialog = () => {
    setValues(callFormValues(call));
    setConfirming(false);
    write.reset();
    setOpen(true);
  };

  const save = async () => {
    if (write.isPending) return;
    try {
      const saved = await write.mutateAsync(values);
      setOpen(false);
      onDone({
        scheme,
        opened: call === undefined,
        opensOn: saved.opensOn,
        closesOn: saved.closesOn,
      });
    } catch {
      // said in the dialog, beside the fields it names
      setConfirming(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsConfirmation(call)) setConfirming(true);
    else void save();
  };

  const fieldError = (field: CallField) =>
    isProblem(write.error, 422) ? write.error.fieldError(field) : undefined;
  const named = isProblem(write.error, 422) && CALL_FIELDS.some((f) => fieldError(f));
  const dateOrAsTyped = (iso: string) => (iso === "" ? "—" : formatDate(iso, lang));

  return (
    <>
      <Button className="button staff-button--small" onPress={openDialog}>
        {call === undefined ? t("callForm.open") : t("callForm.change")}
        <span className="visually-hidden"> — {schemeName}</span>
      </Button>
      <ModalOverlay
        className="staff-modal-overlay"
        isOpen={open}
        onOpenChange={setOpen}
        isDismissable
      >
        <Modal className="staff-modal">
          {confirming ? (
            <Dialog className="staff-dialog" role="alertdialog">
              <Heading slot="title" className="staff-dialog__title">
                {t("callForm.confirmTitle")}
              </Heading>
              <p>
                {t("callForm.confirmBody", {
                  scheme: schemeName,
                  year: academicYear,
                  opens: dateOrAsTyped(values.opensOn),
                  closes: dateOrAsTyped(values.closesOn),
                })}
              </p>
              <ConfirmActions
                onConfirm={() => void save()}
                pending={write.isPending}
                label={t("callForm.confirm")}
                pendingLabel={t("callForm.pending")}
                onBack={() => setConfirming(false)}
              />
            </Dialog>
          ) : (
            <Dialog className="staff-dialog">
              <Heading slot="title" className="staff-dialog__title">
                {t("callForm.title", { scheme: schemeName, year: academicYear })}
              </Heading>
              <form onSubmit={submit} noValidate>
                {CALL_FIELDS.map((field) => {
                  const error = fieldError(field);
                  const hint = HINTS[field];
                  return (
                    <FormField
                      key={field}
                      id={`${id}-${field}`}
                      label={t(`callForm.${field}`)}
                      hint={hint && t(`callForm.${hint}`)}
                      error={error && fieldSentence(error)}
                      control={(props) => (
                        <input
                          {...props}
                          name={field}
                          type={DATE_FIELDS.has(field) ? "date" : "number"}
                          {...(field === "reminderDaysBefore" && { min: 0, max: 60, step: 1 })}
                          value={values[field]}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setValues((v) => ({ ...v, [field]: value }));
                          }}
                        />
                      )}
                    />
                  );
                })}
                <WriteProblem error={named ? null : write.error} />
                <DialogFormActions pending={write.isPending} pendingLabel={t("callForm.pending")}>
                  {t("callForm.submit")}
                </DialogFormActions>
              </form>
            </Dialog>
          )}
        </Modal>
      </ModalOverlay>
    </>
  );
};
