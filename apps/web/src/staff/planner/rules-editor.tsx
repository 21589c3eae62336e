import { PRIORITY_RULE_IDS } from "@envol/domain";
import { useId, useState } from "react";
import { useStaffTranslation } from "../texts/staff-texts.ts";
import type { PriorityRuleId } from "./planner-api.ts";

/**
 * The call's priority rules in order (ADR 017): each chosen rule with "up", "down" and
 * "remove", and the others to add at the end. The submission instant and the request id break
 * the last ties whatever is chosen.
 */
export const RulesEditor = ({
  rules,
  onChange,
  disabled,
  error,
}: {
  readonly rules: readonly PriorityRuleId[];
  readonly onChange: (rules: PriorityRuleId[]) => void;
  readonly disabled: boolean;
  readonly error: string | undefined;
}) => {
  const { t } = useStaffTranslation();
  const id = useId();
  const left = PRIORITY_RULE_IDS.filter((r) => !rules.includes(r));
  const [adding, setAdding] = useState<string>("");
  const chosen = left.includes(adding as PriorityRuleId) ? adding : (left[0] ?? "");
  const move = (i: number, by: -1 | 1) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    if (rule !== undefined) next.splice(i + by, 0, rule);
    onChange(next);
  };
  return (
    <fieldset className="staff-planner__rules" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t("planner.rules.legend")}</legend>
      {rules.length === 0 ? (
        <p>{t("planner.rules.none")}</p>
      ) : (
        <ol>
          {rules.map((rule, i) => (
            <li key={rule}>
              <span className="staff-planner__rule">{t(`planner.rule.${rule}`)}</span>
              <button
                type="button"
                className="button staff-button--small"
                disabled={disabled || i === 0}
                onClick={() => move(i, -1)}
              >
                {t("planner.rules.up")}
                <span className="visually-hidden"> — {t(`planner.rule.${rule}`)}</span>
              </button>
              <button
                type="button"
                className="button staff-button--small"
                disabled={disabled || i === rules.length - 1}
                onClick={() => move(i, 1)}
              >
                {t("planner.rules.down")}
                <span className="visually-hidden"> — {t(`planner.rule.${rule}`)}</span>
              </button>
              <button
                type="button"
                className="button staff-button--small"
                disabled={disabled}
                onClick={() => onChange(rules.filter((r) => r !== rule))}
              >
                {t("planner.rules.remove")}
                <span className="visually-hidden"> — {t(`planner.rule.${rule}`)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {left.length > 0 && (
        <div className="staff-planner__add-rule">
          <label className="field__label" htmlFor={`${id}-add`}>
            {t("planner.rules.addLabel")}
          </label>
          <select
            id={`${id}-add`}
            className="field__input"
            value={chosen}
            disabled={disabled}
            onChange={(e) => setAdding(e.currentTarget.value)}
          >
            {left.map((r) => (
              <option key={r} value={r}>
                {t(`planner.rule.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button staff-button--small"
            disabled={disabled}
            onClick={() => chosen !== "" && onChange([...rules, chosen as PriorityRuleId])}
          >
            {t("planner.rules.add")}
          </button>
        </div>
      )}
      <p className="field__description">{t("planner.rules.ties")}</p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
};
