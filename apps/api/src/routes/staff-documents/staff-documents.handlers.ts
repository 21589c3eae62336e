import { Applications, type ApplicationView, Documents, Users } from "@envol/db";
import { formatLongDate, type Lang, type Text } from "@envol/domain";
import type { RouteHandler } from "@hono/zod-openapi";
import { Effect, Result } from "effect";
import { actorOf } from "../../lib/auth.ts";
import { checklistOf, labelledDocuments, labelledRequests } from "../../lib/checklist.ts";
import type { AppDeps } from "../../lib/deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { evaluateToday } from "../../lib/evaluate-today.ts";
import { problem, problemBody, TITLES } from "../../lib/problem.ts";
import { runEffect } from "../../lib/run-effect.ts";
import type { requestDocument, reviewDocument } from "./staff-documents.routes.ts";

/** The application's checklist today, in `lang`: the documents its requested schemes ask for. */
const checklistIn = (
  deps: AppDeps,
  application: ApplicationView,
  lang: Lang,
  documents: Parameters<typeof checklistOf>[1] = [],
) => {
  const today = deps.today();
  const evaluated = evaluateToday(
    { ...application.situation, asOf: today },
    deps.registry(),
    today,
    lang,
  );
  if (Result.isFailure(evaluated)) return checklistOf(null, documents);
  const requested = new Set(application.requests.map((r) => r.scheme));
  return checklistOf(
    { schemes: evaluated.success.schemes.filter((s) => requested.has(s.scheme)) },
    documents,
  );
};

/** Why a kind of document cannot be asked for: the application's checklist, by its labels. */
const notAsked = (labels: readonly string[]): Text => ({
  fr: `n'est pas demandé pour cette candidature (${labels.length > 0 ? `documents demandés : ${labels.join(", ")}` : "aucun document demandé"})`,
  en: `is not asked for this application (${labels.length > 0 ? `documents asked for: ${labels.join(", ")}` : "no document asked for"})`,
});

export const requestDocumentHandler =
  (deps: AppDeps): RouteHandler<typeof requestDocument, AppEnv> =>
  async (c) => {
    const { id } = c.req.valid("param");
    const { kind, message, dueDate } = c.req.valid("json");
    const lang = c.get("lang");
    const actor = actorOf(c, "staff");
    const today = deps.today();
    const invalid = (path: string, why: string) =>
      problem(
        c,
        problemBody(422, "validation", TITLES.invalid[lang], { errors: [{ path, message: why }] }),
      );
    if (dueDate < today) {
      const day = (l: Lang) => formatLongDate(today, l);
      const why: Text = {
        fr: `doit être aujourd'hui (${day("fr")}) ou plus tard`,
        en: `must be today (${day("en")}) or later`,
      };
      return invalid("dueDate", why[lang]) as never;
    }
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const application = yield* Applications.use((a) => a.get(id));
        const [fr, en] = [
          checklistIn(deps, application, "fr"),
          checklistIn(deps, application, "en"),
        ];
        const item = { fr: fr.find((i) => i.id === kind), en: en.find((i) => i.id === kind) };
        if (!item.fr || !item.en)
          return { ok: false as const, checklist: (lang === "fr" ? fr : en).map((i) => i.label) };
        const student = yield* Users.use((u) => u.get(application.studentId));
        if (!student) return yield* Effect.die(new Error(`application ${id} has no student`));
        const request = yield* Documents.use((d) =>
          d.request({
            applicationId: application.id,
            kind,
            label: { fr: item.fr?.label ?? kind, en: item.en?.label ?? kind },
            message,
            dueDate,
            actor,
            student: { email: student.email, lang: student.lang },
          }),
        );
        return { ok: true as const, request, checklist: lang === "fr" ? fr : en };
      }),
      (r) =>
        r.ok
          ? c.json(labelledRequests(r.checklist, [r.request], today)[0], 201)
          : invalid("kind", notAsked(r.checklist)[lang]),
    )) as never;
  };

export const reviewDocumentHandler =
  (deps: AppDeps): RouteHandler<typeof reviewDocument, AppEnv> =>
  async (c) => {
    const { id, documentId } = c.req.valid("param");
    const actor = actorOf(c, "staff");
    return (await runEffect(
      c,
      deps,
      Effect.gen(function* () {
        const application = yield* Applications.use((a) => a.get(id));
        const document = yield* Documents.use((d) => d.review(application.id, documentId, actor));
        return { application, document };
      }),
      ({ application, document }) => {
        const checklist = checklistIn(deps, application, c.get("lang"));
        return c.json(labelledDocuments(checklist, [document])[0], 200);
      },
    )) as never;
  };
