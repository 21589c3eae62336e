import "../staff-dialog.css";
import { type FormEvent, useId, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { isProblem } from "../../api/api-problem.ts";
import { DialogFormActions } from "../confirm-actions.tsx";
import { fieldSentence } from "../field-sentence.ts";
import { FormField } from "../form-field.tsx";
import { WriteProblem } from "../load-problem.tsx";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import { useStaffWrite } from "../use-staff-write.ts";
import { type Move, movesOf, withMove, withoutMove } from "./allocation-moves.ts";
import { type Allocation, type AllocationRow, proposeAllocation } from "./planner-api.ts";

/**
 * Moves one request by hand (ADR 017): funded → waitlist or the reverse, with a reason (kept
 * for the office, never shown to the student). The allocation is proposed again with the same
 * rules and every move it holds plus this one; the API's 422 on the reason, or on the envelope
 * (`moves`), is said under the reason. A request already moved by hand is only put back to the
 * ranking (its move removed, no reason asked): the opposite move would still be a move, said
 * "outside the ranking" even where the ranking puts it.
 */
export const MoveDialog = ({
  scheme,
  academicYear,
  allocation,
  row,
}: {
  readonly scheme: string;
  readonly academicYear: string;
  readonly allocation: Allocation;
  readonly row: AllocationRow;
}) => {
  const { t } = useStaffTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const back = row.byHand;
  const to = row.funded ? "waitlist" : "funded";
  // the new move goes last: the API's 422 names it `moves.<index>`
  const index = movesOf(allocation).filter((m) => m.requestId !== row.requestId).length;
  const write = useStaffWrite((api, move: Move | null) =>
    proposeAllocation(api, scheme, academicYear, {
      rules: [...allocation.rules],
      moves:
        move === null
          ? withoutMove(movesOf(allocation), row.requestId)
          : withMove(movesOf(allocation), move),
    }),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (write.isPending) return;
    try {
      await write.mutateAsync(back ? null : { requestId: row.requestId, to, reason });
      setOpen(false);
    } catch {
      // said in the dialog
    }
  };

  const problem = isProblem(write.error, 422) ? write.error : undefined;
  const reasonError = back
    ? undefined
    : (problem?.fieldError(`moves.${index}.reason`) ??
      problem?.fieldError("moves") ??
      problem?.fieldError(`moves.${index}.requestId`));

  return (
    <>
      <Button
        className="button staff-button--small"
        onPress={() => {
          setReason("");
          write.reset();
          setOpen(true);
        }}
      >
        {back
          ? t("planner.move.toRanking")
          : to === "funded"
            ? t("planner.move.toFunded")
            : t("planner.move.toWaitlist")}
        <span className="visually-hidden"> — {row.applicantName}</span>
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
              {t(
                back
                  ? "planner.move.titleRanking"
                  : to === "funded"
                    ? "planner.move.titleFunded"
                    : "planner.move.titleWaitlist",
                { name: row.applicantName, rank: row.rank },
              )}
            </Heading>
            <form onSubmit={(e) => void submit(e)} noValidate>
              {back ? (
                <p>{t("planner.move.rankingBody")}</p>
              ) : (
                <FormField
                  id={`${id}-reason`}
                  label={t("planner.move.reason")}
                  hint={t("planner.move.reasonHint")}
                  error={reasonError && fieldSentence(reasonError)}
                  control={(props) => (
                    <textarea
                      {...props}
                      rows={3}
                      required
                      value={reason}
                      onChange={(e) => setReason(e.currentTarget.value)}
                    />
                  )}
                />
              )}
              <WriteProblem error={reasonError ? null : write.error} />
              <DialogFormActions
                pending={write.isPending}
                pendingLabel={t("planner.ranking.proposing")}
              >
                {back ? t("planner.move.submitRanking") : t("planner.move.submit")}
              </DialogFormActions>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
};
