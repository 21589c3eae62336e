import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";

export const studentsRouter = (_deps: AppDeps) => createRouter();
