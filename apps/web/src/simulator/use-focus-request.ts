import { useEffect } from "react";
import { type FieldPath, useFormContext } from "react-hook-form";
import type { SituationForm } from "./situation-form.ts";

/** A step's props: the question to focus once mounted, if any, and what to call once done. */
export interface FocusRequest {
  readonly focus: string | null;
  readonly onFocused: () => void;
}

/**
 * Moves the focus to the question `name` once this step has mounted it (a step loads lazily, so
 * the request may come before its fields exist), then clears the request.
 */
export const useFocusRequest = (name: string | null, done: () => void): void => {
  const { setFocus } = useFormContext<SituationForm>();
  useEffect(() => {
    if (name === null) return;
    setFocus(name as FieldPath<SituationForm>, { shouldSelect: false });
    done();
  }, [name, setFocus, done]);
};
