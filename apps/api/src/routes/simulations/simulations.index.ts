import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { simulateHandler } from "./simulations.handlers.ts";
import { simulate } from "./simulations.routes.ts";

export const simulationsRouter = (deps: AppDeps) =>
  createRouter().openapi(simulate, simulateHandler(deps));
