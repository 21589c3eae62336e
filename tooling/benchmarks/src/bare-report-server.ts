/**
 * The bare baseline of the API bench: a Hono route that parses the situation it is sent and
 * answers Envol's report for it (the JSON file BENCH_REPLY names, parsed once at start,
 * serialised on every request): the most any server returning that report could do here.
 */
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const report: unknown = JSON.parse(readFileSync(process.env.BENCH_REPLY as string, "utf8"));
const app = new Hono().post("/api/simulations", async (c) => {
  await c.req.json();
  return c.json(report, 200);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
