import "../staff-dialog.css";
import { formatMoney } from "@envol/domain";
import { useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { ConfirmActions } from "../confirm-actions.tsx";
import { WriteProblem } from "../load-problem.tsx";
import { useNames } from "../staff-names.ts";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";
import { type Allocation, applyAllocation } from "./planner-api.ts";

/**
 * "Apply": confirmed first with what it does — how many requests approved, for what total,
 * within which envelope, how many waitlisted — then applied at the version read. A 409 (another
 * version, applied meanwhile, a request changed since) is said in the API's words.
 */
export const ApplyDialog = ({
  scheme,
  schemeName,
  academicYear,
  allocation,
  onDone,
}: {
  readonly scheme: string;
  readonly schemeName: string;
  readonly academicYear: string;
  readonly allocation: Allocation;
  readonly onDone: (applied: { count: number; cents: number; waiting: number }) => void;
}) => {
  const { t } = useStaffTranslation();
  const { lang } = useNames();
  const [open, setOpen] = useState(false);
  const write = useStaffWrite((api, version: number) =>
    applyAllocation(api, scheme, academicYear, version),
  );
  const funded = allocation.rows.filter((r) => r.funded);
  const waiting = allocation.rows.length - funded.length;

  const apply = async () => {
    if (write.isPending) return;
    try {
      const applied = await write.mutateAsync(allocation.version);
      setOpen(false);
      onDone({
        count: applied.rows.filter((r) => r.funded).length,
        cents: applied.allocatedCents,
        waiting: applied.rows.filter((r) => !r.funded).length,
      });
    } catch {
      // said in the dialog
    }
  };

  return (
    <>
      <Button
        className="button button--primary"
        onPress={() => {
          write.reset();
          setOpen(true);
        }}
      >
        {t("planner.apply.open")}
      </Button>
      <ModalOverlay
        className="staff-modal-overlay"
        isOpen={open}
        onOpenChange={setOpen}
        isDismissable
      >
        <Modal className="staff-modal">
          <Dialog className="staff-dialog" role="alertdialog">
            <Heading slot="title" className="staff-dialog__title">
              {t("planner.apply.title", { scheme: schemeName, year: academicYear })}
            </Heading>
            <p>
              {t("planner.apply.body", {
                count: funded.length,
                total: formatMoney(allocation.allocatedCents, lang),
                envelope: formatMoney(allocation.envelopeCents, lang),
              })}
            </p>
            {waiting > 0 && <p>{t("planner.apply.waiting", { count: waiting })}</p>}
            <WriteProblem error={write.error} />
            <ConfirmActions
              onConfirm={() => void apply()}
              pending={write.isPending}
              label={t("planner.apply.confirm")}
              pendingLabel={t("planner.apply.pending")}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
};
