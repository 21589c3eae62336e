import "./search-question.css";
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { useFormContext, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { canSearchPlaces, type Place, placeId, placeLabel } from "../api/place-names.ts";
import { placesQuery } from "../api/places.ts";
import type { SituationForm } from "./situation-form.ts";
import { useDebouncedValue } from "./use-debounced-value.ts";
import { useQuestion } from "./use-question.ts";

/**
 * The city of a destination typed by hand, searched by name in the country chosen (the API's
 * gazetteer, `GET /api/places`): choosing one fills its coordinates, from which the simulation
 * measures the distance and the travel band. A name the gazetteer lacks may still be typed; the
 * coordinates then stay the student's to give, and editing the name drops those of a city
 * chosen before.
 */
export const CityQuestion = () => {
  const { t } = useTranslation();
  const { field, label, description, error } = useQuestion({
    name: "mobility.host.city",
    question: "city",
  });
  const { setValue } = useFormContext<SituationForm>();
  const country = useWatch<SituationForm, "mobility.host.country">({
    name: "mobility.host.country",
  });
  const text = (field.value as string | undefined) ?? "";
  const q = useDebouncedValue(text, 250);
  const places = useQuery(placesQuery(q, country));
  const chosen = useRef<Place | undefined>(undefined);
  const items = canSearchPlaces(q, country) ? (places.data ?? []) : [];
  const setCoordinates = (place: Place | undefined) => {
    const options = { shouldValidate: true, shouldDirty: true } as const;
    setValue("mobility.host.lat", place ? place.lat : null, options);
    setValue("mobility.host.lon", place ? place.lon : null, options);
  };
  return (
    <ComboBox
      className="field"
      name={field.name}
      items={items}
      inputValue={text}
      onInputChange={(value) => {
        field.onChange(value);
        if (chosen.current && value !== chosen.current.name) {
          chosen.current = undefined;
          setCoordinates(undefined);
        }
      }}
      onSelectionChange={(key) => {
        const place = items.find((p) => placeId(p) === key);
        if (!place) return;
        chosen.current = place;
        field.onChange(place.name);
        setCoordinates(place);
      }}
      onBlur={field.onBlur}
      allowsCustomValue
      allowsEmptyCollection
      menuTrigger="input"
      isInvalid={error !== undefined}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <Text slot="description" className="field__description">
        {country === "" ? t("fields.city.needsCountry") : description}
      </Text>
      <div className="combobox">
        <Input ref={field.ref} className="field__input combobox__input" />
      </div>
      <FieldError className="field__error">{error}</FieldError>
      <Popover className="popover">
        <ListBox<Place>
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox__empty">
              {places.isError ? t("fields.city.failed") : t("fields.city.empty")}
            </p>
          )}
        >
          {(place) => (
            <ListBoxItem id={placeId(place)} textValue={place.name} className="listbox__item">
              {placeLabel(place)}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
};
