import { countryName, isPartnerHost, type Lang, type Situation } from "@envol/domain";

/**
 * Where a stay is, in words: the partner's name from the catalogue, or the destination typed
 * in the simulator (its name, else its city, and its country).
 */
export const destinationName = (
  situation: Situation,
  lang: Lang,
  partnerName: (id: string) => string | undefined,
): string => {
  const { host } = situation.mobility;
  if (isPartnerHost(host)) return partnerName(host.partner) ?? host.partner;
  const place = host.name?.trim() || host.city?.trim();
  const country = countryName(host.country, lang);
  return place ? `${place} (${country})` : country;
};
