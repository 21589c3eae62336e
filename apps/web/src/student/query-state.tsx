import { ApiProblem } from "../api/api-problem.ts";
import { useStudentTranslation } from "./student-texts.ts";

/** A page's data could not be read: why, in a sentence, and "try again" when it may help. */
export const LoadError = ({
  error,
  onRetry,
  notFound,
}: {
  readonly error: unknown;
  readonly onRetry: () => void;
  /** What a 404 means on this page. */
  readonly notFound?: string;
}) => {
  const { t } = useStudentTranslation();
  const missing = error instanceof ApiProblem && (error.status === 404 || error.status === 422);
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {missing && notFound
          ? notFound
          : error instanceof TypeError
            ? t("common.offline")
            : t("common.failed")}
      </p>
      {!missing && (
        <button type="button" className="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
};
