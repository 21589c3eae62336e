/** The bare baseline: a Hono route that parses the same JSON and sends it back. */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().post("/api/simulations", async (c) => c.json(await c.req.json(), 200));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
