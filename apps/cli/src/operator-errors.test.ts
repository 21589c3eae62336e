import { PluginOptionsInvalid, RegistryInvalid } from "@envol/domain";
import { describe, expect, it } from "vitest";
import { isOperatorError } from "./operator-errors.ts";

describe("what the CLI reports as the operator's problem, in one line", () => {
  it("an institution configuration that does not hold: options or the registry", () => {
    const unknown = new RegistryInvalid({
      problems: ['plugin "alumni": exclusiveWith names "mikc", which is not a registered scheme'],
    });
    expect(isOperatorError(unknown)).toBe(true);
    expect(unknown.message).toContain('"mikc"');
    expect(
      isOperatorError(
        new PluginOptionsInvalid({ plugin: "idf", issues: [{ path: "x", message: "y" }] }),
      ),
    ).toBe(true);
  });

  it("not a bug of the program", () => {
    expect(isOperatorError(new TypeError("x is undefined"))).toBe(false);
    expect(isOperatorError("a string")).toBe(false);
  });
});
