/**
 * Where an office's call's window stands (ADR 018), in the back office and the student area
 * alike: the API says whether it is open today (in Paris); when it is not, the first day tells
 * "not open yet" from "closed".
 */
export type CallWindow = "open" | "not-open-yet" | "closed";

export const callWindow = (
  call: { readonly open: boolean; readonly opensOn: string },
  today: string,
): CallWindow => (call.open ? "open" : today < call.opensOn ? "not-open-yet" : "closed");
