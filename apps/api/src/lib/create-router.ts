import type { Lang, Text } from "@envol/domain";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.ts";
import { issuesOf, type Problem, problem, problemBody, TITLES } from "./problem.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const UNSTORABLE_TEXT: Text = {
  fr: "ne doit contenir ni caractère NUL ni demi-paire de substitution",
  en: "must not contain NUL characters or unpaired surrogates",
};

/**
 * Where a validated request value holds text that no database column can store: a NUL
 * character, or half of a surrogate pair (JSON can write both as escapes). Found by the fuzz
 * test: PostgreSQL refuses them in text and jsonb, which was a 500. Every request body goes
 * through it, so it walks without building anything until it finds one.
 */
const unstorableText = (
  value: unknown,
  lang: Lang,
  path: string[] = [],
  found: NonNullable<Problem["errors"]> = [],
): NonNullable<Problem["errors"]> => {
  if (typeof value === "string") {
    if (UNSTORABLE.test(value))
      found.push({ path: path.join(".") || "(body)", message: UNSTORABLE_TEXT[lang] });
  } else if (value !== null && typeof value === "object") {
    for (const key in value) {
      path.push(key);
      unstorableText((value as Record<string, unknown>)[key], lang, path, found);
      path.pop();
    }
  }
  return found;
};

/**
 * A router whose request validation fails the same way everywhere: 422, problem+json, each
 * field's path and message (a body that is not JSON at all: 400).
 */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      const lang = c.get("lang");
      const errors = result.success
        ? unstorableText(result.data, lang)
        : // the validator hands the hook the value it validated, though its type says so only on success
          issuesOf(result.error, lang, (result as { data?: unknown }).data);
      if (!errors?.length) return;
      return problem(c, problemBody(422, "validation", TITLES.invalid[lang], { errors }));
    },
  });
