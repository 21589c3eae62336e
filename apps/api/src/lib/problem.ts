import { issueText, type Lang, type Text } from "@envol/domain";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env.ts";

/**
 * Errors as RFC 9457 problem details, everywhere: a validation error lists each field and why;
 * nothing internal (stack, SQL) ever reaches a client.
 */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: "https://envol.example/problems/validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({
        description: "For a validation error: each field (dotted path) and what is wrong with it",
      }),
  })
  .meta({ id: "Problem" });

export type Problem = z.output<typeof ProblemSchema>;

export const PROBLEM_TYPE = "https://envol.telecom-paris.fr/problems/";

/** Every problem title, in French and English: the reader's language is picked per request. */
export const TITLES = {
  notFound: { fr: "Introuvable", en: "Not found" },
  internal: { fr: "Erreur interne", en: "Internal error" },
  databaseUnavailable: {
    fr: "La base de données est momentanément indisponible",
    en: "The database is temporarily unavailable",
  },
  starting: {
    fr: "Envol démarre, réessayez dans un instant",
    en: "Envol is starting, try again shortly",
  },
  invalid: { fr: "La requête n'est pas valide", en: "The request is not valid" },
  conflict: { fr: "Action impossible dans l'état actuel", en: "Not possible in the current state" },
  budget: { fr: "Budget insuffisant", en: "Not enough budget" },
  overlappingRequest: {
    fr: "Ce séjour fait déjà l'objet d'une demande",
    en: "This stay has already been applied for",
  },
  callClosed: {
    fr: "Appel à candidatures fermé",
    en: "The call for applications is not open",
  },
  overrideRequired: {
    fr: "Dérogation motivée nécessaire",
    en: "An override with its reason is needed",
  },
  paymentChanged: {
    fr: "Le montant à verser a changé",
    en: "The amount to pay has changed",
  },
  csrf: { fr: "Jeton CSRF absent ou erroné", en: "Missing or wrong CSRF token" },
  signInFirst: { fr: "Connectez-vous d'abord", en: "Sign in first" },
  forbidden: { fr: "Interdit pour votre rôle", en: "Not allowed for your role" },
  ownRequest: { fr: "Conflit d'intérêts", en: "Conflict of interest" },
  tooManyAttempts: { fr: "Trop de tentatives échouées", en: "Too many failed attempts" },
  tooManyRequests: { fr: "Trop de requêtes", en: "Too many requests" },
  documentReviewed: {
    fr: "Document déjà examiné par le service",
    en: "Document already reviewed by the office",
  },
  documentQuota: {
    fr: "Quota de documents du dossier atteint",
    en: "The application's document quota is reached",
  },
  wrongCredentials: { fr: "Email ou mot de passe incorrect", en: "Wrong email or password" },
  nobodySignedIn: { fr: "Personne n'est connecté", en: "Nobody is signed in" },
  noSuchScheme: { fr: "Aide inconnue", en: "No such scheme" },
  tooLarge: { fr: "Fichier trop volumineux", en: "File too large" },
  bodyTooLarge: { fr: "Requête trop volumineuse", en: "Request too large" },
  malformedBody: { fr: "Corps de la requête illisible", en: "Malformed request body" },
  unsupportedEncoding: {
    fr: "Encodage du corps de la requête refusé",
    en: "Request body encoding not accepted",
  },
  unsupportedType: { fr: "Type de fichier refusé", en: "Unsupported file type" },
  partnerKeyRequired: {
    fr: "Une clé d'API partenaire valide est requise",
    en: "A valid partner API key is required",
  },
  metricsTokenRequired: {
    fr: "Le jeton des métriques est requis (Authorization: Bearer …)",
    en: "The metrics token is required (Authorization: Bearer …)",
  },
  ssoNotConfigured: {
    fr: "L'authentification unique n'est pas configurée",
    en: "Single sign-on is not configured",
  },
  ssoEmailNotVerified: {
    fr: "Adresse e-mail non vérifiée par l'authentification unique",
    en: "E-mail address not verified by single sign-on",
  },
  ssoUnavailable: {
    fr: "Le service d'authentification unique est injoignable",
    en: "The single sign-on provider cannot be reached",
  },
} as const satisfies Record<string, Text>;

export const problemBody = (
  status: ContentfulStatusCode,
  kind: string,
  title: string,
  extra: { detail?: string; errors?: Problem["errors"] } = {},
): Problem => ({ type: `${PROBLEM_TYPE}${kind}`, title, status, ...extra });

/** Sends a problem with its media type. */
export const problem = (c: Context, body: Problem): Response =>
  c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json; charset=utf-8",
  });

/** Sends a problem whose title and detail are read in the request's language. */
export const problemIn = (
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  kind: string,
  texts: { readonly title: Text; readonly detail: Text },
): Response => {
  const lang = c.get("lang");
  return problem(c, problemBody(status, kind, texts.title[lang], { detail: texts.detail[lang] }));
};

/** The OpenAPI description of a problem response. */
export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** The OpenAPI description of a 429: a problem, and Retry-After in seconds. */
export const tooManyResponse = (description: string) => ({
  ...problemResponse(description),
  headers: {
    "Retry-After": {
      description: "Seconds to wait before trying again",
      schema: { type: "integer" as const, minimum: 1 },
    },
  },
});

/**
 * Zod issues as problem fields in the reader's language: `mobility.start: doit être une date
 * écrite AAAA-MM-JJ`. `input` is what was validated (a missing field is told from a wrong one).
 */
export const issuesOf = (
  error: z.ZodError,
  lang: Lang,
  input: unknown,
): NonNullable<Problem["errors"]> =>
  error.issues.map((i) => ({
    path: i.path.map(String).join(".") || "(body)",
    message: issueText(i, input)[lang],
  }));
