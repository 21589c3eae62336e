import "./scheme-card.css";
import "../shell/eligibility.css";
import { formatMoney, type Lang, type SchemeResult } from "@envol/domain";
import { useTranslation } from "react-i18next";
import { RulesLink } from "../rules/rules-link.tsx";
import { CriterionList } from "../shell/criterion-list.tsx";
import { VerdictBadge } from "../shell/verdict-badge.tsx";
import { MissingQuestions } from "./missing-questions.tsx";

/**
 * One funding scheme's result: its verdict, its amount line by line with the basis of each, how
 * sure the figures are and, while questions remain, the most it could give; every condition with
 * its reason and what would change it (in the API's words, already in the student's language),
 * and the questions that would settle it.
 */
export const SchemeCard = ({
  scheme,
  onAnswer,
}: {
  readonly scheme: SchemeResult;
  readonly onAnswer: (path: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const headingId = `scheme-${scheme.scheme}`;
  const open = scheme.criteria.filter((c) => c.status !== "met");
  const met = scheme.criteria.filter((c) => c.status === "met");
  const estimate = scheme.estimate;
  return (
    <article className={`scheme scheme--${scheme.verdict}`} aria-labelledby={headingId}>
      <header className="scheme__header">
        <h3 id={headingId} className="scheme__name">
          {scheme.name}
        </h3>
        <VerdictBadge verdict={scheme.verdict} label={t(`results.verdict.${scheme.verdict}`)} />
      </header>

      {estimate && scheme.verdict !== "ineligible" ? (
        <div className="scheme__amount">
          <p className="amount">
            <span className="amount__label">{t("results.amount")}</span>
            <span className="amount__value">{formatMoney(estimate.totalCents, lang)}</span>
          </p>
          {scheme.upToCents !== null && scheme.upToCents > estimate.totalCents && (
            <p className="amount amount--up-to">
              {t("results.upTo", { amount: formatMoney(scheme.upToCents, lang) })}
            </p>
          )}
          <p className={`confidence confidence--${estimate.confidence}`}>
            {t(`results.confidence.${estimate.confidence}`)}
          </p>
          {estimate.lines.length > 0 && (
            <>
              <h4 className="scheme__subheading">{t("results.lines")}</h4>
              <ul className="lines">
                {estimate.lines.map((line) => (
                  <li key={line.id} className="line">
                    <span className="line__label">{line.label}</span>
                    <span className="line__amount">{formatMoney(line.amountCents, lang)}</span>
                    <span className="line__basis">{line.basis}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {estimate.notes.length > 0 && (
            <>
              <h4 className="scheme__subheading">{t("results.notes")}</h4>
              <ul className="notes">
                {estimate.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <p className="scheme__no-amount">{t("results.noAmount")}</p>
      )}

      {scheme.missing.length > 0 && (
        <MissingQuestions paths={scheme.missing} onAnswer={onAnswer} variant="inline" />
      )}

      <h4 className="scheme__subheading">{t("results.criteria.title")}</h4>
      {open.length > 0 && <Criteria criteria={open} />}
      {met.length > 0 && (
        <details className="disclosure">
          <summary>{t("results.criteria.met", { n: met.length })}</summary>
          <Criteria criteria={met} />
        </details>
      )}

      <p className="scheme__rules">
        <RulesLink lang={lang} scheme={scheme.scheme}>
          {HOW_IT_IS_CALCULATED[lang]}
          {/* each card has this link: its name says whose rules it opens */}
          <span className="visually-hidden"> ({scheme.name})</span>
        </RulesLink>
      </p>

      {scheme.documents.length > 0 && (
        <details className="disclosure">
          <summary>{t("results.documents", { n: scheme.documents.length })}</summary>
          <ul className="documents">
            {scheme.documents.map((d) => (
              <li key={d.id}>{d.label}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
};

/**
 * The link to the scheme's rule page. Its words live here, in the results' chunk, not in the
 * app's texts (fr.ts, en.ts): those are in the first screen, which has no room left (see
 * `scripts/bundle-report.ts`).
 */
const HOW_IT_IS_CALCULATED: Record<Lang, string> = {
  fr: "Comment est-ce calculé ?",
  en: "How is this calculated?",
};

const Criteria = ({ criteria }: { readonly criteria: SchemeResult["criteria"] }) => {
  const { t } = useTranslation();
  return (
    <CriterionList
      criteria={criteria}
      statusLabel={(status) => t(`results.criteria.status.${status}`)}
      // an unknown condition's hint is the question itself ("Tell us: …")
      hintText={(c) => c.hint ?? ""}
      reasonClassName="criterion__reason"
    />
  );
};
