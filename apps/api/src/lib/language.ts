import type { Lang } from "@envol/domain";
import { createMiddleware } from "hono/factory";
import { setMissingHeaders } from "./response-headers.ts";

/** Accept-Language picks French or English (French by default, the school's language). */
export const pickLanguage = (header: string | undefined): Lang => {
  if (!header) return "fr";
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((x) => x.lang === "fr" || x.lang === "en");
  return (first?.lang as Lang | undefined) ?? "fr";
};

const CONTENT_LANGUAGE = {
  fr: [["Content-Language", "fr"]],
  en: [["Content-Language", "en"]],
} as const;

/** The language of the request in `c.get("lang")`, and in the response's Content-Language. */
export const language = createMiddleware<{ Variables: { lang: Lang } }>(async (c, next) => {
  const lang = pickLanguage(c.req.header("Accept-Language"));
  c.set("lang", lang);
  await next();
  setMissingHeaders(c, CONTENT_LANGUAGE[lang]);
});
