import { Calls, type CallView } from "@envol/db";
import { callWindowOn, type IsoDate, type Lang, type Registry } from "@envol/domain";
import { actorOf } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { runEffect } from "../../lib/run-effect.ts";
import { listCalls, listPublicCalls, setCall } from "./calls.routes.ts";

const publicCall = (call: CallView, registry: Registry, lang: Lang, today: IsoDate) => ({
  scheme: call.scheme,
  schemeName: registry.byId.get(call.scheme)?.name[lang] ?? call.scheme,
  academicYear: call.academicYear,
  opensOn: call.opensOn,
  closesOn: call.closesOn,
  documentsDueOn: call.documentsDueOn,
  reportsDueOn: call.reportsDueOn,
  open: callWindowOn(call, today) === "open",
});

const staffCall = (call: CallView, registry: Registry, lang: Lang, today: IsoDate) => ({
  ...publicCall(call, registry, lang, today),
  reminderDaysBefore: call.reminderDaysBefore,
  updatedAt: call.updatedAt.toISOString(),
});

/** The calls for applications: read by anyone, opened and changed by the office (ADR 018). */
export const callsRouter = (deps: AppDeps) =>
  createRouter()
    .openapi(listPublicCalls, (c) => {
      const { academicYear } = c.req.valid("query");
      const today = deps.today();
      return runEffect(
        c,
        deps,
        Calls.use((calls) => calls.list(academicYear)),
        (calls) =>
          c.json(
            calls.map((call) => publicCall(call, deps.registry(), c.get("lang"), today)),
            200,
          ),
      ) as never;
    })
    .openapi(listCalls, (c) => {
      const { academicYear } = c.req.valid("query");
      const today = deps.today();
      return runEffect(
        c,
        deps,
        Calls.use((calls) => calls.list(academicYear)),
        (calls) =>
          c.json(
            calls.map((call) => staffCall(call, deps.registry(), c.get("lang"), today)),
            200,
          ),
      ) as never;
    })
    .openapi(setCall, (c) => {
      const { scheme, academicYear } = c.req.valid("param");
      const terms = c.req.valid("json");
      const lang = c.get("lang");
      const registry = deps.registry();
      if (!registry.byId.has(scheme)) {
        const message = {
          fr: `aucun dispositif « ${scheme} » n'est proposé`,
          en: `no scheme "${scheme}" is offered`,
        }[lang];
        return problem(
          c,
          problemBody(422, "validation", TITLES.invalid[lang], {
            errors: [{ path: "scheme", message }],
          }),
        ) as never;
      }
      return runEffect(
        c,
        deps,
        Calls.use((calls) => calls.set(scheme, academicYear, terms, actorOf(c, "staff"))),
        (call) => c.json(staffCall(call, registry, lang, deps.today()), 200),
      ) as never;
    });
