import "./share-link.css";
import type { Lang } from "@envol/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { encodeSituation, SITUATION_PARAM } from "./situation-link.ts";

/**
 * Copies a link that reopens the simulator with these answers. Where the clipboard is refused,
 * the link is shown, selected, to copy by hand.
 */
export const ShareLink = ({ answers }: { readonly answers: unknown }) => {
  const { i18n } = useTranslation();
  const t = SHARE[i18n.language as Lang];
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
        {t.share}
      </button>
      <p id="share-hint" className="results__hint">
        {t.hint}
      </p>
      <p role="status" className="share__status">
        {state === "copied" ? t.done : ""}
      </p>
      {state === "manual" && (
        <label className="share__manual">
          <span className="field__label">{t.label}</span>
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

/**
 * Its words live here, in the results' chunk, not in the app's texts (fr.ts, en.ts): those are
 * in the first screen, which has no room left (see `scripts/bundle-report.ts`).
 */
const SHARE: Record<Lang, { share: string; hint: string; done: string; label: string }> = {
  fr: {
    share: "Copier le lien de ces réponses",
    hint: "Ce lien rouvre la simulation avec les mêmes réponses.",
    done: "Lien copié.",
    label: "Lien de ces réponses",
  },
  en: {
    share: "Copy a link to these answers",
    hint: "This link reopens the simulation with the same answers.",
    done: "Link copied.",
    label: "Link to these answers",
  },
};
