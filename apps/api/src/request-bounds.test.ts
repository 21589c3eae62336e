/**
 * Every string the API accepts from outside is bounded in its schema (issue #10, item 4): a
 * 200 000-character host name was accepted, stored and shown. The test reads the API's own
 * OpenAPI document, so a route added later is held to the same rule.
 */
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "./testing/json-schema-arbitrary.ts";
import { operationsOf, readDocument, routeTableApp } from "./testing/route-table.ts";

const DOCUMENT = await readDocument(routeTableApp());
const COMPONENTS = DOCUMENT.components?.schemas ?? {};

/** Formats whose values have a bounded length (`binary`: a file, bounded by its route's body limit). */
const BOUNDED_FORMATS = new Set(["uuid", "date", "date-time", "binary"]);

/** A pattern anchored at both ends, with no `*`, `+` or `{n,}`: it bounds the length by itself. */
const boundingPattern = (pattern: string) =>
  pattern.startsWith("^") && pattern.endsWith("$") && !/[*+]|\{\d+,\}/.test(pattern);

const isBounded = (s: JsonSchema) =>
  s.maxLength !== undefined ||
  s.enum !== undefined ||
  s.const !== undefined ||
  (s.format !== undefined && BOUNDED_FORMATS.has(s.format)) ||
  (s.pattern !== undefined && boundingPattern(s.pattern));

const isString = (s: JsonSchema) =>
  s.type === "string" || (Array.isArray(s.type) && s.type.includes("string"));

/** The paths of the string schemas inside `schema` that nothing bounds. */
const unboundedStrings = (schema: JsonSchema, path: string, seen = new Set<string>()): string[] => {
  if (schema.$ref !== undefined) {
    if (seen.has(schema.$ref)) return [];
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = COMPONENTS[name];
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    return unboundedStrings(target, path, new Set([...seen, schema.$ref]));
  }
  const found: string[] = [];
  if (isString(schema) && !isBounded(schema)) found.push(path);
  for (const [key, property] of Object.entries(schema.properties ?? {}))
    found.push(...unboundedStrings(property, `${path}.${key}`, seen));
  if (typeof schema.additionalProperties === "object")
    found.push(...unboundedStrings(schema.additionalProperties, `${path}.*`, seen));
  if (schema.items) found.push(...unboundedStrings(schema.items, `${path}[]`, seen));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    found.push(...unboundedStrings(branch, path, seen));
  return found;
};

describe("the bounds of every request's strings", () => {
  const operations = operationsOf(DOCUMENT);

  it("reads the operations that take a body", () => {
    const withBody = operations.filter((o) => o.body).map((o) => o.label);
    expect(withBody).toContain("POST /api/simulations");
    expect(withBody).toContain("POST /api/applications");
    expect(withBody).toContain("PUT /api/partner/v1/omobilities/{omobility_id}/decision");
  });

  it("finds an unbounded string when there is one", () => {
    expect(
      unboundedStrings({ type: "object", properties: { a: { type: "string" } } }, "x"),
    ).toEqual(["x.a"]);
    expect(unboundedStrings({ type: "string", pattern: "^[a-z-]+$" }, "x")).toEqual(["x"]);
    expect(unboundedStrings({ type: "string", pattern: "^\\d{2}$" }, "x")).toEqual([]);
  });

  it.each(operations.map((o) => [o.label, o] as const))(
    "%s: every string of its body and parameters has a maximum length, a format, an enum or a bounding pattern",
    (_, operation) => {
      const unbounded = [
        ...(operation.body ? unboundedStrings(operation.body.schema, "body") : []),
        ...operation.parameters.flatMap((p) => unboundedStrings(p.schema, `${p.in}.${p.name}`)),
      ];
      expect(unbounded).toEqual([]);
    },
  );
});
