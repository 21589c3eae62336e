import { describe, expect, it } from "vitest";
import { formatUnit } from "./format-unit.ts";

// Intl keeps a number with its unit (and French thousands) with no-break spaces
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatUnit", () => {
  it("writes days and kilometres in each language, in the singular when there is one", () => {
    expect(spaces(formatUnit(150, "day", "fr"))).toBe("150 jours");
    expect(spaces(formatUnit(1, "day", "fr"))).toBe("1 jour");
    expect(spaces(formatUnit(1, "day", "en"))).toBe("1 day");
    expect(spaces(formatUnit(8900, "kilometer", "fr"))).toBe("8 900 km");
    expect(spaces(formatUnit(8900, "kilometer", "en"))).toBe("8,900 km");
  });
});
