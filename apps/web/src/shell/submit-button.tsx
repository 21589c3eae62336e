import type { ReactNode } from "react";

/**
 * A form's submit button, its words replaced while the write runs. It stays focusable then
 * (`aria-disabled`, not `disabled`): the form itself ignores a second submit while one is pending.
 */
export const SubmitButton = ({
  pending,
  pendingLabel,
  children,
}: {
  readonly pending: boolean;
  readonly pendingLabel: string;
  readonly children: ReactNode;
}) => (
  <button
    type="submit"
    className="button button--primary"
    aria-disabled={pending ? true : undefined}
  >
    {pending ? pendingLabel : children}
  </button>
);
