/**
 * Single sign-on with the school's OpenID Connect provider: the authorization code flow with
 * PKCE, state and nonce (openid-client's functional API), and what the API learns from it.
 *
 * Staff are recognised by a claim the provider sends (for example a `groups` claim holding the
 * international office's group): `staff.claim` names it (a dotted path reaches nested claims,
 * like Keycloak's `realm_access.roles`), `staff.values` lists what makes a staff member. Not an
 * affiliation such as eduPersonAffiliation `staff`: every employee of the school would then read
 * every student's file. Without `staff`, everyone who signs in through SSO is a student.
 *
 * Members of the school's personnel who apply for teaching and training stays (ADR 016) are
 * recognised the same way by `personnel.claim` and `personnel.values` (for example
 * eduPersonAffiliation `faculty`, `employee`): an applicant like a student, who sees only their
 * own applications. Staff wins over personnel: the office's members are employees too.
 */
import type { UserRole } from "@envol/db";
import * as client from "openid-client";

/** A claim of the ID token (a dotted path reaches nested claims) and the values that give a role. */
export interface ClaimValues {
  readonly claim: string;
  readonly values: readonly string[];
}

export interface OidcSettings {
  /** The provider's issuer identifier (its discovery document is under it). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This API's callback as registered at the provider: `${PUBLIC_URL}/api/auth/oidc/callback`. */
  readonly redirectUri: string;
  /** Default `openid email profile`. */
  readonly scope?: string;
  /** The claim (a string or a list of strings) and its values that make a staff member. */
  readonly staff?: ClaimValues;
  /** The claim and its values that make a member of the personnel (applicant, ADR 016). */
  readonly personnel?: ClaimValues;
  /**
   * The claim (a dotted path) that must be `true` for the provider to vouch for the email: an
   * account is created, or an existing one linked by email, only then. Default `email_verified`
   * (OIDC Core §5.1); a provider that vouches differently names its own.
   */
  readonly emailVerifiedClaim?: string;
  /** Accept a plain-http issuer on the loopback interface (tests only); never another host. */
  readonly allowHttpOnLoopback?: boolean;
}

/**
 * The settings from the server's configuration (the environment): undefined when SSO is off.
 * `OIDC_STAFF_VALUES` and `OIDC_PERSONNEL_VALUES` are comma-separated lists; `OIDC_STAFF_CLAIM`
 * and `OIDC_PERSONNEL_CLAIM` default to `groups`, `OIDC_EMAIL_VERIFIED_CLAIM` to `email_verified`.
 * @throws when SSO is configured without PUBLIC_URL (the callback's address would be unknown)
 */
export const oidcSettingsOf = (config: {
  readonly OIDC_ISSUER?: string | undefined;
  readonly OIDC_CLIENT_ID?: string | undefined;
  readonly OIDC_CLIENT_SECRET?: string | undefined;
  readonly OIDC_SCOPE?: string | undefined;
  readonly OIDC_STAFF_CLAIM?: string | undefined;
  readonly OIDC_STAFF_VALUES?: string | undefined;
  readonly OIDC_PERSONNEL_CLAIM?: string | undefined;
  readonly OIDC_PERSONNEL_VALUES?: string | undefined;
  readonly OIDC_EMAIL_VERIFIED_CLAIM?: string | undefined;
  readonly PUBLIC_URL?: string | undefined;
}): OidcSettings | undefined => {
  const {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
  } = config;
  if (!issuer || !clientId || !clientSecret) return undefined;
  if (!config.PUBLIC_URL)
    throw new Error("PUBLIC_URL: is required when single sign-on is configured");
  const staff = claimValues(config.OIDC_STAFF_CLAIM, config.OIDC_STAFF_VALUES);
  const personnel = claimValues(config.OIDC_PERSONNEL_CLAIM, config.OIDC_PERSONNEL_VALUES);
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: new URL("/api/auth/oidc/callback", config.PUBLIC_URL).href,
    emailVerifiedClaim: config.OIDC_EMAIL_VERIFIED_CLAIM ?? "email_verified",
    ...(config.OIDC_SCOPE ? { scope: config.OIDC_SCOPE } : {}),
    ...(staff ? { staff } : {}),
    ...(personnel ? { personnel } : {}),
  };
};

/** A claim (default `groups`) and its comma-separated values; undefined when none is listed. */
const claimValues = (
  claim: string | undefined,
  list: string | undefined,
): ClaimValues | undefined => {
  const values = (list ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length > 0 ? { claim: claim ?? "groups", values } : undefined;
};

/** What the browser keeps between the start and the callback (an HttpOnly cookie). */
export interface OidcFlow {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
}

/** Who signed in, as the provider vouches for it. */
export interface OidcIdentity {
  readonly subject: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly lang?: "fr" | "en";
  /** The provider vouches for `email` (the verified claim is `true`). */
  readonly emailVerified: boolean;
}

/** An error and the errors that caused it, messages only (their data may hold the code). */
export const explain = (e: unknown): string => {
  if (!(e instanceof Error)) return String(e);
  // the provider's own error code (access_denied, invalid_grant…)
  const code = "error" in e && typeof e.error === "string" ? ` [${e.error}]` : "";
  const cause = e.cause instanceof Error ? ` (${explain(e.cause)})` : "";
  return `${e.name}: ${e.message}${code}${cause}`;
};

/** A sign-in that cannot be completed; `reason` is for the log, never for the browser. */
export class OidcSignInFailed extends Error {
  constructor(readonly reason: string) {
    super(`single sign-on failed: ${reason}`);
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Where to go after signing in: a path of this site only. Anything else (an absolute URL, a
 * scheme-relative `//host`, `/\host` that browsers read as `//host`, control characters) is `/`.
 */
export const safeReturnTo = (value: string | null | undefined): string => {
  // long ones too: the flow's cookie must stay under the browsers' 4 kB
  if (!value || value.length > 1024 || !value.startsWith("/") || value.startsWith("//")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  const base = "http://envol.invalid";
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
};

const claimAt = (claims: Record<string, unknown>, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (at, key) =>
        at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined,
      claims,
    );

/** Whether the claims hold, at the configured claim, one of its values. */
const holds = (claims: Record<string, unknown>, role: ClaimValues | undefined): boolean => {
  if (!role) return false;
  const value = claimAt(claims, role.claim);
  const held = Array.isArray(value) ? value : [value];
  return held.some((v) => typeof v === "string" && role.values.includes(v));
};

/**
 * `staff` when the configured claim holds one of the staff values; else `personnel` when its
 * claim holds one of the personnel values; `student` otherwise.
 */
export const roleOf = (
  claims: Record<string, unknown>,
  staff: OidcSettings["staff"],
  personnel?: OidcSettings["personnel"],
): UserRole => {
  if (holds(claims, staff)) return "staff";
  if (holds(claims, personnel)) return "personnel";
  return "student";
};

const langOf = (locale: unknown): "fr" | "en" | undefined => {
  if (typeof locale !== "string") return undefined;
  const l = locale.toLowerCase();
  return l.startsWith("en") ? "en" : l.startsWith("fr") ? "fr" : undefined;
};

const nameOf = (claims: Record<string, unknown>, email: string): string => {
  if (typeof claims.name === "string" && claims.name.trim()) return claims.name.trim();
  const parts = [claims.given_name, claims.family_name].filter(
    (p): p is string => typeof p === "string" && p.trim() !== "",
  );
  return parts.length > 0 ? parts.join(" ") : (email.split("@")[0] ?? email);
};

/** `true`, or `"true"` as a few providers write it; anything else (absent, false) is not. */
const isTrue = (value: unknown) => value === true || value === "true";

/** Reads who signed in from the claims (ID token, completed by userinfo). */
export const identityOf = (
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, "staff" | "personnel" | "emailVerifiedClaim">,
): OidcIdentity => {
  const subject = claims.sub;
  if (typeof subject !== "string" || subject === "") throw new OidcSignInFailed("no subject");
  const email = claims.email;
  if (typeof email !== "string" || !email.includes("@"))
    throw new OidcSignInFailed("the provider sent no email");
  const lang = langOf(claims.locale);
  return {
    subject,
    email,
    name: nameOf(claims, email),
    role: roleOf(claims, settings.staff, settings.personnel),
    emailVerified: isTrue(claimAt(claims, settings.emailVerifiedClaim ?? "email_verified")),
    ...(lang ? { lang } : {}),
  };
};

/**
 * The client of one provider. Its metadata is discovered on first use and kept; a failed
 * discovery (the provider is down) is retried on the next sign-in.
 */
export const makeOidcClient = (settings: OidcSettings) => {
  const issuer = new URL(settings.issuer);
  const redirectUri = new URL(settings.redirectUri);
  const insecure = issuer.protocol === "http:";
  if (insecure && !(settings.allowHttpOnLoopback && LOOPBACK.has(issuer.hostname))) {
    // openid-client would refuse it anyway; say why at once
    throw new Error(`the OpenID issuer must be https: ${settings.issuer}`);
  }
  const scope = settings.scope ?? "openid email profile";

  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret },
        // RFC 6749 §2.3.1: every provider must accept HTTP Basic for the client's secret
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: 10,
          ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    /** The provider's authorization URL, and what the callback will need to check the answer. */
    begin: async (returnTo: string): Promise<{ url: URL; flow: OidcFlow }> => {
      const config = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri.href,
        scope,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url, flow: { codeVerifier, state, nonce, returnTo: safeReturnTo(returnTo) } };
    },

    /**
     * Exchanges the code of the provider's answer (`search`: the callback's query) after checking
     * the state, the PKCE verifier and the ID token's nonce; reads who signed in.
     */
    finish: async (search: URLSearchParams, flow: OidcFlow): Promise<OidcIdentity> => {
      const config = await configuration().catch((e: unknown) => {
        throw new OidcSignInFailed(`discovery: ${explain(e)}`);
      });
      // the answer as the provider addressed it: the registered redirect URI, whatever proxy
      // the request came through
      const current = new URL(redirectUri);
      current.search = search.toString();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (e) {
        throw new OidcSignInFailed(`code exchange: ${explain(e)}`);
      }
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcSignInFailed("no ID token");
      let claims: Record<string, unknown> = { ...idClaims };
      const staffClaim = settings.staff ? claimAt(claims, settings.staff.claim) : "";
      const personnelClaim = settings.personnel ? claimAt(claims, settings.personnel.claim) : "";
      const verifiedClaim = claimAt(claims, settings.emailVerifiedClaim ?? "email_verified");
      // many providers keep the profile claims for userinfo (OIDC Core §5.4)
      if (
        (claims.email === undefined ||
          staffClaim === undefined ||
          personnelClaim === undefined ||
          verifiedClaim === undefined) &&
        config.serverMetadata().userinfo_endpoint
      ) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
          claims = { ...info, ...claims };
        } catch (e) {
          throw new OidcSignInFailed(`userinfo: ${explain(e)}`);
        }
      }
      return identityOf(claims, settings);
    },
  };
};

export type OidcClient = ReturnType<typeof makeOidcClient>;

/** The flow as a cookie value (base64url JSON), and back; anything malformed is undefined. */
export const encodeFlow = (flow: OidcFlow): string =>
  Buffer.from(JSON.stringify(flow)).toString("base64url");

export const decodeFlow = (value: string | undefined): OidcFlow | undefined => {
  if (!value) return undefined;
  try {
    const f = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    const { codeVerifier, state, nonce, returnTo } = f;
    if (
      typeof codeVerifier === "string" &&
      typeof state === "string" &&
      typeof nonce === "string" &&
      typeof returnTo === "string"
    )
      return { codeVerifier, state, nonce, returnTo: safeReturnTo(returnTo) };
  } catch {
    // a malformed cookie is no flow
  }
  return undefined;
};
