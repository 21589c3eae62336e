import type { Lang, Situation } from "@envol/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { partnersQuery } from "../api/partners.ts";
import { destinationName } from "./destination.ts";

/** `destinationName` with the partner catalogue (read once a visit) and the current language. */
export const useDestinationName = () => {
  const { i18n } = useTranslation();
  const partners = useQuery(partnersQuery);
  const names = new Map(partners.data?.map((p) => [p.id, p.name]));
  return (situation: Situation) =>
    destinationName(situation, i18n.language as Lang, (id) => names.get(id));
};
