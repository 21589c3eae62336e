/**
 * The authorization matrix: every route of the API × every kind of caller gets the allow or
 * deny that the policy below says, over real HTTP on a seeded database.
 *
 * The routes are not listed here: they are read from the app itself, from its OpenAPI document
 * (every route is declared with createRoute) and from Hono's own route list (for the few plain
 * routes outside the document, listed in PLAIN_ROUTES). A route that no policy entry matches
 * fails its tests, so a new route cannot escape the matrix; a route Hono serves that is neither
 * in the document nor in PLAIN_ROUTES fails the route-table test.
 *
 * "Allowed" means the caller got past authorization: a status below 500, neither 401 nor 403,
 * and not 404 either (the ids sent are the caller's own or real ones), unless the route may
 * answer 404 for another reason (NOT_FOUND_IS_AN_ANSWER). "Denied" is exactly the policy's
 * status, as a problem+json.
 */
import { PartnerKeys } from "@envol/db";
import { personnelStayAt, semesterAt, testEngines } from "@envol/db/testing";
import type { Situation } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleFromJsonSchema, PNG_BYTES } from "./testing/json-schema-arbitrary.ts";
import {
  encodeBody,
  fillPath,
  labelPattern,
  type Method,
  type Operation,
  operationsOf,
  readDocument,
  registeredRoutes,
  routeTableApp,
} from "./testing/route-table.ts";
import { ANONYMOUS, type Caller, DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

// ------------------------------------------------------------------ the route table

const TABLE_APP = routeTableApp();
const DOCUMENT = await readDocument(TABLE_APP);
const OPERATIONS = operationsOf(DOCUMENT);

/**
 * How big the document is. When a route is added or removed this changes: check that the
 * policy entry it falls under (below) is the right one, then update the numbers.
 */
const DOCUMENT_PATHS = 56;
const DOCUMENT_OPERATIONS = 63;

/** The routes served outside the OpenAPI document (plain Hono), with a request reaching each. */
const PLAIN_ROUTES: Readonly<Record<string, string>> = {
  "GET /api/openapi.json": "/api/openapi.json",
  "GET /api/docs": "/api/docs",
  "GET /api/docs/init.js": "/api/docs/init.js",
  "GET /api/docs/{asset}": "/api/docs/swagger-ui.css",
  "GET /metrics": "/metrics",
};

/** Hono's `ALL` entries that are middleware, not routes. */
const MIDDLEWARE = [
  "ALL /*",
  "ALL /api/*",
  "ALL /api/simulations",
  "ALL /api/schemes/{id}/rules",
  "ALL /api/places",
  "ALL /api/applications",
  "ALL /api/applications/{id}/documents",
  "ALL /api/staff/*",
  "ALL /api/partner/v1/*",
];

/** What the matrix calls: the document's operations, then the plain routes. */
const TARGETS: readonly Operation[] = [
  ...OPERATIONS,
  ...Object.keys(PLAIN_ROUTES).map((label): Operation => {
    const [method, path] = label.split(" ") as [Method, string];
    return { method, path, label, parameters: [], responses: ["200"] };
  }),
];

// ------------------------------------------------------------------ the policy

const CALLERS = [
  "anonymous",
  "student A",
  "student B",
  "personnel",
  "staff",
  "partner tu-berlin (the host)",
  "partner kth (another host)",
] as const;
type CallerName = (typeof CALLERS)[number];

/** Allowed, or denied with this status. */
type Expected = "allowed" | 401 | 403 | 404;
type Policy = Readonly<Record<CallerName, Expected>>;

/** Anyone: the simulator, the catalogue, health, the documentation, signing in and out. */
const PUBLIC: Policy = {
  anonymous: "allowed",
  "student A": "allowed",
  "student B": "allowed",
  personnel: "allowed",
  staff: "allowed",
  "partner tu-berlin (the host)": "allowed",
  "partner kth (another host)": "allowed",
};

/** Whoever has a session: students, personnel and staff (a partner key is not a session). */
const SIGNED_IN: Policy = {
  anonymous: 401,
  "student A": "allowed",
  "student B": "allowed",
  personnel: "allowed",
  staff: "allowed",
  "partner tu-berlin (the host)": 401,
  "partner kth (another host)": 401,
};

/** Not there for anyone: /metrics in an app without METRICS_TOKEN (its token: lib/metrics.test.ts). */
const NOWHERE: Policy = {
  anonymous: 404,
  "student A": 404,
  "student B": 404,
  personnel: 404,
  staff: 404,
  "partner tu-berlin (the host)": 404,
  "partner kth (another host)": 404,
};

/**
 * An applicant's own collection (her list, a new application, her data): any student or member
 * of the personnel (ADR 016), for herself.
 */
const STUDENT_OWN: Policy = { ...SIGNED_IN, staff: 403 };

/** One of student A's resources: A only; to student B and the personnel it does not exist. */
const STUDENT_A_RESOURCE: Policy = { ...STUDENT_OWN, "student B": 404, personnel: 404 };

/** The back office: staff only. */
const STAFF_ONLY: Policy = {
  anonymous: 401,
  "student A": 403,
  "student B": 403,
  personnel: 403,
  staff: "allowed",
  "partner tu-berlin (the host)": 401,
  "partner kth (another host)": 401,
};

/** The partner API's index: any partner key (each sees its own mobilities). */
const PARTNER_INDEX: Policy = {
  anonymous: 401,
  "student A": 401,
  "student B": 401,
  personnel: 401,
  staff: 401,
  "partner tu-berlin (the host)": "allowed",
  "partner kth (another host)": "allowed",
};

/** One mobility to TU Berlin: its partner only; to another partner it does not exist. */
const HOST_MOBILITY: Policy = { ...PARTNER_INDEX, "partner kth (another host)": 404 };

/** The local CLI's operations: only the holder of the data directory lock's token; to anyone else they do not exist. */
const TOKEN_HOLDER_ONLY: Policy = {
  anonymous: 404,
  "student A": 404,
  "student B": 404,
  personnel: 404,
  staff: 404,
  "partner tu-berlin (the host)": 404,
  "partner kth (another host)": 404,
};

/**
 * `METHOD path` patterns (`*` for any characters, a method of `*` for any method) and their
 * policy. Each route must match exactly one entry.
 */
const POLICY: readonly (readonly [pattern: string, policy: Policy])[] = [
  ["POST /api/auth/sign-in", PUBLIC],
  ["GET /api/auth/session", SIGNED_IN],
  // signing out without a session is a harmless no-op
  ["POST /api/auth/sign-out", PUBLIC],
  ["GET /api/auth/oidc/*", PUBLIC],
  ["GET /api/health*", PUBLIC],
  ["POST /api/ops/*", TOKEN_HOLDER_ONLY],
  ["POST /api/simulations", PUBLIC],
  ["GET /api/schemes*", PUBLIC],
  ["GET /api/calls", PUBLIC],
  ["GET /api/partners", PUBLIC],
  ["GET /api/places", PUBLIC],
  ["GET /api/openapi.json", PUBLIC],
  ["GET /api/docs*", PUBLIC],
  ["GET /metrics", NOWHERE],
  ["GET /api/applications", STUDENT_OWN],
  ["POST /api/applications", STUDENT_OWN],
  ["* /api/applications/{id}*", STUDENT_A_RESOURCE],
  ["GET /api/me/*", STUDENT_OWN],
  ["* /api/staff/*", STAFF_ONLY],
  ["GET /api/partner/v1/omobilities", PARTNER_INDEX],
  ["* /api/partner/v1/omobilities/{omobility_id}*", HOST_MOBILITY],
];

/** Routes that may answer 404 to an allowed caller for a reason of their own. */
const NOT_FOUND_IS_AN_ANSWER = new Set([
  // single sign-on is not configured in this app: both answer 404
  "GET /api/auth/oidc/start",
  "GET /api/auth/oidc/callback",
  // a call's allocation is not found until the office proposes it
  "GET /api/staff/calls/{scheme}/{academicYear}/allocation",
  "GET /api/staff/calls/{scheme}/{academicYear}/allocation.csv",
  "POST /api/staff/calls/{scheme}/{academicYear}/allocation/apply",
]);

const POLICY_RES = POLICY.map(([pattern, policy]) => ({
  pattern,
  policy,
  re: labelPattern(pattern),
}));

const entriesFor = (label: string) => POLICY_RES.filter((p) => p.re.test(label));

// ------------------------------------------------------------------ the requests

/** The seeded data the requests name. */
interface Fixtures {
  /** Student A's (Camille's) application to TU Berlin: Erasmus+ approved, IDF under review. */
  readonly berlinId: string;
  /** Its IDF request, for the staff routes. */
  readonly berlinRequestId: string;
  /** Student A's draft application (McGill) and its request. */
  readonly draftId: string;
  readonly draftRequestId: string;
  /** A document student A uploaded to her draft, and the checklist item it answers. */
  readonly documentId: string;
  readonly checklistKind: string;
  /** Another of her documents, for the deletion. */
  readonly deletableDocumentId: string;
  /** A partner key that only the matrix uses, for its revocation. */
  readonly revocableKeyId: string;
}

/** Each path parameter's value, by the path it is in. */
const pathValues = (path: string, f: Fixtures, method: string): Record<string, string> => {
  // the deletion gets a document of its own: the other routes still find theirs
  if (path.startsWith("/api/applications/"))
    return {
      id: f.draftId,
      requestId: f.draftRequestId,
      documentId: method === "DELETE" ? f.deletableDocumentId : f.documentId,
    };
  if (path.startsWith("/api/staff/partner-keys/")) return { id: f.revocableKeyId };
  if (path.startsWith("/api/staff/budgets/")) return { scheme: "idf", academicYear: "2026-2027" };
  if (path.startsWith("/api/staff/calls/")) return { scheme: "idf", academicYear: "2026-2027" };
  if (path.startsWith("/api/staff/schemes/")) return { scheme: "idf" };
  if (path.startsWith("/api/staff/audit/"))
    return { entityType: "scheme_request", entityId: f.berlinRequestId };
  if (path.startsWith("/api/staff/applications/{id}/documents/"))
    return { id: f.draftId, documentId: f.documentId };
  if (path.startsWith("/api/staff/applications/")) return { id: f.berlinId };
  if (path.startsWith("/api/staff/requests/")) return { id: f.berlinRequestId };
  if (path.startsWith("/api/partner/v1/omobilities/")) return { omobility_id: f.berlinId };
  if (path.startsWith("/api/schemes/")) return { id: "erasmus" };
  return {};
};

const situation = (host: string, kind: "study" | "internship" = "study"): Situation =>
  semesterAt({
    host,
    kind,
    start: "2027-05-10",
    echelon: "4",
    quotientFamilial: 900_000,
    residenceRegion: "11",
  });

/**
 * Bodies with meaningful data, by operation (and caller: a member of the personnel files her
 * own kind of situation); any other operation with a body gets the smallest value its schema
 * accepts.
 */
const SAMPLES: Readonly<Record<string, (f: Fixtures, caller: CallerName) => unknown>> = {
  "POST /api/auth/sign-in": () => ({ email: DEMO.student.email, password: DEMO.student.password }),
  "POST /api/simulations": () => situation("tu-berlin"),
  "POST /api/applications": (_, caller) => ({
    situation: caller === "personnel" ? personnelStayAt() : situation("tu-berlin"),
    schemes: ["erasmus"],
  }),
  "PUT /api/applications/{id}": (_, caller) => ({
    situation: caller === "personnel" ? personnelStayAt() : situation("mcgill", "internship"),
  }),
  "POST /api/applications/{id}/requests/{requestId}/withdraw": () => ({ reason: "Plus besoin" }),
  "POST /api/applications/{id}/documents": (f) => ({ kind: f.checklistKind, file: PNG_BYTES }),
  "POST /api/staff/requests/{id}/decision": () => ({ action: "start-review" }),
  "POST /api/staff/requests/{id}/recalculation": () => ({
    actualStart: "2026-12-01",
    actualEnd: "2027-01-31",
  }),
  "POST /api/staff/requests/{id}/payments": () => ({ instalment: "advance" }),
  "PUT /api/staff/budgets/{scheme}/{academicYear}": () => ({ envelopeCents: 50_000_000 }),
  // a window around the test app's today: the submissions the matrix makes stay possible
  "PUT /api/staff/calls/{scheme}/{academicYear}": () => ({
    opensOn: "2026-09-01",
    closesOn: "2027-06-30",
  }),
  "PUT /api/staff/calls/{scheme}/{academicYear}/allocation": () => ({ rules: ["crous-echelon"] }),
  "POST /api/staff/calls/{scheme}/{academicYear}/allocation/apply": () => ({ version: 1 }),
  "POST /api/staff/partner-keys": () => ({ partnerId: "kth", label: "matrix" }),
  "POST /api/staff/scenarios": () => ({
    scheme: "idf",
    academicYear: "2026-2027",
    options: { monthlyRateCents: 40_000 },
  }),
  // the options of stays far ahead: the matrix's other calls keep today's
  "POST /api/staff/schemes/{scheme}/options": () => ({
    since: "2035-09-01",
    options: {},
    reason: "matrix",
  }),
  "PUT /api/partner/v1/omobilities/{omobility_id}/decision": () => ({ decision: "pending" }),
};

/** Operations that end the caller's session: sent with a fresh session of the same user. */
const ENDS_THE_SESSION = new Set(["POST /api/auth/sign-out"]);

const B_EMAIL = "etudiant-b@matrix.envol.test";
const B_PASSWORD = "password-of-b";

// ------------------------------------------------------------------ the route table's tests

describe("the route table", () => {
  it("has every route Hono serves in the OpenAPI document or in PLAIN_ROUTES", () => {
    const { routes, middleware } = registeredRoutes(TABLE_APP);
    const documented = new Set(OPERATIONS.map((o) => o.label));
    const outside = routes.filter((r) => !documented.has(r));
    expect(outside, "declare it with createRoute, or list it in PLAIN_ROUTES").toEqual(
      Object.keys(PLAIN_ROUTES),
    );
    expect(
      middleware,
      "a new ALL entry: list it in MIDDLEWARE, or give its route a policy",
    ).toEqual(MIDDLEWARE);
  });

  it("has the number of paths and operations the matrix was written for", () => {
    expect(
      Object.keys(DOCUMENT.paths),
      "a route was added or removed: check its policy entry, then update DOCUMENT_PATHS",
    ).toHaveLength(DOCUMENT_PATHS);
    expect(OPERATIONS, "update DOCUMENT_OPERATIONS").toHaveLength(DOCUMENT_OPERATIONS);
  });

  it("has a use for every policy entry and every sample body", () => {
    const labels = TARGETS.map((t) => t.label);
    expect(
      POLICY_RES.filter((p) => !labels.some((l) => p.re.test(l))).map((p) => p.pattern),
    ).toEqual([]);
    expect(Object.keys(SAMPLES).filter((l) => !labels.includes(l))).toEqual([]);
  });

  it("matches each policy entry as written (a pattern that cannot fail would hide routes)", () => {
    expect(entriesFor("GET /api/staff/anything/new").map((e) => e.pattern)).toEqual([
      "* /api/staff/*",
    ]);
    expect(entriesFor("DELETE /api/unheard-of")).toEqual([]);
    expect(entriesFor("GET /api/applications").map((e) => e.pattern)).toEqual([
      "GET /api/applications",
    ]);
    expect(entriesFor("DELETE /api/applications")).toEqual([]);
  });
});

// ------------------------------------------------------------------ the matrix

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "authorization matrix on %s",
  (_name, engine) => {
    let t: TestApp;
    let callers: Record<CallerName, Caller>;
    let f: Fixtures;

    beforeAll(async () => {
      t = await openTestApp(engine);
      const studentA = await t.signIn(DEMO.student.email, DEMO.student.password);
      callers = {
        anonymous: ANONYMOUS,
        "student A": studentA,
        "student B": await t.newStudent(B_EMAIL, B_PASSWORD),
        personnel: await t.signIn(DEMO.personnel.email, DEMO.personnel.password),
        staff: await t.signIn(DEMO.staff.email, DEMO.staff.password),
        "partner tu-berlin (the host)": await t.partner("tu-berlin"),
        "partner kth (another host)": await t.partner("kth"),
      };
      // student A's seeded applications, as she sees them
      const listed = await t.call(studentA, "GET", "/api/applications");
      expect(listed.status).toBe(200);
      const mine = (await listed.json()) as {
        id: string;
        hostPartnerId: string | null;
        requests: { id: string; scheme: string; state: string }[];
      }[];
      const berlin = mine.find((a) => a.hostPartnerId === "tu-berlin");
      const draft = mine.find((a) => a.requests.some((r) => r.state === "draft"));
      const berlinRequest = berlin?.requests.find((r) => r.scheme === "idf");
      const draftRequest = draft?.requests.find((r) => r.state === "draft");
      if (!berlin || !draft || !berlinRequest || !draftRequest)
        throw new Error(`the demo student's seeded applications changed: ${JSON.stringify(mine)}`);
      // a document of hers
      const detail = await t.call(studentA, "GET", `/api/applications/${draft.id}`);
      const checklistKind = ((await detail.json()) as { checklist: { id: string }[] }).checklist[0]
        ?.id;
      if (!checklistKind) throw new Error("the draft has no checklist");
      const upload = async () => {
        const { body } = encodeBody("multipart/form-data", {
          kind: checklistKind,
          file: PNG_BYTES,
        });
        const uploaded = await t.app.request(`/api/applications/${draft.id}/documents`, {
          method: "POST",
          headers: studentA.headers,
          body,
        });
        expect(uploaded.status).toBe(201);
        return ((await uploaded.json()) as { id: string }).id;
      };
      const documentId = await upload();
      const deletableDocumentId = await upload();
      const revocable = await t.runtime.runPromise(
        PartnerKeys.use((k) =>
          k.create("kth", "revoked by the matrix", { kind: "system", process: "test" }),
        ),
      );
      f = {
        berlinId: berlin.id,
        berlinRequestId: berlinRequest.id,
        draftId: draft.id,
        draftRequestId: draftRequest.id,
        documentId,
        checklistKind,
        deletableDocumentId,
        revocableKeyId: revocable.key.id,
      };
    });
    afterAll(async () => t?.dispose());

    /** The caller to send as: a fresh session of the same user for what ends the session. */
    const callerFor = async (name: CallerName, target: Operation): Promise<Caller> => {
      if (!ENDS_THE_SESSION.has(target.label)) return callers[name];
      if (name === "student A") return t.signIn(DEMO.student.email, DEMO.student.password);
      if (name === "student B") return t.signIn(B_EMAIL, B_PASSWORD);
      if (name === "personnel") return t.signIn(DEMO.personnel.email, DEMO.personnel.password);
      if (name === "staff") return t.signIn(DEMO.staff.email, DEMO.staff.password);
      return callers[name];
    };

    const send = (target: Operation, name: CallerName, caller: Caller) => {
      const path =
        PLAIN_ROUTES[target.label] ??
        fillPath(target.path, pathValues(target.path, f, target.method));
      const query = new URLSearchParams();
      for (const p of target.parameters)
        if (p.in === "query" && p.required)
          query.set(p.name, String(exampleFromJsonSchema(p.schema, DOCUMENT.components?.schemas)));
      const url = query.size > 0 ? `${path}?${query}` : path;
      const encoded = target.body
        ? encodeBody(
            target.body.mediaType,
            SAMPLES[target.label]?.(f, name) ??
              exampleFromJsonSchema(target.body.schema, DOCUMENT.components?.schemas),
          )
        : undefined;
      return t.app.request(url, {
        method: target.method,
        headers: { ...caller.headers, ...encoded?.headers },
        ...(encoded && { body: encoded.body }),
      });
    };

    for (const target of TARGETS)
      for (const name of CALLERS)
        it(`${target.label} × ${name}`, async () => {
          const entries = entriesFor(target.label);
          if (entries.length !== 1)
            throw new Error(
              entries.length === 0
                ? `no policy for ${target.label}: add an entry to POLICY`
                : `${target.label} matches several policy entries: ${entries.map((e) => e.pattern).join(", ")}`,
            );
          const expected = (entries[0] as (typeof entries)[number]).policy[name];
          const r = await send(target, name, await callerFor(name, target));
          const text = await r.text();
          const seen = `${r.status} ${text.slice(0, 300)}`;
          if (expected === "allowed") {
            expect(r.status, seen).toBeLessThan(500);
            expect([401, 403], seen).not.toContain(r.status);
            if (!NOT_FOUND_IS_AN_ANSWER.has(target.label)) expect(r.status, seen).not.toBe(404);
          } else {
            expect(r.status, seen).toBe(expected);
            expect(r.headers.get("content-type")).toContain("application/problem+json");
            expect((JSON.parse(text) as { status: number }).status).toBe(expected);
          }
        });
  },
);
