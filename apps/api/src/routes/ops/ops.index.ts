/**
 * What `pnpm envol backup` asks of a running server on PGlite, whose database no other process
 * may open: a consistent backup written into a folder of this machine. Only a caller on this
 * machine's loopback, not forwarded by a proxy, and holding the token of the data directory's
 * lock file (readable by the server's user only) gets an answer; for anyone else the route does
 * not exist (404).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { isAbsolute } from "node:path";
import { BackupFolderForbidden, BackupNotWritten, FolderNotEmpty } from "@envol/db";
import type { Lang } from "@envol/domain";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { clientAddressOf, TRUST_NO_PROXY } from "../../lib/client-address.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { type Problem, problem, problemBody, problemResponse, TITLES } from "../../lib/problem.ts";

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

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addSubnet("::1", 128, "ipv6");

/** What a proxy adds: a request carrying one came through a proxy, even one on this machine. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"];

/** Whether the socket's peer is this machine's loopback; never what a header says. */
const fromLoopback = (c: Context<AppEnv>) => {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  const peer = clientAddressOf(socket, undefined, TRUST_NO_PROXY);
  if (peer === undefined || isIP(peer) === 0) return false;
  return LOOPBACK.check(peer, isIP(peer) === 6 ? "ipv6" : "ipv4");
};

/**
 * Only the local CLI: a loopback peer whose request no proxy forwarded, holding the token,
 * checked before the body is read; anyone else: 404.
 */
const localTokenHolder = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const sent = c.req.header("authorization")?.replace(/^Bearer /, "") ?? "";
    const local = fromLoopback(c) && FORWARDING_HEADERS.every((h) => !c.req.header(h));
    if (deps.ops && local && timingSafeEqual(digest(sent), digest(deps.ops.token))) return next();
    const lang = c.get("lang");
    return problem(c, problemBody(404, "not-found", TITLES.notFound[lang], { detail: c.req.path }));
  });

const backup = (deps: AppDeps) =>
  createRoute({
    method: "post",
    path: "/ops/backup",
    middleware: [localTokenHolder(deps)] as const,
    tags: ["Operations"],
    summary: "Write a consistent backup of the PGlite database and the files (pnpm envol backup)",
    description:
      "For the local CLI only: from this machine's loopback, not through a proxy, with `Authorization: Bearer <token>`, the token of the data directory's lock file. Otherwise: 404.",
    request: {
      body: { required: true, content: { "application/json": { schema: BackupRequest } } },
    },
    responses: {
      201: {
        description: "The backup's manifest",
        content: { "application/json": { schema: BackupManifest } },
      },
      404: problemResponse(
        "No such route (not from loopback, through a proxy, no token, a wrong one, or not on PGlite)",
      ),
      409: problemResponse(
        "The backup folder is not empty, or the system refuses to write it (EACCES, ENOSPC…)",
      ),
      422: problemResponse(
        "The folder is not an absolute path, cannot be a folder, or is inside the served web folder, the data directory or the files folder",
      ),
    },
  });

/** The backup's failures that are the caller's to fix: a problem naming the folder. */
const problemOfBackup = (e: unknown, lang: Lang): Problem | undefined => {
  const dirRefused = (message: string) =>
    problemBody(422, "validation", TITLES.invalid[lang], {
      errors: [{ path: "dir", message }],
    });
  if (e instanceof BackupFolderForbidden) return dirRefused(e.message);
  if (e instanceof BackupNotWritten && e.pathUnusable) return dirRefused(e.message);
  if (e instanceof BackupNotWritten || e instanceof FolderNotEmpty) {
    return problemBody(409, "conflict", TITLES.conflict[lang], { detail: e.message });
  }
  return undefined;
};

export const opsRouter = (deps: AppDeps) =>
  createRouter().openapi(backup(deps), async (c) => {
    const { dir } = c.req.valid("json");
    const ops = deps.ops as NonNullable<AppDeps["ops"]>;
    try {
      return c.json(await ops.backup(dir), 201);
    } catch (e) {
      const refused = problemOfBackup(e, c.get("lang"));
      if (!refused) throw e;
      return problem(c, refused) as never;
    }
  });
