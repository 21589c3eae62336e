import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineFundingPlugin, exclusiveWithOption } from "./plugin.ts";

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

describe("defineFundingPlugin's configuration check", () => {
  const demo = (warnings?: (o: { rateCents: number }) => { option: string; message: string }[]) =>
    defineFundingPlugin({
      id: "demo",
      name: { fr: "Démo", en: "Demo" },
      funder: { fr: "École", en: "School" },
      url: "https://example.org",
      summary: { fr: "Une aide de démonstration.", en: "A demonstration grant." },
      options: z.object({ rateCents: z.number().int().default(50_000) }),
      parameters: () => [{ since: "2024-07-01", parameters: {} }],
      criteria: () => [],
      estimate: () => ({ confidence: "assumed", lines: [] }),
      documents: () => [],
      ...(warnings ? { warnings } : {}),
    });

  it("reports what the plugin flags in its options, with the plugin's id", () => {
    const plugin = demo((o) =>
      o.rateCents > 60_000 ? [{ option: "rateCents", message: "above 600 €" }] : [],
    );
    expect(plugin.configure().warnings).toEqual([]);
    expect(plugin.configure({ rateCents: 70_000 }).warnings).toEqual([
      { plugin: "demo", option: "rateCents", message: "above 600 €" },
    ]);
  });

  it("has no warnings for a plugin without a check", () => {
    expect(demo().configure({ rateCents: 70_000 }).warnings).toEqual([]);
  });
});
