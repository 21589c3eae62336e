// its stylesheet (language-switch.css) comes with the entry, boot.ts, as the rest of the frame's
import { LANGS } from "@envol/domain";
import { useTranslation } from "react-i18next";
import { switchLanguage } from "../i18n/i18n.ts";

/**
 * Français / English, as two toggle buttons (the pressed one is the current language), each
 * named in its own language; the choice is remembered in this browser (see `i18n.ts`).
 */
export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t("app.language.label")}</legend>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          className="language-switch__button"
          lang={lang}
          aria-pressed={i18n.language === lang}
          onClick={() => void switchLanguage(lang)}
        >
          {t(`app.language.${lang}`)}
        </button>
      ))}
    </fieldset>
  );
};
