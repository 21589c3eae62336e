import { type CallWindow, callWindow } from "../api/call-window.ts";
import { STUDENT_ACTIONS, type StudentAction } from "./student-api.ts";

/**
 * What a request's card offers under the office's call for its scheme and year (ADR 018): the
 * call's state when the request may still be sent (the window is then said), and the actions
 * the API allows, less "send" outside the window (the API would refuse it, 409 `call-closed`).
 * Without a call, or for a request already sent, nothing changes.
 */
export const callActions = (
  allowed: readonly string[],
  call: { readonly open: boolean; readonly opensOn: string } | undefined,
  today: string,
): { readonly window: CallWindow | undefined; readonly actions: readonly StudentAction[] } => {
  const window = call && allowed.includes("submit") ? callWindow(call, today) : undefined;
  return {
    window,
    actions: STUDENT_ACTIONS.filter(
      (a) => allowed.includes(a) && (a !== "submit" || window === undefined || window === "open"),
    ),
  };
};

/**
 * Whether the card says its state's help line: a draft's ("send it whenever you wish") is
 * wrong while the call is closed or not open yet — the card then says when it can be sent.
 */
export const stateHelpShown = (state: string, window: CallWindow | undefined): boolean =>
  !(state === "draft" && window !== undefined && window !== "open");
