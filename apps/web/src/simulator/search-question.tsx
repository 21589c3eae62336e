import "./search-question.css";
import { useMemo } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  useFilter,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { Option } from "./form-fields.tsx";
import { type QuestionProps, useQuestion } from "./use-question.ts";

/**
 * A choice in a long list, searched by typing (the partner catalogue, the countries, the
 * regions): React Aria's ComboBox, which filters as the student types and announces the
 * suggestions to screen readers. A suggestion is found by its label or by its `keywords`
 * (ignoring case and accents, as React Aria's own filter).
 */
export const SearchQuestion = ({
  options,
  empty,
  ...props
}: QuestionProps & { readonly options: readonly Option[]; readonly empty: string }) => {
  const { t } = useTranslation();
  const { field, label, description, error } = useQuestion(props);
  const value = field.value as string;
  const { contains } = useFilter({ sensitivity: "base" });
  const keywords = useMemo(() => new Map(options.map((o) => [o.label, o.keywords])), [options]);
  return (
    <ComboBox
      className="field"
      name={field.name}
      defaultItems={options}
      selectedKey={value === "" ? null : value}
      onSelectionChange={(key) => field.onChange(key === null ? "" : String(key))}
      onBlur={field.onBlur}
      defaultFilter={(label, typed) =>
        contains(label, typed) || contains(keywords.get(label) ?? "", typed)
      }
      allowsEmptyCollection
      isInvalid={error !== undefined}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <Text slot="description" className="field__description">
        {description}
      </Text>
      <div className="combobox">
        <Input ref={field.ref} className="field__input combobox__input" />
        <Button className="combobox__button" aria-label={t("simulator.showSuggestions")}>
          <span aria-hidden="true" className="chevron" />
        </Button>
      </div>
      <FieldError className="field__error">{error}</FieldError>
      <Popover className="popover">
        <ListBox<Option>
          className="listbox"
          renderEmptyState={() => <p className="listbox__empty">{empty}</p>}
        >
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="listbox__item">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
};
