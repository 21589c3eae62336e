import "./auth.css";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useAuthTranslation } from "./auth-texts.ts";
import { signOut } from "./session.ts";

/**
 * "Sign out": ends the session on the server (with its CSRF token) and in the cache; the page
 * reading the session then shows its sign-in form. A failure is said next to the button.
 */
export const SignOutButton = ({ onSignedOut }: { readonly onSignedOut?: () => void }) => {
  const { t } = useAuthTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => signOut(queryClient),
    onSuccess: () => onSignedOut?.(),
  });
  return (
    <span className="sign-out">
      <button
        type="button"
        className="button"
        aria-disabled={mutation.isPending ? true : undefined}
        onClick={() => {
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        {mutation.isPending ? t("session.signingOut") : t("session.signOut")}
      </button>
      <span role="alert" className="sign-out__problem">
        {mutation.isError && t("session.signOutFailed")}
      </span>
    </span>
  );
};
