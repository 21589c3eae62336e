import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env.ts";
import { problemIn, TITLES } from "./problem.ts";

/** `identity`, or nothing said: the body is as it was sent. */
const isIdentity = (coding: string) => ["", "identity"].includes(coding.trim().toLowerCase());

/**
 * Refuses a request body sent with a content coding (`Content-Encoding: gzip`, `br`…): 415
 * problem+json before anything reads it, the document upload included. No route inflates one,
 * and the body limits count the bytes as sent, not what they would inflate to. The answer's
 * `Accept-Encoding: identity` says what is accepted (RFC 9110, 15.5.16).
 */
export const identityBodiesOnly = createMiddleware<AppEnv>(async (c, next) => {
  const encoding = c.req.header("Content-Encoding");
  if (encoding === undefined || encoding.split(",").every(isIdentity)) return next();
  c.header("Accept-Encoding", "identity");
  return problemIn(c, 415, "unsupported-encoding", {
    title: TITLES.unsupportedEncoding,
    detail: {
      fr: "Le corps d'une requête s'envoie sans compression, sans Content-Encoding.",
      en: "A request body is sent uncompressed, without Content-Encoding.",
    },
  });
});
