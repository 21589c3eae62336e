import "./share-link.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { encodeSituation, SITUATION_PARAM } from "./situation-link.ts";

/**
 * Copies a link that reopens the simulator with these answers. Where the clipboard is refused,
 * the link is shown, selected, to copy by hand.
 */
export const ShareLink = ({ answers }: { readonly answers: unknown }) => {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const url = `${window.location.origin}/?${SITUATION_PARAM}=${encodeSituation(answers)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState("manual");
    }
  };
  return (
    <div className="share">
      <button type="button" className="button" onClick={copy} aria-describedby="share-hint">
        {t("results.share")}
      </button>
      <p id="share-hint" className="results__hint">
        {t("results.shareHint")}
      </p>
      <p role="status" className="share__status">
        {state === "copied" ? t("results.shareDone") : ""}
      </p>
      {state === "manual" && (
        <label className="share__manual">
          <span className="field__label">{t("results.shareLabel")}</span>
          <input
            className="field__input"
            readOnly
            value={url}
            ref={(el) => el?.select()}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
    </div>
  );
};
