/**
 * What `pnpm envol backup` asks of a running server on PGlite, whose database no other process
 * may open: a consistent backup written into a folder of this machine. Only a caller holding
 * the token of the data directory's lock file (readable by the server's user only) gets an
 * answer; without it the route does not exist (404).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { isAbsolute } from "node:path";
import { FolderNotEmpty } from "@envol/db";
import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problem, problemBody, problemResponse, TITLES } from "../../lib/problem.ts";

const digest = (s: string) => createHash("sha256").update(s).digest();

const BackupRequest = z.object({
  // PATH_MAX on Linux
  dir: z.string().max(4096).refine(isAbsolute, "must be an absolute path").meta({
    description: "The backup folder: created, or empty",
    example: "/var/backups/envol/2026-12-06",
  }),
});

const BackupManifest = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  databaseBytes: z.number().int(),
  files: z.number().int(),
});

/** Only a caller holding the token, checked before the body is read: without it, 404. */
const tokenHolder = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const sent = c.req.header("authorization")?.replace(/^Bearer /, "") ?? "";
    if (deps.ops && timingSafeEqual(digest(sent), digest(deps.ops.token))) return next();
    const lang = c.get("lang");
    return problem(c, problemBody(404, "not-found", TITLES.notFound[lang], { detail: c.req.path }));
  });

const backup = (deps: AppDeps) =>
  createRoute({
    method: "post",
    path: "/ops/backup",
    middleware: [tokenHolder(deps)] as const,
    tags: ["Operations"],
    summary: "Write a consistent backup of the PGlite database and the files (pnpm envol backup)",
    description:
      "For the local CLI only: `Authorization: Bearer <token>`, the token of the data directory's lock file. Without it: 404.",
    request: {
      body: { required: true, content: { "application/json": { schema: BackupRequest } } },
    },
    responses: {
      201: {
        description: "The backup's manifest",
        content: { "application/json": { schema: BackupManifest } },
      },
      404: problemResponse("No such route (no token, a wrong one, or not on PGlite)"),
      409: problemResponse("The backup folder is not empty"),
      422: problemResponse("The folder is not an absolute path"),
    },
  });

export const opsRouter = (deps: AppDeps) =>
  createRouter().openapi(backup(deps), async (c) => {
    const { dir } = c.req.valid("json");
    const ops = deps.ops as NonNullable<AppDeps["ops"]>;
    try {
      return c.json(await ops.backup(dir), 201);
    } catch (e) {
      if (!(e instanceof FolderNotEmpty)) throw e;
      const lang = c.get("lang");
      return problem(
        c,
        problemBody(409, "conflict", TITLES.conflict[lang], { detail: e.message }),
      ) as never;
    }
  });
