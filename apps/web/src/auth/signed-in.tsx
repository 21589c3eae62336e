import "./auth.css";
import type { ReactNode } from "react";
import { useId } from "react";
import { useDocumentTitle } from "../shell/use-document-title.ts";
import { type Area, entersArea } from "./area-roles.ts";
import { useAuthTranslation } from "./auth-texts.ts";
import { type Session, useSession } from "./session.ts";
import { SignInForm } from "./sign-in-form.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

export interface SignedInProps {
  /** Which area the pages inside are (the session user's role must enter it). */
  readonly area: Area;
  /** The sign-in page's heading (an h1), saying why: "Sign in to apply"… */
  readonly signInTitle: string;
  /** A sentence under it, if any. */
  readonly signInIntro?: ReactNode;
  readonly children: (session: Session) => ReactNode;
}

/**
 * The pages of a signed-in person: while the session is checked, a status; when nobody is
 * signed in, the sign-in form in their place (the same address: once signed in, the page the
 * person asked for shows); with an account that does not enter the area, a sentence and "sign
 * out".
 */
export const SignedIn = ({ area, signInTitle, signInIntro, children }: SignedInProps) => {
  const { t } = useAuthTranslation();
  const session = useSession();

  if (session.isPending)
    return (
      <p className="route-pending" role="status">
        {t("session.checking")}
      </p>
    );
  if (session.isError)
    return (
      <div className="notice notice--error" role="alert">
        <p>{t("session.unavailable")}</p>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t("session.retry")}
        </button>
      </div>
    );
  if (!session.data)
    return (
      <Gate title={signInTitle}>
        {(titleId) => (
          <>
            {signInIntro ?? <p>{t("signIn.intro")}</p>}
            <SignInForm
              labelledBy={titleId}
              // the page asked for replaces the form: a screen reader starts again from the top
              onSignedIn={() =>
                requestAnimationFrame(() => document.getElementById("main")?.focus())
              }
            />
          </>
        )}
      </Gate>
    );
  const { user } = session.data;
  if (!entersArea(area, user.role))
    return (
      <Gate title={signInTitle}>
        {() => (
          <>
            <p>{t(`gate.wrongRole.${area}`, { email: user.email })}</p>
            <p>{t("gate.switchAccount")}</p>
            <SignOutButton />
          </>
        )}
      </Gate>
    );
  return children(session.data);
};

/** The page in place of the one asked for: its title (in the tab too) and what to do. */
const Gate = ({
  title,
  children,
}: {
  readonly title: string;
  readonly children: (titleId: string) => ReactNode;
}) => {
  const titleId = useId();
  useDocumentTitle(title);
  return (
    <section className="signed-in-gate" aria-labelledby={titleId}>
      <h1 id={titleId}>{title}</h1>
      {children(titleId)}
    </section>
  );
};
