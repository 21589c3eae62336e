import { isProblem } from "../api/api-problem.ts";
import { useStaffTranslation } from "./texts/staff-texts.ts";

/**
 * What a page says when its data could not be read: the area is the office's (403, for a
 * student), the thing does not exist (404), or something failed, with "try again". Nothing for
 * an expired session (401): the query client ends it (`main.tsx`), and the sign-in form takes
 * the page's place.
 */
export const LoadProblem = ({
  error,
  onRetry,
}: {
  readonly error: unknown;
  readonly onRetry: () => void;
}) => {
  const { t } = useStaffTranslation();
  if (isProblem(error, 401)) return null;
  if (isProblem(error, 403))
    return (
      <div className="notice notice--error" role="alert">
        <p>{t("problems.forbidden")}</p>
      </div>
    );
  if (isProblem(error, 404))
    return (
      <div className="notice notice--error" role="alert">
        <p>{t("problems.notFound")}</p>
      </div>
    );
  return (
    <div className="notice notice--error" role="alert">
      <p>{t("problems.load")}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("problems.retry")}
      </button>
    </div>
  );
};

/**
 * A write the API refused: its title and detail (in the language asked) and each field it
 * names, next to the form. The live region is always there, so that the problem is announced.
 */
export const WriteProblem = ({ error }: { readonly error: unknown }) => {
  const { t } = useStaffTranslation();
  return (
    <div role="alert" className="staff-write-problem">
      {error ? (
        isProblem(error) ? (
          <div className="notice notice--error">
            <p>
              <strong>{error.title}</strong>
              {error.detail ? ` — ${error.detail}` : ""}
            </p>
            {error.errors.length > 0 && (
              <ul>
                {error.errors.map((e) => (
                  <li key={`${e.path}:${e.message}`}>
                    {t("problems.field", { path: e.path, message: e.message })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className="notice notice--error">
            <p>{t("problems.write")}</p>
          </div>
        )
      ) : null}
    </div>
  );
};
