/**
 * The fuzz's generator, checked against the real zod schemas the API validates with: what it
 * calls valid must mostly pass them, what it calls invalid must fail them, or the fuzz would
 * test the validator's error path only (or never reach it).
 */
import { IsoDateSchema, SituationSchema } from "@envol/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  arbitraryFromJsonSchema,
  exampleFromJsonSchema,
  type JsonSchema,
} from "./json-schema-arbitrary.ts";
import { encodeBody, operationsOf, readDocument, routeTableApp } from "./route-table.ts";

const APP = routeTableApp();
const DOCUMENT = await readDocument(APP);
const COMPONENTS = DOCUMENT.components?.schemas ?? {};
const SITUATION: JsonSchema = { $ref: "#/components/schemas/Situation" };

const share = <T>(values: readonly T[], accepted: (v: T) => boolean) =>
  values.filter(accepted).length / values.length;

const sample = (schema: JsonSchema, valid: boolean, numRuns = 300) =>
  fc.sample(arbitraryFromJsonSchema(schema, { valid, components: COMPONENTS }), {
    numRuns,
    seed: 42,
  });

/** The zod schema each route validates its request body with, by `METHOD path`. */
const BODY_SCHEMAS = new Map<string, z.ZodType>();
for (const definition of APP.openAPIRegistry.definitions) {
  if (definition.type !== "route") continue;
  const { method, path, request } = definition.route;
  for (const media of Object.values(request?.body?.content ?? {}))
    if (media && "schema" in media && media.schema instanceof z.ZodType)
      BODY_SCHEMAS.set(`${method.toUpperCase()} ${path}`, media.schema);
}

/** A body as the route's validator receives it: JSON as sent, a multipart form as its fields. */
const received = async (mediaType: string, value: unknown) => {
  if (mediaType !== "multipart/form-data") return value;
  const form = await new Response(encodeBody(mediaType, value).body).formData();
  return Object.fromEntries(form.entries());
};

describe("encodeBody", () => {
  it("sends a multipart body that is not an object of fields as it is, not as one field per character", () => {
    const encoded = encodeBody("multipart/form-data", "x".repeat(100_000));
    expect(encoded.headers).toEqual({ "content-type": "multipart/form-data" });
    expect(encoded.body).toBe(JSON.stringify("x".repeat(100_000)));
    expect(encodeBody("multipart/form-data", [1, 2]).body).toBe("[1,2]");
    expect(encodeBody("multipart/form-data", { kind: "visa" }).body).toBeInstanceOf(FormData);
  });
});

describe("arbitraryFromJsonSchema", () => {
  it("draws situations that the domain's schema accepts, or refuses, as asked", () => {
    const accepts = (v: unknown) => SituationSchema.safeParse(v).success;
    expect(share(sample(SITUATION, true), accepts)).toBeGreaterThan(0.95);
    expect(share(sample(SITUATION, false), (v) => !accepts(v))).toBeGreaterThan(0.95);
    expect(accepts(exampleFromJsonSchema(SITUATION, COMPONENTS))).toBe(true);
  });

  it("keeps to each keyword of the subset the document uses", () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        day: { type: "string", description: "A calendar date, YYYY-MM-DD" },
        year: { type: "string", pattern: "^\\d{4}\\/\\d{4}$" },
        name: { type: "string", minLength: 2, maxLength: 5 },
        state: { type: "string", enum: ["a", "b"] },
        count: { type: "integer", minimum: 1, maximum: 200 },
        amount: { type: "integer", exclusiveMinimum: 0 },
        ratio: { type: "number", minimum: -1, maximum: 1 },
        flag: { type: "boolean" },
        tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 3 },
        at: { type: "string", format: "date-time" },
        email: { type: "string", format: "email" },
        either: { anyOf: [{ type: "integer" }, { type: "null" }] },
      },
      required: ["id", "day", "year", "name", "state", "count", "amount", "tags"],
      additionalProperties: false,
    };
    const zod = z.strictObject({
      id: z.uuid(),
      day: IsoDateSchema,
      year: z.string().regex(/^\d{4}\/\d{4}$/),
      name: z.string().min(2).max(5),
      state: z.enum(["a", "b"]),
      count: z.number().int().min(1).max(200),
      amount: z.number().int().positive(),
      ratio: z.number().min(-1).max(1).optional(),
      flag: z.boolean().optional(),
      tags: z.array(z.string()).min(1).max(3),
      at: z.iso.datetime().optional(),
      email: z.email().optional(),
      either: z.number().int().nullable().optional(),
    });
    const accepts = (v: unknown) => zod.safeParse(v).success;
    expect(share(sample(schema, true), accepts)).toBeGreaterThan(0.95);
    expect(share(sample(schema, false), (v) => !accepts(v))).toBe(1);
    expect(accepts(exampleFromJsonSchema(schema))).toBe(true);
  });

  it("has an example that the route's own validator accepts for every request body", async () => {
    const bodies = operationsOf(DOCUMENT).flatMap(({ label, body }) =>
      body ? [{ label, body }] : [],
    );
    expect(bodies.length).toBeGreaterThan(0);
    for (const { label, body } of bodies) {
      const schema = BODY_SCHEMAS.get(label);
      if (!schema) throw new Error(`${label}: no zod schema validates its body`);
      const example = exampleFromJsonSchema(body.schema, COMPONENTS);
      const result = await schema.safeParseAsync(await received(body.mediaType, example));
      expect(result.error?.issues, label).toBeUndefined();
    }
  });
});
