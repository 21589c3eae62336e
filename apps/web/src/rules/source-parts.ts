/**
 * A figure's source, cut into its words and its web addresses, so that the page can make each
 * address a link: `https://…`, and the bare `agence.erasmusplus.fr/…` the plugins' sources also
 * write (a host and a path; a host alone, "e.g.", a figure "1.5" are words). A full stop or a
 * comma after an address ends the sentence, not the address.
 */
export type SourcePart =
  | { readonly text: string }
  | { readonly text: string; readonly href: string };

const ADDRESS = /\bhttps?:\/\/[^\s()<>"]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s()<>"]*/gi;

export const sourceParts = (source: string): SourcePart[] => {
  const parts: SourcePart[] = [];
  let from = 0;
  for (const match of source.matchAll(ADDRESS)) {
    const address = match[0].replace(/[.,;:!?]+$/, "");
    if (match.index > from) parts.push({ text: source.slice(from, match.index) });
    const href = /^https?:\/\//i.test(address) ? address : `https://${address}`;
    parts.push({ text: address, href });
    from = match.index + address.length;
  }
  if (from < source.length) parts.push({ text: source.slice(from) });
  return parts;
};
