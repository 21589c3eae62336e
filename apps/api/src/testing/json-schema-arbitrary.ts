/**
 * fast-check arbitraries from the JSON Schemas of the API's OpenAPI document, for the fuzz test
 * (zod-fast-check does not fit zod 4). Covers the subset the document uses: object (properties,
 * required, additionalProperties), string (pattern, format date / date-time / email / uuid /
 * binary, minLength / maxLength, enum), number and integer (minimum, maximum,
 * exclusiveMinimum), boolean, null, array (items, minItems, maxItems), anyOf / oneOf / allOf,
 * and $ref to the document's components.
 *
 * `{ valid: true }` draws values the schema accepts (best effort: a refinement the JSON Schema
 * does not say, such as "the end is after the start", may still refuse them); `{ valid: false }`
 * draws values that break it somewhere: a wrong type, a constraint overstepped, a required field
 * missing, a field too many, or one nested value invalid.
 *
 * A few hints that zod's JSON Schema leaves in descriptions and examples rather than in
 * keywords are read too: "A calendar date, YYYY-MM-DD" (a refinement), an academic year
 * `2026-2027`, an ISO 3166-1 alpha-2 country code.
 */
import fc from "fast-check";

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly description?: string;
  readonly example?: unknown;
  readonly default?: unknown;
}

export interface ArbitraryOptions {
  /** Values the schema accepts, or values that break it. */
  readonly valid: boolean;
  /** The document's `components.schemas`, for `$ref: "#/components/schemas/Name"`. */
  readonly components?: Readonly<Record<string, JsonSchema>>;
}

const MAX_DEPTH = 12;

/** The schema a `$ref` points to (only the document's own components). */
export const resolveRef = (
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>> = {},
): JsonSchema => {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined; hops++) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1];
    const target = name === undefined ? undefined : components[name];
    if (target === undefined || hops > 20) throw new Error(`unresolvable $ref ${current.$ref}`);
    current = target;
  }
  return current;
};

const typesOf = (schema: JsonSchema): readonly string[] => {
  if (schema.type === undefined) {
    if (schema.properties !== undefined) return ["object"];
    if (schema.items !== undefined) return ["array"];
    if (schema.enum !== undefined)
      return [...new Set(schema.enum.map((v) => (v === null ? "null" : typeof v)))];
    return [];
  }
  return typeof schema.type === "string" ? [schema.type] : schema.type;
};

// ------------------------------------------------------------------ hints

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACADEMIC_YEAR = /^\d{4}-\d{4}$/;

const isCalendarDate = (s: JsonSchema) =>
  s.format === "date" ||
  /calendar date/i.test(s.description ?? "") ||
  (typeof s.example === "string" && DATE.test(s.example) && s.pattern === undefined);

const isAcademicYear = (s: JsonSchema) =>
  (s.pattern === undefined || s.pattern === ACADEMIC_YEAR.source) &&
  (/academic year/i.test(s.description ?? "") ||
    (typeof s.example === "string" && ACADEMIC_YEAR.test(s.example)));

const isCountryCode = (s: JsonSchema) => /ISO 3166-1 alpha-2/i.test(s.description ?? "");

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A real calendar date, YYYY-MM-DD, around the years the demo data lives in. */
export const calendarDate = (): fc.Arbitrary<string> =>
  fc
    .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z") })
    .filter((d) => !Number.isNaN(d.getTime()))
    .map((d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

/**
 * Strings that look like dates and are not (30 February, month 13, day 00, wrong widths), or
 * dates outside the range every request date keeps to (2000-01-01 to 2100-12-31).
 */
const notCalendarDate = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      "2027-02-30",
      "2027-13-01",
      "2027-00-10",
      "2027-01-00",
      "2027-1-5",
      "27-01-05",
      "2027/01/05",
      "05-01-2027",
      "2027-01-05T00:00:00Z",
      "0000-00-00",
      "9999-99-99",
      "0000-01-01",
      "0001-01-01",
      "1999-12-31",
      "2101-01-01",
      "9999-12-31",
      "+202701-01-01",
      "",
    ),
    fc.string({ maxLength: 12 }),
  );

const academicYear = (): fc.Arbitrary<string> =>
  fc.integer({ min: 2020, max: 2032 }).map((y) => `${y}-${y + 1}`);

const COUNTRIES = ["FR", "DE", "SE", "ES", "IT", "CA", "BR", "AR", "US", "JP", "CN", "GB"];

// ------------------------------------------------------------------ junk

/** Any JSON value at all, shallow. */
const anyJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 20 }),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
  );

const jsonTypeOf = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "integer"
          : "number"
        : typeof v;

/** A value of another JSON type than the schema's (an integer is a number too). */
const wrongType = (types: readonly string[]): fc.Arbitrary<unknown> => {
  if (types.length === 0) return anyJson();
  const accepts = (v: unknown) => {
    const t = jsonTypeOf(v);
    return types.includes(t) || (t === "integer" && types.includes("number"));
  };
  return anyJson().filter((v) => !accepts(v));
};

// ------------------------------------------------------------------ valid

const validString = (s: JsonSchema): fc.Arbitrary<string> => {
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "email")
    return fc.oneof(
      // the common shape, which every validator takes (fc.emailAddress draws RFC 5322 oddities)
      fc.stringMatching(/^[a-z0-9_+-]{1,12}(\.[a-z0-9_+-]{1,8})?@[a-z0-9]{1,12}\.[a-z]{2,6}$/),
      fc.constantFrom("etudiante@demo.envol.fr", "someone@example.org"),
    );
  if (s.format === "date-time")
    return fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z") })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString());
  // the hints first: their pattern (a country's, a date's) says the shape, not which values are real
  if (isCalendarDate(s)) return calendarDate();
  if (isAcademicYear(s)) return academicYear();
  if (isCountryCode(s)) return fc.constantFrom(...COUNTRIES);
  if (s.pattern !== undefined) return fc.stringMatching(new RegExp(s.pattern));
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? minLength + 40, minLength + 200);
  const fits = (x: string) => x.length >= minLength && x.length <= maxLength;
  const sized = { minLength, maxLength };
  return fc.oneof(
    ...(typeof s.example === "string" && fits(s.example) ? [fc.constant(s.example)] : []),
    fc.string(sized),
    fc.string({ ...sized, unit: "grapheme" }).filter(fits),
    fc.string({ ...sized, unit: "binary" }).filter(fits),
  );
};

const numberBounds = (s: JsonSchema, integer: boolean) => {
  const step = integer ? 1 : Number.EPSILON;
  const min = Math.max(
    s.minimum ?? Number.MIN_SAFE_INTEGER,
    s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : Number.MIN_SAFE_INTEGER,
  );
  const max = Math.min(
    s.maximum ?? Number.MAX_SAFE_INTEGER,
    s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : Number.MAX_SAFE_INTEGER,
  );
  return { min, max };
};

const validInteger = (s: JsonSchema): fc.Arbitrary<number> => {
  const { min, max } = numberBounds(s, true);
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  // mostly small numbers near the lower bound, sometimes anywhere up to the bounds
  return fc.oneof(
    fc.integer({ min: lo, max: Math.min(hi, Math.max(lo, 0) + 1000) }),
    fc.integer({ min: lo, max: hi }),
  );
};

const validNumber = (s: JsonSchema): fc.Arbitrary<number> => {
  const { min, max } = numberBounds(s, false);
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
};

const validObject = (s: JsonSchema, o: Required<ArbitraryOptions>, depth: number) => {
  const properties = s.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, schema] of Object.entries(properties)) model[key] = valid(schema, o, depth + 1);
  const requiredKeys = (s.required ?? []).filter((k) => k in properties);
  return fc.record(model, { requiredKeys }).map(inOrder).map(oneParticipant);
};

/** Pairs of dates that name a period, by the names the document uses: start, then end. */
const PERIODS = [
  ["start", "end"],
  ["actualStart", "actualEnd"],
  ["actual_arrival_date", "actual_departure_date"],
] as const;

/** The object with each period's dates in order (a refinement the JSON Schema cannot say). */
const inOrder = (value: Record<string, unknown>): Record<string, unknown> => {
  let out = value;
  for (const [from, to] of PERIODS) {
    const a = out[from];
    const b = out[to];
    if (typeof a === "string" && typeof b === "string" && DATE.test(a) && DATE.test(b) && a > b)
      out = { ...out, [from]: b, [to]: a };
  }
  return out;
};

/**
 * The object with at most one of `student` and `personnel`: a situation is a student's or a
 * personnel member's (another refinement the JSON Schema does not say).
 */
const oneParticipant = (value: Record<string, unknown>): Record<string, unknown> => {
  if (!("student" in value) || !("personnel" in value)) return value;
  const { personnel, ...student } = value;
  return student;
};

const valid = (
  schema: JsonSchema,
  o: Required<ArbitraryOptions>,
  depth: number,
): fc.Arbitrary<unknown> => {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const s = resolveRef(schema, o.components);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum !== undefined) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches !== undefined) return fc.oneof(...branches.map((b) => valid(b, o, depth + 1)));
  if (s.allOf !== undefined) return valid(mergeAll(s.allOf, o.components), o, depth + 1);
  const types = typesOf(s);
  if (types.length === 0) return anyJson();
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case "object":
          return validObject(s, o, depth);
        case "array": {
          const minLength = s.minItems ?? 0;
          const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 4, 4));
          return fc.array(s.items ? valid(s.items, o, depth + 1) : anyJson(), {
            minLength,
            maxLength,
          });
        }
        case "string":
          return s.format === "binary" ? fileBytes() : validString(s);
        case "integer":
          return validInteger(s);
        case "number":
          return validNumber(s);
        case "boolean":
          return fc.boolean();
        case "null":
          return fc.constant(null);
        default:
          throw new Error(`arbitraryFromJsonSchema: unsupported type ${type}`);
      }
    }),
  );
};

/** allOf of object schemas as one object schema (what zod's intersections produce). */
const mergeAll = (
  parts: readonly JsonSchema[],
  components: Readonly<Record<string, JsonSchema>>,
): JsonSchema => {
  const resolved = parts.map((p) => resolveRef(p, components));
  return {
    type: "object",
    properties: Object.assign({}, ...resolved.map((p) => p.properties ?? {})),
    required: resolved.flatMap((p) => p.required ?? []),
  };
};

// ------------------------------------------------------------------ binary

/** A 1×1 PNG: a file the document routes accept. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** A file's bytes: a real PNG, a PDF header, or anything. */
const fileBytes = (): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.constant(PNG_BYTES),
    fc.constant(new TextEncoder().encode("%PDF-1.4\n%%EOF\n")),
    fc.uint8Array({ maxLength: 64 }),
  );

// ------------------------------------------------------------------ invalid

const invalidString = (s: JsonSchema): fc.Arbitrary<unknown>[] => {
  const out: fc.Arbitrary<unknown>[] = [];
  if (s.minLength !== undefined && s.minLength > 0)
    out.push(fc.string({ maxLength: s.minLength - 1 }));
  if (s.maxLength !== undefined)
    out.push(
      fc
        .integer({ min: s.maxLength + 1, max: s.maxLength + 64 })
        .chain((n) => fc.string({ minLength: n, maxLength: n })),
    );
  if (s.pattern !== undefined) {
    const re = new RegExp(s.pattern);
    out.push(fc.string({ maxLength: 16 }).filter((x) => !re.test(x)));
  }
  if (s.format === "uuid")
    out.push(
      fc.oneof(
        fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "1", ""),
        fc.uuid().map((u) => `${u}0`),
      ),
    );
  if (s.format === "email")
    out.push(fc.constantFrom("not an email", "@", "a@", "@b.c", "a@@b.c", "a b@c.d"));
  if (s.format === "date-time")
    out.push(fc.constantFrom("yesterday", "2026-13-01T00:00:00Z", "2026-11-01T25:00:00Z", ""));
  if (isCalendarDate(s)) out.push(notCalendarDate());
  if (isAcademicYear(s))
    out.push(fc.constantFrom("2026-2028", "2026/2027", "2027-2026", "26-27", "", "0000-0001"));
  if (isCountryCode(s)) out.push(fc.constantFrom("FRA", "fr", "ZZ", "", "12"));
  return out;
};

const invalidNumber = (s: JsonSchema, integer: boolean): fc.Arbitrary<unknown>[] => {
  const out: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(1e308, -1e308, 2 ** 53, -(2 ** 53), Number.MAX_VALUE),
  ];
  if (integer) out.push(fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0.5));
  const below = s.minimum ?? s.exclusiveMinimum;
  if (below !== undefined)
    out.push(fc.integer({ min: -1_000_000, max: 0 }).map((d) => below + d - 1));
  const above = s.maximum ?? s.exclusiveMaximum;
  if (above !== undefined)
    out.push(fc.integer({ min: 0, max: 1_000_000 }).map((d) => above + d + 1));
  out.push(fc.integer().map(String));
  return out;
};

const invalidObject = (
  s: JsonSchema,
  o: Required<ArbitraryOptions>,
  depth: number,
): fc.Arbitrary<unknown>[] => {
  const properties = s.properties ?? {};
  const keys = Object.keys(properties);
  const base = validObject(s, o, depth) as fc.Arbitrary<Record<string, unknown>>;
  const out: fc.Arbitrary<unknown>[] = [];
  const required = (s.required ?? []).filter((k) => k in properties);
  if (required.length > 0)
    out.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => {
        const { [key]: _, ...rest } = value;
        return rest;
      }),
    );
  if (s.additionalProperties === false)
    out.push(
      fc
        .tuple(
          base,
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in properties)),
          anyJson(),
        )
        .map(([value, key, extra]) => ({ ...value, [key]: extra })),
    );
  if (keys.length > 0)
    out.push(
      fc
        .constantFrom(...keys)
        .chain((key) =>
          fc
            .tuple(base, invalid(properties[key] as JsonSchema, o, depth + 1))
            .map(([value, bad]) => ({ ...value, [key]: bad })),
        ),
    );
  return out;
};

const invalid = (
  schema: JsonSchema,
  o: Required<ArbitraryOptions>,
  depth: number,
): fc.Arbitrary<unknown> => {
  const s = resolveRef(schema, o.components);
  if (depth > MAX_DEPTH) return anyJson();
  if (s.const !== undefined) return anyJson().filter((v) => v !== s.const);
  if (s.enum !== undefined) {
    const allowed = new Set(s.enum);
    return fc
      .oneof(
        fc.string({ maxLength: 12 }),
        anyJson(),
        fc.constantFrom(...s.enum).map((v) => `${v} `),
      )
      .filter((v) => !allowed.has(v));
  }
  const branches = s.anyOf ?? s.oneOf;
  if (branches !== undefined) {
    // an object that breaks one branch (it may fit another: best effort), or another type
    const types = [...new Set(branches.flatMap((b) => typesOf(resolveRef(b, o.components))))];
    return fc.oneof(wrongType(types), ...branches.map((b) => invalid(b, o, depth + 1)));
  }
  if (s.allOf !== undefined) return invalid(mergeAll(s.allOf, o.components), o, depth + 1);
  const types = typesOf(s);
  const out: fc.Arbitrary<unknown>[] = [wrongType(types)];
  for (const type of types) {
    if (type === "object") out.push(...invalidObject(s, o, depth));
    if (type === "string" && s.format !== "binary") out.push(...invalidString(s));
    if (type === "integer") out.push(...invalidNumber(s, true));
    if (type === "number") out.push(...invalidNumber(s, false));
    if (type === "array") {
      const item = s.items ? valid(s.items, o, depth + 1) : anyJson();
      if (s.maxItems !== undefined)
        out.push(fc.array(item, { minLength: s.maxItems + 1, maxLength: s.maxItems + 3 }));
      if (s.minItems !== undefined && s.minItems > 0)
        out.push(fc.array(item, { maxLength: s.minItems - 1 }));
      if (s.items !== undefined)
        out.push(
          fc
            .tuple(fc.array(item, { maxLength: 2 }), invalid(s.items, o, depth + 1))
            .map(([xs, bad]) => [...xs, bad]),
        );
    }
  }
  return fc.oneof(...out);
};

/** Values the schema accepts (`valid: true`) or breaks (`valid: false`). */
export const arbitraryFromJsonSchema = (
  schema: JsonSchema,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> => {
  const o: Required<ArbitraryOptions> = { components: {}, ...options };
  return options.valid ? valid(schema, o, 0) : invalid(schema, o, 0);
};

// ------------------------------------------------------------------ one example

/**
 * One small value the schema accepts, built without randomness: the required fields only, each
 * the schema's example, default, first enum value or first branch, or the least the
 * constraints allow.
 */
export const exampleFromJsonSchema = (
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>> = {},
  depth = 0,
): unknown => {
  if (depth > MAX_DEPTH) return null;
  const s = resolveRef(schema, components);
  if (s.const !== undefined) return s.const;
  if (s.enum !== undefined) return s.enum[0];
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.[0] !== undefined) return exampleFromJsonSchema(branches[0], components, depth + 1);
  if (s.allOf !== undefined)
    return exampleFromJsonSchema(mergeAll(s.allOf, components), components, depth + 1);
  const type = typesOf(s).filter((t) => t !== "null")[0] ?? typesOf(s)[0];
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const property = s.properties?.[key];
        if (property) out[key] = exampleFromJsonSchema(property, components, depth + 1);
      }
      return out;
    }
    case "array":
      return Array.from({ length: s.minItems ?? 0 }, () =>
        s.items ? exampleFromJsonSchema(s.items, components, depth + 1) : null,
      );
    case "string":
      if (s.format === "binary") return PNG_BYTES;
      if (s.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (s.format === "email") return "someone@example.org";
      if (s.format === "date-time") return "2026-11-01T00:00:00.000Z";
      if (s.pattern !== undefined)
        return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 1 })[0];
      if (isCalendarDate(s)) return "2027-02-01";
      if (isAcademicYear(s)) return "2026-2027";
      if (isCountryCode(s)) return "DE";
      return "x".repeat(Math.max(s.minLength ?? 1, 1));
    case "integer":
    case "number": {
      const { min, max } = numberBounds(s, true);
      return Math.min(Math.max(0, min), max);
    }
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return null;
  }
};
