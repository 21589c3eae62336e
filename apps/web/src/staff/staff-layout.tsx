import "./staff-layout.css";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useAuthTranslation } from "../auth/auth-texts.ts";
import type { SessionUser } from "../auth/session.ts";
import { SignOutButton } from "../auth/sign-out-button.tsx";
import { useStaffTranslation } from "./texts/staff-texts.ts";

const PAGES = ["queue", "budgets", "calls", "planner", "partner-keys"] as const;
const PATHS = {
  queue: "/staff/queue",
  budgets: "/staff/budgets",
  calls: "/staff/calls",
  planner: "/staff/planner",
  "partner-keys": "/staff/partner-keys",
} as const;

/** Every page of the back office: its own navigation, who is signed in, and "sign out". */
export const StaffLayout = ({
  user,
  children,
}: {
  readonly user: SessionUser;
  readonly children: ReactNode;
}) => {
  const { t } = useStaffTranslation();
  const { t: tAuth } = useAuthTranslation();
  return (
    <div className="staff">
      <div className="staff-bar">
        <nav className="staff-nav" aria-label={t("nav.label")}>
          <ul>
            {PAGES.map((p) => (
              <li key={p}>
                <Link
                  to={PATHS[p]}
                  activeOptions={{ includeSearch: false }}
                  className="staff-nav__link"
                >
                  {t(`nav.${p}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="staff-bar__session">
          <span className="staff-bar__user">
            {tAuth("session.signedInAs", { name: user.name })}
          </span>
          <SignOutButton />
        </div>
      </div>
      {children}
    </div>
  );
};
