import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exclusiveWithOption } from "./plugin.ts";

describe("exclusiveWithOption", () => {
  const options = z.object({ exclusiveWith: exclusiveWithOption("erasmus", ["mic"]) });
  const issues = (exclusiveWith: unknown) => {
    const parsed = options.safeParse({ exclusiveWith });
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("defaults to the plugin's own list, and to none without one", () => {
    expect(options.parse({}).exclusiveWith).toEqual(["mic"]);
    expect(z.object({ x: exclusiveWithOption("idf") }).parse({}).x).toEqual([]);
  });

  it("takes other scheme ids", () => {
    expect(options.parse({ exclusiveWith: ["mic", "fitec"] }).exclusiveWith).toEqual([
      "mic",
      "fitec",
    ]);
  });

  it("refuses the plugin's own id, naming the field", () => {
    expect(issues(["mic", "erasmus"])).toEqual(["exclusiveWith: must not name erasmus itself"]);
  });

  it("refuses an id that is not kebab-case, naming the entry", () => {
    expect(issues(["Erasmus+"])).toEqual([
      "exclusiveWith.0: must be a kebab-case scheme id such as erasmus",
    ]);
  });
});
