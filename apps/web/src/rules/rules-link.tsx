import type { Lang } from "@envol/domain";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

/**
 * A link to the rule pages in `lang`: a scheme's (`/regles/erasmus`, `/rules/erasmus`), or
 * without `scheme` the list of them. The simulator's result cards link to their scheme's.
 */
export const RulesLink = ({
  lang,
  scheme,
  className,
  children,
}: {
  readonly lang: Lang;
  readonly scheme?: string;
  readonly className?: string;
  readonly children: ReactNode;
}) =>
  scheme === undefined ? (
    <Link to={lang === "fr" ? "/regles" : "/rules"} className={className}>
      {children}
    </Link>
  ) : (
    <Link
      to={lang === "fr" ? "/regles/$scheme" : "/rules/$scheme"}
      params={{ scheme }}
      className={className}
    >
      {children}
    </Link>
  );
