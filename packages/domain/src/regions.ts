import type { Text } from "./text.ts";

/**
 * France's 18 regions by INSEE code (code officiel géographique): the 13 metropolitan regions
 * and the 5 overseas ones. The codes a situation's `student.residenceRegion` and an
 * institution's `region` name.
 */
export const FRENCH_REGIONS: Readonly<Record<string, Text>> = {
  "01": { fr: "Guadeloupe", en: "Guadeloupe" },
  "02": { fr: "Martinique", en: "Martinique" },
  "03": { fr: "Guyane", en: "French Guiana" },
  "04": { fr: "La Réunion", en: "Réunion" },
  "06": { fr: "Mayotte", en: "Mayotte" },
  "11": { fr: "Île-de-France", en: "Île-de-France" },
  "24": { fr: "Centre-Val de Loire", en: "Centre-Val de Loire" },
  "27": { fr: "Bourgogne-Franche-Comté", en: "Bourgogne-Franche-Comté" },
  "28": { fr: "Normandie", en: "Normandy" },
  "32": { fr: "Hauts-de-France", en: "Hauts-de-France" },
  "44": { fr: "Grand Est", en: "Grand Est" },
  "52": { fr: "Pays de la Loire", en: "Pays de la Loire" },
  "53": { fr: "Bretagne", en: "Brittany" },
  "75": { fr: "Nouvelle-Aquitaine", en: "Nouvelle-Aquitaine" },
  "76": { fr: "Occitanie", en: "Occitania" },
  "84": { fr: "Auvergne-Rhône-Alpes", en: "Auvergne-Rhône-Alpes" },
  "93": { fr: "Provence-Alpes-Côte d'Azur", en: "Provence-Alpes-Côte d'Azur" },
  "94": { fr: "Corse", en: "Corsica" },
};
