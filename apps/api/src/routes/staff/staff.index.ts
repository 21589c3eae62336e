import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";

export const staffRouter = (_deps: AppDeps) => createRouter();
