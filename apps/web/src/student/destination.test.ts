import { describe, expect, it } from "vitest";
import { destinationName } from "./destination.ts";

const stay = { start: "2027-01-18", end: "2027-04-30" };
const partners = new Map([["tu-berlin", "Technische Universität Berlin"]]);
const partnerName = (id: string) => partners.get(id);

describe("where a stay is, in words", () => {
  it("is the partner's name from the catalogue, or its id while the catalogue loads", () => {
    const situation = { mobility: { ...stay, host: { partner: "tu-berlin" } } };
    expect(destinationName(situation, "fr", partnerName)).toBe("Technische Universität Berlin");
    expect(destinationName(situation, "fr", () => undefined)).toBe("tu-berlin");
  });

  it("is a typed destination's name or city, with its country in the language", () => {
    expect(
      destinationName(
        { mobility: { ...stay, host: { name: "Acme GmbH", city: "Munich", country: "DE" } } },
        "fr",
        partnerName,
      ),
    ).toBe("Acme GmbH (Allemagne)");
    expect(
      destinationName(
        { mobility: { ...stay, host: { city: "Munich", country: "DE" } } },
        "en",
        partnerName,
      ),
    ).toBe("Munich (Germany)");
    expect(
      destinationName({ mobility: { ...stay, host: { country: "JP" } } }, "en", partnerName),
    ).toBe("Japan");
  });
});
