/**
 * The bare baselines: a Hono route that parses the JSON it is sent and sends it back, or, with
 * BENCH_REPLY naming a file, one that parses it and sends that file's JSON instead (Envol's
 * report for the same situation, parsed once at start, serialised on every request).
 */
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const reply: unknown = process.env.BENCH_REPLY
  ? JSON.parse(readFileSync(process.env.BENCH_REPLY, "utf8"))
  : undefined;
const app = new Hono().post("/api/simulations", async (c) => {
  const body = await c.req.json();
  return c.json(reply ?? body, 200);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
