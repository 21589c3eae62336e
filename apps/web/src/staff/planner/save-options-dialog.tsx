import "../staff-dialog.css";
import { formatMoney } from "@envol/domain";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { isProblem } from "../../api/api-problem.ts";
import { formatDate } from "../../i18n/format-date.ts";
import { ConfirmActions, DialogFormActions } from "../confirm-actions.tsx";
import { fieldSentence } from "../field-sentence.ts";
import { type ControlProps, FormField } from "../form-field.tsx";
import { WriteProblem } from "../load-problem.tsx";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";
import type { OptionField } from "./option-fields.ts";
import { saveSchemeOptions } from "./planner-api.ts";
import { type SaveCheck, saveChecks } from "./save-options-checks.ts";
import type { Scenario } from "./scenario.ts";

/**
 * "Save as the new options" (ADR 020): the scenario's options become the scheme's for the stays
 * starting on or after a chosen day, with a reason for the audit trail; confirmed first in the
 * same dialog (decisions already taken keep their figures). The API's 422 is said under the
 * field it names (`since`, `reason`, `options.<name>`). The envelope is the budgets page's.
 */
export const SaveOptionsDialog = ({
  scheme,
  schemeName,
  scenario,
  fields,
  firstPeriod,
  onDone,
}: {
  readonly scheme: string;
  readonly schemeName: string;
  readonly scenario: Scenario;
  readonly fields: readonly OptionField[];
  readonly firstPeriod: string;
  readonly onDone: (said: string) => void;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [since, setSince] = useState("");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [checks, setChecks] = useState<{ since?: SaveCheck; reason?: SaveCheck }>({});
  const focusField = (name: "since" | "reason") =>
    // after the render that shows the form again
    requestAnimationFrame(() => document.getElementById(`${id}-${name}`)?.focus());
  const write = useStaffWrite((api, body: { since: string; reason: string }) =>
    saveSchemeOptions(api, scheme, { ...body, options: { ...scenario.options } }),
  );
  const changed = Object.keys(scenario.options).length > 0;

  if (!changed) return <p>{t("planner.save.nothing")}</p>;

  const save = async () => {
    if (write.isPending) return;
    try {
      await write.mutateAsync({ since, reason });
      setOpen(false);
      onDone(
        t("planner.save.done", {
          scheme: schemeName,
          since: formatDate(since, lang),
        }),
      );
    } catch (e) {
      setConfirming(false);
      if (isProblem(e, 422)) {
        const first = (["since", "reason"] as const).find((f) => e.fieldError(f));
        if (first) focusField(first);
      }
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = saveChecks(since, reason, firstPeriod);
    setChecks(found);
    write.reset();
    const first = (["since", "reason"] as const).find((f) => found[f]);
    if (first) {
      focusField(first);
      return;
    }
    setConfirming(true);
  };

  const problem = isProblem(write.error, 422) ? write.error : undefined;
  const error = (path: "since" | "reason") => {
    const check = checks[path];
    if (check === "date") return t("planner.whatIf.check.date");
    if (check === "beforeFirst")
      return t("planner.save.beforeFirst", { first: formatDate(firstPeriod, lang) });
    if (check === "reasonRequired") return t("planner.save.reasonRequired");
    const said = problem?.fieldError(path);
    return said === undefined ? undefined : fieldSentence(said);
  };
  const named = problem?.errors.some((e) => e.path === "since" || e.path === "reason") ?? false;
  const optionWords = fields
    .filter((f) => scenario.options[f.name] !== undefined)
    .map((f) => {
      const v = scenario.options[f.name] as number;
      const shown = f.money ? formatMoney(v, lang) : String(v);
      return `${t(`planner.option.${f.name}`, { defaultValue: f.name })} ${shown}`;
    })
    .join(", ");

  const field = (name: "since" | "reason", control: (props: ControlProps) => ReactNode) => (
    <FormField
      id={`${id}-${name}`}
      label={t(`planner.save.${name}`)}
      hint={
        name === "since"
          ? t("planner.save.sinceHint", { first: formatDate(firstPeriod, lang) })
          : t("planner.save.reasonHint")
      }
      error={error(name)}
      control={control}
    />
  );

  return (
    <>
      <Button
        className="button"
        onPress={() => {
          setConfirming(false);
          setChecks({});
          // the day the what-if ran from: the one its figures were compared on
          setSince(scenario.since);
          write.reset();
          setOpen(true);
        }}
      >
        {t("planner.save.open")}
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
                {t("planner.save.confirmTitle")}
              </Heading>
              <p>
                {t("planner.save.confirmBody", {
                  scheme: schemeName,
                  options: optionWords,
                  since: since === "" ? "—" : formatDate(since, lang),
                })}
              </p>
              <ConfirmActions
                onConfirm={() => void save()}
                pending={write.isPending}
                label={t("planner.save.confirm")}
                pendingLabel={t("planner.save.pending")}
                onBack={() => setConfirming(false)}
              />
            </Dialog>
          ) : (
            <Dialog className="staff-dialog">
              <Heading slot="title" className="staff-dialog__title">
                {t("planner.save.title", { scheme: schemeName })}
              </Heading>
              <p>{optionWords}</p>
              <form onSubmit={submit} noValidate>
                {field("since", (props) => (
                  <input
                    {...props}
                    type="date"
                    value={since}
                    onChange={(e) => setSince(e.currentTarget.value)}
                  />
                ))}
                {field("reason", (props) => (
                  <textarea
                    {...props}
                    rows={3}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                ))}
                <WriteProblem error={named ? null : write.error} />
                <DialogFormActions
                  pending={write.isPending}
                  pendingLabel={t("planner.save.pending")}
                >
                  {t("planner.save.submit")}
                </DialogFormActions>
              </form>
            </Dialog>
          )}
        </Modal>
      </ModalOverlay>
    </>
  );
};
