/**
 * The API's route table, read from the app itself: every operation of its OpenAPI document
 * (every route is declared with createRoute, so the document is the table) and every route
 * Hono has registered, so that a route outside the document is noticed too. Used by the
 * authorization matrix and the fuzz test.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import { directoryFileStore } from "../lib/file-store.ts";
import type { JsonSchema } from "./json-schema-arbitrary.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Parameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

export interface Operation {
  readonly method: Method;
  /** The path as the document writes it: `/api/applications/{id}`. */
  readonly path: string;
  /** `METHOD path`, the operation's name in test titles. */
  readonly label: string;
  readonly parameters: readonly Parameter[];
  readonly body?: {
    readonly mediaType: string;
    readonly schema: JsonSchema;
    readonly required: boolean;
  };
  readonly responses: readonly string[];
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          {
            readonly parameters?: readonly Parameter[];
            readonly requestBody?: {
              readonly required?: boolean;
              readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>>;
            };
            readonly responses: Readonly<Record<string, unknown>>;
          }
        >
      >
    >
  >;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

const noDatabase = (): never => {
  throw new Error("the route table is read without a database");
};

/**
 * The app as built for its route table only: no database, nothing behind the routes (any call
 * that reaches a handler throws). Its document and routes are the real app's, so tests can name
 * each route when they are collected, before any database is opened.
 */
export const routeTableApp = () =>
  createApp({
    registry: noDatabase,
    partners: noDatabase,
    ready: noDatabase,
    today: noDatabase,
    run: noDatabase,
    files: directoryFileStore(join(tmpdir(), "envol-route-table-unused")),
  });

/** The app's own OpenAPI document (GET /api/openapi.json). */
export const readDocument = async (app: Pick<Hono, "request">): Promise<OpenApiDocument> => {
  const response = await app.request("/api/openapi.json");
  if (response.status !== 200) throw new Error(`GET /api/openapi.json: ${response.status}`);
  return (await response.json()) as OpenApiDocument;
};

/** Every operation of the document, in its order. */
export const operationsOf = (doc: OpenApiDocument): readonly Operation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]): Operation => {
        const m = method.toUpperCase() as Method;
        const content = Object.entries(op.requestBody?.content ?? {})[0];
        return {
          method: m,
          path,
          label: `${m} ${path}`,
          parameters: op.parameters ?? [],
          ...(content && {
            body: {
              mediaType: content[0],
              schema: content[1].schema,
              required: op.requestBody?.required ?? false,
            },
          }),
          responses: Object.keys(op.responses),
        };
      }),
  );

/** The path parameters' names, in order: `/a/{id}/b/{requestId}` → id, requestId. */
export const pathParamsOf = (path: string): readonly string[] =>
  [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

/** The path with each `{name}` replaced by its value, percent-encoded unless `raw`. */
export const fillPath = (
  path: string,
  values: Readonly<Record<string, string>>,
  raw = false,
): string =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return raw ? value : encodeURIComponent(value);
  });

/** Hono's `:name` path as the document's `{name}`. */
export const documentPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

/**
 * The routes Hono has registered (`METHOD path`, each once, in the document's notation), and
 * its middleware (`ALL` entries) apart.
 */
export const registeredRoutes = (app: Pick<Hono, "routes">) => {
  const routes = new Set<string>();
  const middleware = new Set<string>();
  for (const r of app.routes) {
    const entry = `${r.method} ${documentPath(r.path)}`;
    (r.method === "ALL" ? middleware : routes).add(entry);
  }
  return { routes: [...routes], middleware: [...middleware] };
};

/**
 * A request body in the operation's media type: JSON as text; a multipart form with each
 * field, bytes as a file. A value that is not an object of fields has no form: it is sent as
 * it is, under the multipart media type and without a boundary, a body the server must refuse.
 * (Read as fields, a drawn string of 100 000 characters became 100 000 fields, each set in a
 * form that searches its fields: a quarter of a minute to build, and the fuzz test timed out.)
 */
export const encodeBody = (
  mediaType: string,
  value: unknown,
): {
  readonly body: NonNullable<RequestInit["body"]>;
  readonly headers: Record<string, string>;
} => {
  if (mediaType === "multipart/form-data") {
    if (
      value !== undefined &&
      (typeof value !== "object" || value === null || Array.isArray(value))
    )
      return { body: JSON.stringify(value), headers: { "content-type": mediaType } };
    const form = new FormData();
    for (const [key, field] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      if (field instanceof Uint8Array)
        form.set(key, new File([field as Uint8Array<ArrayBuffer>], `${key}.bin`));
      else form.set(key, typeof field === "string" ? field : JSON.stringify(field));
    }
    return { body: form, headers: {} };
  }
  return { body: JSON.stringify(value), headers: { "content-type": mediaType } };
};

/**
 * A `METHOD path` pattern as a RegExp over operation labels: `*` for any characters but a
 * space, a method of `*` for any method (`* /api/staff/*` matches `POST /api/staff/queue`).
 */
export const labelPattern = (pattern: string): RegExp => {
  const [method, path] = pattern.split(" ") as [string, string];
  const literal = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^ ]*");
  return new RegExp(`^${method === "*" ? "[A-Z]+" : literal(method)} ${literal(path)}$`);
};
