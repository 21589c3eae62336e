import type { Lang } from "@envol/domain";
import { ApiProblem } from "../api/api-problem.ts";
import { useRulesTranslation } from "./rules-texts.ts";

/**
 * The rules are loading: the router's pending line (`shell/route-states.tsx`), in the page's
 * language. Not imported from there: that chunk is shared by the first screen and the areas,
 * and one more importer would split it further, over the first screen's budget.
 */
export const RulesPending = ({ lang }: { readonly lang: Lang }) => {
  const { t } = useRulesTranslation(lang);
  return (
    <p className="route-pending" role="status">
      {t("loading")}
    </p>
  );
};

/** The rules could not be read: why, in a sentence, and "try again" when it may help. */
export const RulesLoadError = ({
  lang,
  error,
  onRetry,
}: {
  readonly lang: Lang;
  readonly error: unknown;
  readonly onRetry: () => void;
}) => {
  const { t } = useRulesTranslation(lang);
  return (
    <div className="notice notice--error" role="alert">
      <p>{error instanceof TypeError ? t("offline") : t("failed")}</p>
      {!(error instanceof ApiProblem && error.status === 404) && (
        <button type="button" className="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
};
