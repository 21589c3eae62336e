// its stylesheet (app-shell.css) comes with the entry, boot.ts: the static first screen is drawn with it
import type { Lang } from "@envol/domain";
import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { I18nProvider } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { localeOf } from "../i18n/language.ts";
import { LanguageSwitch } from "./language-switch.tsx";

/** Every page: a skip link, the header (name, areas, language), the main content, the footer. */
export const AppShell = () => {
  const { t, i18n } = useTranslation();
  useFocusOnNavigation();
  return (
    <I18nProvider locale={localeOf(i18n.language as Lang)}>
      <a className="skip-link" href="#main">
        {t("app.skipLink")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </Link>
          <nav className="site-nav" aria-label={t("app.navLabel")}>
            <ul>
              <li>
                <Link to="/" activeOptions={{ exact: true, includeSearch: false }}>
                  {t("app.nav.simulator")}
                </Link>
              </li>
              <li>
                <Link to="/student">{t("app.nav.student")}</Link>
              </li>
              <li>
                <Link to="/staff">{t("app.nav.staff")}</Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </I18nProvider>
  );
};

/**
 * After a navigation inside the app (not the first load), the focus goes to the main content,
 * as a page load would put a screen reader there; the page's own focus moves come after.
 */
const useFocusOnNavigation = () => {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus({ preventScroll: false });
  }, [pathname]);
};
