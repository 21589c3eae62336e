import {
  Allocations,
  Budgets,
  type SchemeOptionPeriod,
  SchemeOptions,
  WhatIfPopulation,
} from "@envol/db";
import {
  type ConfiguredPlugin,
  firstPeriodOf,
  formatLongDate,
  type IsoDate,
  issueText,
  type Lang,
  PluginOptionsInvalid,
  startWhatIf,
} from "@envol/domain";
import { type PluginEntry, withDatedOptions } from "@envol/institution";
import { z } from "@hono/zod-openapi";
import { Cause, Effect, Exit, Result } from "effect";
import type { Context } from "hono";
import { actorOf } from "../../lib/auth.ts";
import { createRouter } from "../../lib/create-router.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { runEffect } from "../../lib/run-effect.ts";
import { readSchemeOptions, runScenario, saveSchemeOptions } from "./scenarios.routes.ts";

/** The requests a what-if reads at a time from the database (one keyset page). */
export const SCENARIO_PAGE = 1_000;

const invalid = (c: Context<AppEnv>, path: string, message: string) =>
  problem(
    c,
    problemBody(422, "validation", TITLES.invalid[c.get("lang")], { errors: [{ path, message }] }),
  );

/** The scheme's configuration entry and its plugin as the registry has it now. */
const schemeOf = (deps: AppDeps, scheme: string) => {
  const entry = deps.configuration?.plugins.find((e) => e.id === scheme);
  const plugin = deps.registry().byId.get(scheme);
  return entry && plugin ? { entry, plugin } : undefined;
};

const unknownScheme = (c: Context<AppEnv>, scheme: string) =>
  invalid(
    c,
    "scheme",
    { fr: `aucun dispositif « ${scheme} » n'est proposé`, en: `no scheme "${scheme}" is offered` }[
      c.get("lang")
    ],
  );

const beforeFirstPeriod = (c: Context<AppEnv>, first: IsoDate) =>
  invalid(
    c,
    "since",
    {
      fr: `doit être le ${formatLongDate(first, "fr")} ou après\u00a0: le dispositif n'a pas de montants avant`,
      en: `must be on or after ${formatLongDate(first, "en")}: the scheme has no figures before`,
    }[c.get("lang")],
  );

/**
 * The options in force merged with the office's (top-level fields replaced), configured by the
 * plugin: the plugin, or its refusals as `options.<path>` problems.
 */
const configured = (
  entry: PluginEntry,
  inForce: unknown,
  change: Readonly<Record<string, unknown>>,
  lang: Lang,
): { plugin: ConfiguredPlugin } | { errors: { path: string; message: string }[] } => {
  const options = { ...(inForce as object), ...change };
  // the plugin's own check, strict as `configure` is, its words in the reader's language
  const schema =
    entry.optionsSchema instanceof z.ZodObject ? entry.optionsSchema.strict() : entry.optionsSchema;
  const parsed = schema.safeParse(options);
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((i) => ({
        path: ["options", ...i.path.map(String)].join("."),
        message: issueText(i, options)[lang],
      })),
    };
  try {
    return { plugin: entry.configureWith(options) };
  } catch (e) {
    if (!(e instanceof PluginOptionsInvalid)) throw e;
    return {
      errors: e.issues.map((i) => ({
        path: i.path === "" ? "options" : `options.${i.path}`,
        message: i.message,
      })),
    };
  }
};

const optionsView = (
  entry: PluginEntry,
  plugin: ConfiguredPlugin,
  periods: readonly SchemeOptionPeriod[],
  lang: Lang,
) => ({
  scheme: plugin.id,
  schemeName: plugin.name[lang],
  firstPeriod: firstPeriodOf(plugin),
  configuredOptions: entry.configure().options,
  options: plugin.options,
  periods: periods
    .filter((p) => p.scheme === plugin.id)
    .map((p) => ({
      since: p.since,
      options: p.options,
      reason: p.reason,
      savedBy: p.savedBy,
      savedAt: p.savedAt.toISOString(),
    })),
  schema: z.toJSONSchema(entry.optionsSchema, { io: "input", unrepresentable: "any" }),
});

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/** What-if scenarios and the schemes' dated options (ADR 020): staff only. */
export const scenariosRouter = (deps: AppDeps) =>
  createRouter()
    .openapi(readSchemeOptions, (c) => {
      const { scheme } = c.req.valid("param");
      const found = schemeOf(deps, scheme);
      if (!found) return unknownScheme(c, scheme) as never;
      return runEffect(
        c,
        deps,
        SchemeOptions.use((s) => s.list()),
        (periods) => c.json(optionsView(found.entry, found.plugin, periods, c.get("lang")), 200),
      ) as never;
    })
    .openapi(saveSchemeOptions, (c) => {
      const { scheme } = c.req.valid("param");
      const body = c.req.valid("json");
      const found = schemeOf(deps, scheme);
      if (!found) return unknownScheme(c, scheme) as never;
      const first = firstPeriodOf(found.plugin);
      if (body.since < first) return beforeFirstPeriod(c, first) as never;
      const before = found.plugin.optionsFor(body.since);
      const next = configured(found.entry, before, body.options, c.get("lang"));
      if ("errors" in next)
        return problem(
          c,
          problemBody(422, "validation", TITLES.invalid[c.get("lang")], { errors: next.errors }),
        ) as never;
      const save = SchemeOptions.use((s) =>
        s
          .save({
            scheme,
            since: body.since,
            options: next.plugin.options,
            before,
            reason: body.reason,
            actor: actorOf(c, "staff"),
          })
          .pipe(Effect.andThen(s.list())),
      );
      return runEffect(c, deps, save, async (periods) => {
        // this instance at once; the others within their check's interval
        await deps.refreshRegistry?.();
        const now = schemeOf(deps, scheme) ?? found;
        return c.json(optionsView(now.entry, now.plugin, periods, c.get("lang")), 200);
      }) as never;
    })
    .openapi(runScenario, (c) => {
      const body = c.req.valid("json");
      const lang = c.get("lang");
      const found = schemeOf(deps, body.scheme);
      if (!found) return unknownScheme(c, body.scheme) as never;
      const first = firstPeriodOf(found.plugin);
      const since = body.since ?? first;
      if (since < first) return beforeFirstPeriod(c, first) as never;
      const next = configured(
        found.entry,
        found.plugin.optionsFor(since),
        body.options ?? {},
        lang,
      );
      if ("errors" in next)
        return problem(
          c,
          problemBody(422, "validation", TITLES.invalid[lang], { errors: next.errors }),
        ) as never;
      const { scheme, academicYear } = body;
      const read = Effect.all([
        SchemeOptions.use((o) => o.list()),
        WhatIfPopulation.use((p) => p.count(scheme, academicYear)),
        Budgets.use((b) => b.list(academicYear)),
        // without rules of its own, the scenario ranks as the call's allocation does
        Effect.result(Allocations.use((a) => a.find(scheme, academicYear))),
      ]);
      return runEffect(c, deps, read, ([stored, total, budgets, allocation]) => {
        // both sides as the registry makes them from the stored periods: today's, and the one
        // saving this scenario would make (its period replacing one stored on the same date)
        const periods = stored.filter((p) => p.scheme === scheme);
        const base = withDatedOptions(found.entry, periods);
        const scenario =
          body.options === undefined && body.since === undefined
            ? base
            : withDatedOptions(found.entry, [
                ...periods.filter((p) => p.since !== since),
                { scheme, since, options: next.plugin.options },
              ]);
        const budget = budgets.find((b) => b.scheme === scheme);
        const envelope = budget?.envelopeCents;
        const baseEnvelope = envelope ?? body.envelopeCents;
        if (baseEnvelope === undefined)
          return invalid(
            c,
            "envelopeCents",
            {
              fr: `aucune enveloppe pour ${scheme} en ${academicYear}\u00a0: indiquez celle du scénario`,
              en: `no envelope for ${scheme} in ${academicYear}: give the scenario's`,
            }[lang],
          );
        const whatIf = startWhatIf({
          registry: deps.registry(),
          base,
          scenario,
          envelopes: { base: baseEnvelope, scenario: body.envelopeCents ?? baseEnvelope },
          // what a proposal funds within: the envelope less what the budget holds committed
          committedCents: budget?.committedCents,
          rules:
            body.rules ?? (Result.isSuccess(allocation) ? allocation.success.rules : undefined),
          asOf: deps.today(),
        });
        const encoder = new TextEncoder();
        let after: string | null = null;
        let started = false;
        const stream = new ReadableStream<Uint8Array>(
          {
            async pull(controller) {
              const send = (value: unknown) => controller.enqueue(encoder.encode(line(value)));
              if (!started) {
                started = true;
                return send({ type: "progress", done: 0, total });
              }
              const exit = await deps.run(
                WhatIfPopulation.use((p) => p.batch(scheme, academicYear, after, SCENARIO_PAGE)),
              );
              if (Exit.isFailure(exit)) {
                c.get("logger").error(
                  { path: c.req.path, cause: Cause.pretty(exit.cause) },
                  "what-if read failed",
                );
                send({ type: "error", title: TITLES.internal[lang] });
                return controller.close();
              }
              try {
                const done = whatIf.add(exit.value.rows);
                send({ type: "progress", done, total: Math.max(total, done) });
                after = exit.value.next;
                if (after !== null) return;
                send({ type: "result", ...whatIf.finish() });
              } catch (e) {
                // a defect after the first line: said in the stream, its details in the log
                c.get("logger").error({ path: c.req.path, error: String(e) }, "what-if failed");
                send({ type: "error", title: TITLES.internal[lang] });
              }
              controller.close();
            },
          },
          { highWaterMark: 0 },
        );
        return c.body(stream, 200, { "Content-Type": "application/x-ndjson; charset=utf-8" });
      }) as never;
    });
