/**
 * The fuzz test: every route of the API (read from its own OpenAPI document) is driven with
 * random requests derived from its schemas, as a caller allowed on it so that the requests
 * reach its handler:
 * - valid-shaped: path parameters that are real ids (or any value of the right shape), query
 *   parameters and bodies drawn from their JSON Schemas, or the hand-written samples;
 * - invalid: one parameter or one field breaking its schema (wrong type, out of range, too
 *   long, missing, one too many…);
 * - junk: bodies that are not JSON or not what the content type says, deep nesting, huge
 *   strings, odd numbers and unicode, path parameters such as `../../etc/passwd`, `%00` or
 *   10 000 characters, odd Accept-Language headers.
 *
 * The property: never a 5xx, and every 4xx is `application/problem+json` with `type`, `title`
 * and a `status` equal to the HTTP status. FUZZ_RUNS sets the runs per route (default 40),
 * FUZZ_SEED replays a run.
 */
import { PartnerKeys } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import type { Situation } from "@envol/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  arbitraryFromJsonSchema,
  exampleFromJsonSchema,
  type JsonSchema,
  PNG_BYTES,
} from "./testing/json-schema-arbitrary.ts";
import {
  encodeBody,
  fillPath,
  labelPattern,
  type Operation,
  operationsOf,
  pathParamsOf,
  readDocument,
  routeTableApp,
} from "./testing/route-table.ts";
import { ANONYMOUS, type Caller, DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
// (the data grows as the runs create applications, keys and events: GET /api/me/export, which
// reads each application's history, slows down most)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const DOCUMENT = await readDocument(routeTableApp());
const OPERATIONS = operationsOf(DOCUMENT);
const COMPONENTS = DOCUMENT.components?.schemas ?? {};

// ------------------------------------------------------------------ who calls

type CallerKind = "anonymous" | "student" | "staff" | "partner";

/**
 * The caller each route is fuzzed as: one it allows (`*` for any characters). A route that no
 * entry matches fails its test.
 */
const FUZZ_CALLERS: readonly (readonly [pattern: string, caller: CallerKind])[] = [
  ["POST /api/auth/sign-in", "anonymous"],
  ["GET /api/auth/session", "student"],
  // anonymous: signing the fuzz's own sessions out would end the other routes' runs
  ["POST /api/auth/sign-out", "anonymous"],
  ["GET /api/auth/oidc/*", "anonymous"],
  ["GET /api/health*", "anonymous"],
  // without the lock file's token: 404 whatever the body
  ["POST /api/ops/*", "anonymous"],
  ["POST /api/simulations", "anonymous"],
  ["GET /api/schemes*", "anonymous"],
  ["GET /api/calls", "anonymous"],
  ["GET /api/partners", "anonymous"],
  ["GET /api/places", "anonymous"],
  ["* /api/applications*", "student"],
  ["GET /api/me/*", "student"],
  ["* /api/staff/*", "staff"],
  ["* /api/partner/v1/*", "partner"],
];

const matches = (pattern: string, label: string) => labelPattern(pattern).test(label);

const callerKindOf = (label: string): CallerKind | undefined =>
  FUZZ_CALLERS.find(([pattern]) => matches(pattern, label))?.[1];

/** Routes whose answer to a valid-shaped request may be 401 (it is their point). */
const UNAUTHORIZED_IS_AN_ANSWER = new Set([
  // random credentials are wrong credentials
  "POST /api/auth/sign-in",
]);

// ------------------------------------------------------------------ samples

/** An Île-de-France resident with a CROUS grant spending the 2027 summer semester at `host`. */
const situation = (host: string): Situation =>
  semesterAt({ host, echelon: "4", quotientFamilial: 900_000, residenceRegion: "11" });

/** Meaningful bodies, mixed into the valid-shaped ones (random ones rarely get that far). */
const SAMPLES: Readonly<Record<string, readonly unknown[]>> = {
  "POST /api/auth/sign-in": [
    { email: DEMO.student.email, password: DEMO.student.password },
    { email: DEMO.staff.email, password: "wrong" },
  ],
  "POST /api/simulations": [situation("tu-berlin"), situation("kth"), situation("mcgill")],
  "POST /api/applications": [
    { situation: situation("tu-berlin"), schemes: ["erasmus", "idf"] },
    { situation: situation("usp"), schemes: ["fitec"] },
  ],
  "PUT /api/applications/{id}": [{ situation: situation("kth") }],
  "POST /api/applications/{id}/requests/{requestId}/withdraw": [{}, { reason: "Plus besoin" }],
  "POST /api/applications/{id}/documents": [
    { kind: "learning-agreement", file: PNG_BYTES },
    { kind: "bank-details", file: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") },
  ],
  "POST /api/staff/requests/{id}/decision": [
    { action: "start-review" },
    { action: "approve" },
    { action: "approve", amountCents: 100_000 },
    { action: "reject", reason: "Dossier incomplet" },
    { action: "waitlist" },
    { action: "promote" },
    { action: "sign-agreement" },
    { action: "cancel", reason: "Annulé" },
  ],
  "POST /api/staff/requests/{id}/recalculation": [
    { actualStart: "2027-02-01", actualEnd: "2027-06-30" },
    { actualStart: "2027-02-01", actualEnd: "2027-01-01" },
  ],
  "POST /api/staff/requests/{id}/payments": [
    { instalment: "advance" },
    { instalment: "advance", amountCents: 50_000 },
    { instalment: "balance" },
  ],
  "PUT /api/staff/budgets/{scheme}/{academicYear}": [
    { envelopeCents: 10_000_000, promoteWaitlisted: true },
    { envelopeCents: 0 },
  ],
  "PUT /api/staff/calls/{scheme}/{academicYear}": [
    { opensOn: "2026-09-01", closesOn: "2027-06-30", documentsDueOn: "2027-01-15" },
    { opensOn: "2026-09-01", closesOn: "2026-10-31", reminderDaysBefore: 0 },
  ],
  "POST /api/staff/partner-keys": [{ partnerId: "kth", label: "fuzz" }],
  "PUT /api/partner/v1/omobilities/{omobility_id}/decision": [
    { decision: "pending" },
    { decision: "verified" },
    {
      decision: "verified",
      actual_arrival_date: "2027-02-01",
      actual_departure_date: "2027-06-30",
    },
    { decision: "rejected", comment: "Pas de place" },
  ],
};

// ------------------------------------------------------------------ junk

/** Path segments that try to escape, break decoding or overflow. Sent percent-encoded or raw. */
const JUNK_SEGMENTS = [
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "%00",
  "\u0000",
  "a\u0000b",
  "%",
  "%E0%A4%A",
  "%C0%AE%C0%AE",
  "..",
  ".",
  "null",
  "undefined",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "1e999",
  "0x10",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "😀",
  "\u202e",
  "a".repeat(10_000),
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

/** Query values of the same spirit. */
const JUNK_QUERY = [...JUNK_SEGMENTS.filter((s) => s.length < 1000), "", " ", "[]", "{}", "true"];

const nested = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Body texts that are not what a route expects. */
const junkText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      "",
      "{",
      "}",
      "null",
      "[]",
      "{}",
      '"a string"',
      "0",
      "-0",
      "1e999",
      "-1e999",
      "NaN",
      "Infinity",
      "true",
      "\uFEFF{}",
      '{"a":1,}',
      "{'single':'quotes'}",
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '"\\ud800"',
      '{"situation":"\\u0000"}',
    ),
    fc.integer({ min: 100, max: 20_000 }).map((n) => nested(n, "[", "]")),
    fc.integer({ min: 100, max: 5_000 }).map((n) => nested(n, '{"a":', "}")),
    fc
      .integer({ min: 10_000, max: 1_000_000 })
      .map((n) => JSON.stringify({ situation: "x".repeat(n), email: "é".repeat(n) })),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
  );

const JUNK_CONTENT_TYPES = [
  "application/json",
  "application/json; charset=latin1",
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=fuzz",
  "application/problem+json",
  "application/octet-stream",
  "",
];

/** Odd values to put somewhere inside an otherwise valid body. */
const JUNK_VALUES: readonly unknown[] = [
  "x".repeat(100_000),
  "\u0000",
  "\ud800",
  "😀".repeat(1000),
  -0,
  -1,
  -1e308,
  1e308,
  Number.MIN_VALUE,
  2 ** 53 + 1,
  -(2 ** 31) - 1,
  2 ** 31,
  JSON.parse(nested(2_000, "[", "]")),
  {},
  [],
  null,
  true,
  "NaN",
  "Infinity",
  "2027-02-30",
];

/** The value with one of its leaves (or itself) replaced by a junk value. */
const withJunkInside = (value: unknown): fc.Arbitrary<unknown> => {
  const leaves: (readonly (string | number)[])[] = [];
  const walk = (v: unknown, at: readonly (string | number)[]) => {
    leaves.push(at);
    if (v !== null && typeof v === "object" && !(v instanceof Uint8Array))
      for (const [k, x] of Object.entries(v)) walk(x, [...at, Array.isArray(v) ? Number(k) : k]);
  };
  walk(value, []);
  return fc.tuple(fc.constantFrom(...leaves), fc.constantFrom(...JUNK_VALUES)).map(([at, junk]) => {
    if (at.length === 0) return junk;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    let parent = copy;
    for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[at[at.length - 1] as string | number] = junk;
    return copy;
  });
};

const JUNK_LANGUAGES = [
  "en",
  "fr",
  "de",
  "*",
  "",
  "en-US,en;q=0.9,fr;q=0.8",
  "fr;q=abc",
  "x".repeat(5_000),
  "😀",
  ";;;,,,",
];

// ------------------------------------------------------------------ requests

/** What one run sends, as plain data (fast-check prints it, and shrinks it). */
interface FuzzInput {
  readonly mode: "valid" | "invalid" | "junk";
  readonly path: Readonly<Record<string, string>>;
  /** Path values sent as they are, not percent-encoded. */
  readonly rawPath: boolean;
  readonly query: readonly (readonly [string, string])[];
  readonly body?:
    | { readonly kind: "encoded"; readonly value: unknown }
    | { readonly kind: "text"; readonly text: string; readonly contentType: string }
    | { readonly kind: "bytes"; readonly bytes: Uint8Array; readonly contentType: string };
  readonly lang: string;
}

/** Real values for each path parameter, found in the seeded data. */
type RealIds = (op: Operation, name: string) => readonly string[];

const queryText = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : typeof v === "object" ? JSON.stringify(v) : String(v);

const arbitraryOf = (schema: JsonSchema, valid: boolean) =>
  arbitraryFromJsonSchema(schema, { valid, components: COMPONENTS });

const inputFor = (op: Operation, realIds: RealIds): fc.Arbitrary<FuzzInput> => {
  const names = pathParamsOf(op.path);
  const paramSchema = (name: string) =>
    op.parameters.find((p) => p.in === "path" && p.name === name)?.schema ?? { type: "string" };
  const queryParams = op.parameters.filter((p) => p.in === "query");

  const validPath = fc.record(
    Object.fromEntries(
      names.map((name) => {
        const real = realIds(op, name);
        const shaped = arbitraryOf(paramSchema(name), true).map((v) => String(v));
        return [
          name,
          real.length > 0
            ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, shaped)
            : shaped,
        ];
      }),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const validQuery = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(
          arbitraryOf(p.schema, true).map((v) => [p.name, queryText(v)] as const),
          {
            freq: 2,
          },
        ),
      ),
    )
    .map((pairs) =>
      pairs.filter((p): p is readonly [string, string] => p !== null && p[1] !== undefined),
    );
  const samples = SAMPLES[op.label] ?? [];
  const validBodyValue = op.body
    ? fc.oneof(
        ...(samples.length > 0 ? [fc.constantFrom(...samples)] : []),
        arbitraryOf(op.body.schema, true),
      )
    : fc.constant(undefined);
  const lang = fc.constantFrom("fr", "en");

  const valid: fc.Arbitrary<FuzzInput> = fc
    .record({ path: validPath, query: validQuery, body: validBodyValue, lang })
    .map(({ path, query, body, lang }) => ({
      mode: "valid",
      path,
      rawPath: false,
      query,
      ...(op.body && { body: { kind: "encoded", value: body } as const }),
      lang,
    }));

  // one thing broken: a path parameter, a query parameter, or the body
  const broken: fc.Arbitrary<FuzzInput>[] = [];
  for (const name of names)
    broken.push(
      fc.tuple(valid, arbitraryOf(paramSchema(name), false).map(queryText)).map(([input, bad]) => ({
        ...input,
        mode: "invalid",
        path: { ...input.path, [name]: bad ?? "" },
      })),
    );
  for (const p of queryParams)
    broken.push(
      fc.tuple(valid, arbitraryOf(p.schema, false).map(queryText)).map(([input, bad]) => ({
        ...input,
        mode: "invalid",
        query: [...input.query.filter(([n]) => n !== p.name), [p.name, bad ?? ""] as const],
      })),
    );
  if (op.body) {
    const body = op.body;
    broken.push(
      fc.tuple(valid, arbitraryOf(body.schema, false)).map(([input, bad]) => ({
        ...input,
        mode: "invalid",
        body: { kind: "encoded", value: bad },
      })),
    );
  }

  // junk: anywhere
  const junk: fc.Arbitrary<FuzzInput>[] = [
    fc.tuple(valid, fc.constantFrom(...JUNK_LANGUAGES)).map(([input, l]) => ({
      ...input,
      mode: "junk",
      lang: l,
    })),
  ];
  if (names.length > 0)
    junk.push(
      fc
        .tuple(valid, fc.constantFrom(...names), fc.constantFrom(...JUNK_SEGMENTS), fc.boolean())
        .map(([input, name, bad, rawPath]) => ({
          ...input,
          mode: "junk",
          path: { ...input.path, [name]: bad },
          rawPath,
        })),
    );
  if (queryParams.length > 0)
    junk.push(
      fc
        .tuple(
          valid,
          fc.constantFrom(...queryParams.map((p) => p.name)),
          fc.array(fc.constantFrom(...JUNK_QUERY), { minLength: 1, maxLength: 3 }),
        )
        .map(([input, name, values]) => ({
          ...input,
          mode: "junk",
          query: [...input.query, ...values.map((v) => [name, v] as const)],
        })),
    );
  if (op.method !== "GET") {
    junk.push(
      fc
        .tuple(valid, junkText(), fc.constantFrom(...JUNK_CONTENT_TYPES))
        .map(([input, text, contentType]) => ({
          ...input,
          mode: "junk",
          body: { kind: "text", text, contentType },
        })),
      fc
        .tuple(valid, fc.uint8Array({ maxLength: 256 }), fc.constantFrom(...JUNK_CONTENT_TYPES))
        .map(([input, bytes, contentType]) => ({
          ...input,
          mode: "junk",
          body: { kind: "bytes", bytes, contentType },
        })),
    );
    if (op.body) {
      const base = samples[0] ?? exampleFromJsonSchema(op.body.schema, COMPONENTS);
      junk.push(
        fc.tuple(valid, withJunkInside(base)).map(([input, value]) => ({
          ...input,
          mode: "junk",
          body: { kind: "encoded", value },
        })),
      );
    }
  }

  return fc.oneof(
    { weight: 3, arbitrary: valid },
    ...(broken.length > 0 ? [{ weight: 2, arbitrary: fc.oneof(...broken) }] : []),
    { weight: 2, arbitrary: fc.oneof(...junk) },
  );
};

/** The request one run sends. */
const requestOf = (op: Operation, input: FuzzInput, caller: Caller) => {
  const path = fillPath(op.path, input.path, input.rawPath);
  const query = new URLSearchParams();
  for (const [k, v] of input.query) query.append(k, v);
  const url = query.size > 0 ? `${path}?${query}` : path;
  const headers: Record<string, string> = {
    ...caller.headers,
    // a header is bytes: UTF-8 sent raw reads as Latin-1 on the server
    "accept-language": Buffer.from(input.lang, "utf8").toString("latin1"),
  };
  let body: RequestInit["body"];
  if (input.body?.kind === "encoded" && op.body) {
    const encoded = encodeBody(op.body.mediaType, input.body.value);
    Object.assign(headers, encoded.headers);
    body = encoded.body;
  } else if (input.body?.kind === "text" || input.body?.kind === "bytes") {
    if (input.body.contentType) headers["content-type"] = input.body.contentType;
    body =
      input.body.kind === "text" ? input.body.text : (input.body.bytes as Uint8Array<ArrayBuffer>);
  }
  return { url, init: { method: op.method, headers, ...(body !== undefined && { body }) } };
};

/** Why a response breaks the property, or undefined when it keeps it. */
const breach = async (response: Response): Promise<string | undefined> => {
  const text = await response.text();
  const seen = `${response.status} ${response.headers.get("content-type")} ${text.slice(0, 500)}`;
  if (response.status >= 500) return `a server error: ${seen}`;
  if (response.status < 400) return undefined;
  if (!response.headers.get("content-type")?.startsWith("application/problem+json"))
    return `an error that is not problem+json: ${seen}`;
  let problem: { type?: unknown; title?: unknown; status?: unknown; errors?: unknown };
  try {
    problem = JSON.parse(text);
  } catch {
    return `a problem that is not JSON: ${seen}`;
  }
  if (typeof problem.type !== "string" || typeof problem.title !== "string")
    return `a problem without type or title: ${seen}`;
  if (problem.status !== response.status)
    return `a problem whose status is not the HTTP status: ${seen}`;
  const untold = Array.isArray(problem.errors)
    ? problem.errors.find((e: { message?: unknown }) => ZOD_ENGLISH.test(String(e.message)))
    : undefined;
  if (untold) return `a field message in zod's own English words: ${seen}`;
  return undefined;
};

/** How zod words its own messages ("Too big: expected int to be <=9007199254740991"): never shown. */
const ZOD_ENGLISH =
  /^(Invalid (input|option|element|key|union)|Too (big|small)|Unrecognized key|Expected )/;

// ------------------------------------------------------------------ regressions

const plain = (input: Partial<FuzzInput>): FuzzInput => ({
  mode: "junk",
  path: {},
  rawPath: false,
  query: [],
  lang: "fr",
  ...input,
});

const hugeCosts = {
  host: { partner: "tu-berlin" },
  start: "2027-02-01",
  end: "2027-06-30",
  costs: { visa: 15, insurance: 9, installation: 9_007_199_254_740_968 },
};

/**
 * What the fuzz found as 500s, each a 422 since its fix: run first on every route, every time
 * (with `{id}` filled from the real ids when empty), and checked for that exact status.
 */
const REGRESSIONS: Readonly<Record<string, readonly FuzzInput[]>> = {
  // costs that are each a safe integer but add up past 2^53: the alumni scheme's sum threw
  "POST /api/simulations": [plain({ body: { kind: "encoded", value: { mobility: hugeCosts } } })],
  "PUT /api/applications/{id}": [
    plain({ body: { kind: "encoded", value: { situation: { mobility: hugeCosts } } } }),
  ],
  // NUL in a path parameter: PostgreSQL refuses it in a text parameter
  "GET /api/staff/audit/{entityType}/{entityId}": [
    plain({ path: { entityType: "scheme_request", entityId: "%00" }, rawPath: true }),
  ],
  // an unpaired surrogate (JSON's "\ud800"): PostgreSQL refuses it in jsonb (the audit event)
  "POST /api/staff/partner-keys": [
    plain({ body: { kind: "encoded", value: { partnerId: "kth", label: "\ud800" } } }),
    plain({ body: { kind: "encoded", value: { partnerId: "kth", label: "a\u0000b" } } }),
  ],
};

// ------------------------------------------------------------------ the tests

describe("the fuzz's route table", () => {
  it("has a caller for every route and a use for every entry", () => {
    expect(
      OPERATIONS.filter((op) => callerKindOf(op.label) === undefined).map((o) => o.label),
    ).toEqual([]);
    expect(
      FUZZ_CALLERS.filter(([p]) => !OPERATIONS.some((op) => matches(p, op.label))).map(([p]) => p),
    ).toEqual([]);
    expect(Object.keys(SAMPLES).filter((l) => !OPERATIONS.some((op) => op.label === l))).toEqual(
      [],
    );
  });
});

describe.each(testEngines().map((e) => [e.name, e] as const))("fuzz on %s", (_name, engine) => {
  let t: TestApp;
  let callers: Record<CallerKind, Caller>;
  let realIds: RealIds;
  /** Per route: each status seen, and whether a valid-shaped request got past authorization. */
  const seen = new Map<string, { statuses: Map<number, number>; reached: boolean }>();

  beforeAll(async () => {
    t = await openTestApp(engine);
    const student = await t.signIn(DEMO.student.email, DEMO.student.password);
    const staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    callers = { anonymous: ANONYMOUS, student, staff, partner: await t.partner("tu-berlin") };

    const json = async <T>(caller: Caller, path: string): Promise<T> => {
      const r = await t.call(caller, "GET", path);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status}`);
      return (await r.json()) as T;
    };
    const mine = await json<{ id: string; requests: { id: string }[] }[]>(
      student,
      "/api/applications",
    );
    const first = mine[0];
    if (!first) throw new Error("the demo student has no application");
    const detail = await json<{ checklist: { id: string }[] }>(
      student,
      `/api/applications/${first.id}`,
    );
    const { body } = encodeBody("multipart/form-data", {
      kind: detail.checklist[0]?.id ?? "none",
      file: PNG_BYTES,
    });
    const uploaded = await t.app.request(`/api/applications/${first.id}/documents`, {
      method: "POST",
      headers: student.headers,
      body,
    });
    const documentIds =
      uploaded.status === 201 ? [((await uploaded.json()) as { id: string }).id] : [];
    const queue = await json<{ items: { request: { id: string; applicationId: string } }[] }>(
      staff,
      "/api/staff/queue?limit=200",
    );
    const requestIds = queue.items.map((i) => i.request.id);
    const applicationIds = [...new Set(queue.items.map((i) => i.request.applicationId))];
    const index = await json<{ omobilities: { omobility_id: string }[] }>(
      callers.partner,
      "/api/partner/v1/omobilities",
    );
    const mobilityIds = index.omobilities.map((m) => m.omobility_id);
    const keys = await Promise.all(
      [1, 2, 3].map((i) =>
        t.runtime.runPromise(
          PartnerKeys.use((k) => k.create("kth", `fuzz ${i}`, { kind: "system", process: "test" })),
        ),
      ),
    );
    const schemes = t.registry.plugins.map((p) => p.id);
    const ids: Record<string, readonly string[]> = {
      "/api/applications/ id": mine.map((a) => a.id),
      "/api/applications/ requestId": mine.flatMap((a) => a.requests.map((r) => r.id)),
      "/api/applications/ documentId": documentIds,
      "/api/staff/applications/ id": applicationIds,
      "/api/staff/requests/ id": requestIds,
      "/api/staff/budgets/ scheme": schemes,
      "/api/staff/budgets/ academicYear": ["2026-2027", "2027-2028"],
      "/api/staff/calls/ scheme": schemes,
      "/api/staff/calls/ academicYear": ["2026-2027", "2027-2028"],
      "/api/staff/audit/ entityType": ["scheme_request", "application", "partner_api_key"],
      "/api/staff/audit/ entityId": [...requestIds, ...applicationIds],
      "/api/staff/partner-keys/ id": keys.map((k) => k.key.id),
      "/api/partner/v1/omobilities/ omobility_id": mobilityIds,
      "/api/schemes/ id": schemes,
    };
    realIds = (op, name) =>
      Object.entries(ids).find(([key]) => {
        const [prefix, param] = key.split(" ") as [string, string];
        return op.path.startsWith(prefix) && param === name;
      })?.[1] ?? [];
    for (const [key, values] of Object.entries(ids))
      if (values.length === 0) throw new Error(`no real values for ${key}`);
  });

  afterAll(async () => {
    const lines = [...seen].map(([label, s]) => {
      const statuses = [...s.statuses].sort(([a], [b]) => a - b).map(([k, n]) => `${k}×${n}`);
      return `${label.padEnd(62)} ${statuses.join(" ")}`;
    });
    console.info(`fuzz on ${_name}: ${RUNS} runs per route\n${lines.join("\n")}`);
    await t?.dispose();
  });

  it("answers 422 to each input that was once a 500", async () => {
    for (const [label, inputs] of Object.entries(REGRESSIONS)) {
      const op = OPERATIONS.find((o) => o.label === label);
      const kind = callerKindOf(label);
      if (!op || !kind) throw new Error(`no route ${label}`);
      for (const input of inputs) {
        const path = Object.fromEntries(
          pathParamsOf(op.path).map((n) => [n, input.path[n] ?? realIds(op, n)[0] ?? ""]),
        );
        const { url, init } = requestOf(op, { ...input, path }, callers[kind]);
        const response = await t.app.request(url, init);
        expect(await breach(response.clone()), label).toBeUndefined();
        expect(response.status, `${label}: ${await response.text()}`).toBe(422);
      }
    }
  });

  for (const op of OPERATIONS)
    it(
      op.label,
      async () => {
        const kind = callerKindOf(op.label);
        if (kind === undefined)
          throw new Error(`no fuzz caller for ${op.label}: add one to FUZZ_CALLERS`);
        const stats = { statuses: new Map<number, number>(), reached: false };
        seen.set(op.label, stats);
        await fc.assert(
          fc.asyncProperty(inputFor(op, realIds), async (input) => {
            const { url, init } = requestOf(op, input, callers[kind]);
            const response = await t.app.request(url, init);
            stats.statuses.set(response.status, (stats.statuses.get(response.status) ?? 0) + 1);
            if (
              input.mode === "valid" &&
              (![401, 403].includes(response.status) || UNAUTHORIZED_IS_AN_ANSWER.has(op.label))
            )
              stats.reached = true;
            const wrong = await breach(response);
            if (wrong) throw new Error(`${op.label} → ${wrong}`);
          }),
          { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }), endOnFailure: false },
        );
        // the caller is allowed: some valid-shaped request went past authorization
        expect(stats.reached, `${op.label}: ${[...stats.statuses.keys()].join(", ")}`).toBe(true);
      },
      30_000 + RUNS * 500,
    );
});
