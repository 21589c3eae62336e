import { describe, expect, it } from "vitest";
import { sourceParts } from "./source-parts.ts";

describe("a source's web addresses", () => {
  it("are links, the words around them text, a closing parenthesis or full stop left out", () => {
    expect(
      sourceParts(
        "Agence Erasmus+ France, barème 2025 (agence.erasmusplus.fr/bourse-erasmus).",
      ).map((p) => ("href" in p ? `[${p.text}](${p.href})` : p.text)),
    ).toEqual([
      "Agence Erasmus+ France, barème 2025 (",
      "[agence.erasmusplus.fr/bourse-erasmus](https://agence.erasmusplus.fr/bourse-erasmus)",
      ").",
    ]);
  });

  it("keeps an address's own scheme, query and fragment", () => {
    expect(sourceParts("See https://example.org/a?b=c#d, then http://x.fr/.")).toEqual([
      { text: "See " },
      { text: "https://example.org/a?b=c#d", href: "https://example.org/a?b=c#d" },
      { text: ", then " },
      { text: "http://x.fr/", href: "http://x.fr/" },
      { text: "." },
    ]);
  });

  it("leaves a source with no address, a host alone or a number as one text", () => {
    for (const source of ["Délibération CP 2023-123, e.g. 1.5 fois", "telecom-paris.fr", ""])
      expect(sourceParts(source)).toEqual(source === "" ? [] : [{ text: source }]);
  });

  it("does not make a link of what is not http(s)", () => {
    expect(sourceParts("javascript:alert(1) mailto:a@b.fr")).toEqual([
      { text: "javascript:alert(1) mailto:a@b.fr" },
    ]);
  });
});
