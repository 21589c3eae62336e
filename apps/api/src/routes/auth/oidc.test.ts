/**
 * Single sign-on end to end over real HTTP: a local OpenID provider (oidc-provider) and the API
 * (@hono/node-server) each on a port of 127.0.0.1, a "browser" that follows every redirect itself
 * and keeps each origin's cookies.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Users } from "@envol/db";
import { testEngines } from "@envol/db/testing";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppDeps, createApp } from "../../app.ts";
import {
  identityOf,
  makeOidcClient,
  type OidcSettings,
  oidcSettingsOf,
  roleOf,
  safeReturnTo,
} from "../../lib/oidc-client.ts";
import { DEMO, openTestApp, type TestApp, TODAY } from "../../testing/test-app.ts";

// ---------------------------------------------------------------- the local OpenID provider

/** The little of oidc-provider this test uses (the package ships no types). */
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ uid: string; prompt: { name: string } }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => Provider;
interface GrantContext {
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    params: { scope: string };
    result?: { consent?: { grantId?: string } };
    provider: {
      Grant: {
        new (init: {
          clientId: string;
          accountId: string;
        }): {
          addOIDCScope(scope: string): void;
          save(): Promise<string>;
        };
        find(id: string): Promise<unknown>;
      };
    };
  };
}

// a variable specifier: the package has no types, this keeps it `any` at one place
const PROVIDER_MODULE = "oidc-provider";
const { default: ProviderCtor } = (await import(PROVIDER_MODULE)) as { default: ProviderClass };

const CLIENT = { id: "envol", secret: "a-client-secret-of-the-tests" };
const STAFF_GROUP = "dri-envol";

/** The school's directory: what the provider says of each account (its `sub` is the key). */
const directory = new Map<string, Record<string, unknown>>([
  [
    "u-ada",
    {
      email: "Ada.Lovelace@etu.example.edu",
      email_verified: true,
      name: "Ada Lovelace",
      groups: ["etudiants"],
    },
  ],
  [
    "u-grace",
    {
      email: "grace.hopper@example.edu",
      email_verified: true,
      name: "Grace Hopper",
      groups: ["personnels", STAFF_GROUP],
    },
  ],
  // an address the school gave again to someone else: Ada's, with another subject
  [
    "u-recycled",
    { email: "ada.lovelace@etu.example.edu", email_verified: true, name: "Ada Bis", groups: [] },
  ],
  [
    "u-unverified",
    { email: "eve@example.org", email_verified: false, name: "Eve", groups: [STAFF_GROUP] },
  ],
  // a provider that says nothing of the address: neither a new account nor a link by email
  ["u-silent", { email: "mallory@example.org", name: "Mallory", groups: [] }],
  // the office's demo account's address, not vouched for: must not take that account over
  ["u-takeover", { email: "dri@demo.envol.fr", name: "Not the office", groups: [STAFF_GROUP] }],
  // the seeded demo student, now coming through the school's SSO
  ["u-demo", { email: DEMO.student.email, email_verified: true, given_name: "Démo", groups: [] }],
]);

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
const close = (server: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });

const formOf = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
};

/**
 * The provider, with its sign-in page replaced by a form the test posts (`account`, or
 * `deny=1` to refuse), and consent granted at once (Envol is the school's own client).
 */
const startProvider = async (server: Server, issuer: string, redirectUri: string) => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new ProviderCtor(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig" }] },
    cookies: { keys: ["cookie-key-of-the-tests"] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "locale"],
      groups: ["groups"],
    },
    features: { devInteractions: { enabled: false } },
    // set, so the provider does not print a notice for each default it uses
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const claims = directory.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
    loadExistingGrant: async (ctx: GrantContext) => {
      const { Grant } = ctx.oidc.provider;
      const id =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (id) return Grant.find(id);
      const grant = new Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on("request", async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    if (!path.startsWith("/interaction/")) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === "GET") {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
      }
      const form = await formOf(req);
      const result = form.get("deny")
        ? { error: "access_denied", error_description: "the user said no" }
        : { login: { accountId: form.get("account") } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  return provider;
};

// ---------------------------------------------------------------- a browser

interface Hop {
  readonly url: URL;
  readonly status: number;
  readonly location?: URL;
  readonly setCookies: readonly string[];
}

/** Follows redirects by hand, keeping each origin's cookies like a browser would. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  /** `headers`: sent with every request (the browser's Accept-Language). */
  constructor(readonly headers: Record<string, string> = {}) {}

  cookiesOf(origin: string): Map<string, string> {
    let cookies = this.jar.get(origin);
    if (!cookies) {
      cookies = new Map();
      this.jar.set(origin, cookies);
    }
    return cookies;
  }

  async request(url: URL, init: RequestInit = {}): Promise<Hop & { body: string }> {
    const cookies = this.cookiesOf(url.origin);
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...this.headers,
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const gone = attributes.some(
        (a) =>
          /^max-age=0$/i.test(a) ||
          (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()),
      );
      if (gone || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    const location = response.headers.get("location");
    return {
      url,
      status: response.status,
      ...(location ? { location: new URL(location, url) } : {}),
      setCookies,
      body: await response.text(),
    };
  }

  /** GETs `url` and follows the redirects while `keepGoing` says so; returns every hop. */
  async follow(url: URL, keepGoing: (next: URL) => boolean): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: URL | undefined = url;
    while (next) {
      const hop = await this.request(next);
      hops.push(hop);
      if (hops.length > 20) throw new Error("redirect loop");
      next = hop.location && keepGoing(hop.location) ? hop.location : undefined;
    }
    return hops;
  }
}

// ---------------------------------------------------------------- the tests

describe("returnTo and the staff claim", () => {
  it("keeps only paths of this site", () => {
    expect(safeReturnTo("/applications/12?tab=docs#top")).toBe("/applications/12?tab=docs#top");
    for (const evil of [
      "https://evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "/\\/evil.example",
      "javascript:alert(1)",
      "/\tevil",
      "/ok\r\nSet-Cookie: x=1",
      "evil.example",
      "",
      undefined,
      `/${"a".repeat(2000)}`,
    ]) {
      expect(safeReturnTo(evil)).toBe("/");
    }
  });

  it("recognises staff by the configured claim, nested or not, string or list", () => {
    const staff = { claim: "groups", values: ["dri"] };
    expect(roleOf({ groups: ["x", "dri"] }, staff)).toBe("staff");
    expect(roleOf({ groups: "dri" }, staff)).toBe("staff");
    expect(roleOf({ groups: ["drix"] }, staff)).toBe("student");
    expect(roleOf({}, staff)).toBe("student");
    expect(roleOf({ groups: ["dri"] }, undefined)).toBe("student");
    expect(
      roleOf(
        { realm_access: { roles: ["dri"] } },
        { claim: "realm_access.roles", values: ["dri"] },
      ),
    ).toBe("staff");
  });

  it("recognises the school's personnel by their own claim's values; staff wins over them", () => {
    const staff = { claim: "groups", values: ["dri"] };
    const personnel = { claim: "eduPersonAffiliation", values: ["faculty", "employee"] };
    expect(roleOf({ eduPersonAffiliation: ["member", "faculty"] }, staff, personnel)).toBe(
      "personnel",
    );
    expect(roleOf({ eduPersonAffiliation: "employee" }, undefined, personnel)).toBe("personnel");
    expect(roleOf({ eduPersonAffiliation: ["student"] }, staff, personnel)).toBe("student");
    // the office's members are employees too: they sign in as the office
    expect(roleOf({ groups: ["dri"], eduPersonAffiliation: ["employee"] }, staff, personnel)).toBe(
      "staff",
    );
    expect(roleOf({ eduPersonAffiliation: ["faculty"] }, staff)).toBe("student");
  });

  it("reads whether the address is verified from email_verified, or from the configured claim", () => {
    const base = { sub: "s", email: "a@example.edu" };
    const verified = (claims: Record<string, unknown>, claim?: string) =>
      identityOf({ ...base, ...claims }, claim ? { emailVerifiedClaim: claim } : {}).emailVerified;
    expect(verified({ email_verified: true })).toBe(true);
    expect(verified({ email_verified: false })).toBe(false);
    expect(verified({})).toBe(false);
    // a provider that writes it as a string (some do)
    expect(verified({ email_verified: "true" })).toBe(true);
    expect(verified({ email_verified: "yes" })).toBe(false);
    // a provider that vouches in a claim of its own, nested or not
    expect(verified({ school: { mail_checked: true } }, "school.mail_checked")).toBe(true);
    expect(verified({ email_verified: true }, "school.mail_checked")).toBe(false);
  });

  it("reads the settings from the configuration, off unless complete", () => {
    expect(oidcSettingsOf({ OIDC_ISSUER: "https://sso.example.edu" })).toBeUndefined();
    const sso = {
      OIDC_ISSUER: "https://sso.example.edu/realms/school",
      OIDC_CLIENT_ID: "envol",
      OIDC_CLIENT_SECRET: "s",
    };
    expect(() => oidcSettingsOf(sso)).toThrow(/PUBLIC_URL/);
    expect(
      oidcSettingsOf({ ...sso, PUBLIC_URL: "https://envol.example", OIDC_STAFF_VALUES: "dri, ri" }),
    ).toEqual({
      emailVerifiedClaim: "email_verified",
      issuer: "https://sso.example.edu/realms/school",
      clientId: "envol",
      clientSecret: "s",
      redirectUri: "https://envol.example/api/auth/oidc/callback",
      staff: { claim: "groups", values: ["dri", "ri"] },
    });
    expect(oidcSettingsOf({ ...sso, PUBLIC_URL: "https://envol.example" })?.staff).toBeUndefined();
    expect(
      oidcSettingsOf({
        ...sso,
        PUBLIC_URL: "https://envol.example",
        OIDC_PERSONNEL_CLAIM: "eduPersonAffiliation",
        OIDC_PERSONNEL_VALUES: "faculty, employee",
      })?.personnel,
    ).toEqual({ claim: "eduPersonAffiliation", values: ["faculty", "employee"] });
    expect(
      oidcSettingsOf({ ...sso, PUBLIC_URL: "https://envol.example" })?.personnel,
    ).toBeUndefined();
    expect(
      oidcSettingsOf({
        ...sso,
        PUBLIC_URL: "https://envol.example",
        OIDC_EMAIL_VERIFIED_CLAIM: "school.mail_checked",
      })?.emailVerifiedClaim,
    ).toBe("school.mail_checked");
  });

  it("refuses a plain-http issuer unless it is on the loopback and allowed", () => {
    const base = {
      clientId: "c",
      clientSecret: "s",
      redirectUri: "https://envol.example/api/auth/oidc/callback",
    };
    expect(() => makeOidcClient({ ...base, issuer: "http://sso.example.edu" })).toThrow(/https/);
    expect(() =>
      makeOidcClient({ ...base, issuer: "http://sso.example.edu", allowHttpOnLoopback: true }),
    ).toThrow(/https/);
    expect(() => makeOidcClient({ ...base, issuer: "http://127.0.0.1:9" })).toThrow(/https/);
    expect(() =>
      makeOidcClient({ ...base, issuer: "http://127.0.0.1:9", allowHttpOnLoopback: true }),
    ).not.toThrow();
    expect(() => makeOidcClient({ ...base, issuer: "https://sso.example.edu" })).not.toThrow();
  });
});

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "single sign-on on %s",
  (_name, engine) => {
    let t: TestApp;
    const providerServer = createServer();
    let apiServer: Server | undefined;
    let api: URL;
    let issuer: URL;

    beforeAll(async () => {
      // both ports first: the provider registers the API's callback, the API knows the issuer
      issuer = new URL(`http://127.0.0.1:${await listen(providerServer)}`);
      let appFetch: ((request: Request, env: unknown) => Response | Promise<Response>) | undefined;
      const apiPort = await new Promise<number>((resolve) => {
        apiServer = serve(
          {
            fetch: (request, env) =>
              appFetch ? appFetch(request, env) : new Response(null, { status: 503 }),
            port: 0,
            hostname: "127.0.0.1",
          },
          (info) => resolve(info.port),
        ) as Server;
      });
      api = new URL(`http://127.0.0.1:${apiPort}`);
      const redirectUri = new URL("/api/auth/oidc/callback", api).href;
      await startProvider(providerServer, issuer.href.replace(/\/$/, ""), redirectUri);
      const oidc: OidcSettings = {
        issuer: issuer.href.replace(/\/$/, ""),
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        redirectUri,
        scope: "openid email profile groups",
        staff: { claim: "groups", values: [STAFF_GROUP] },
        allowHttpOnLoopback: true,
      };
      t = await openTestApp(engine, { oidc });
      appFetch = (request, env) => t.app.fetch(request, env);
    }, 30_000);

    afterAll(async () => {
      await close(apiServer);
      await close(providerServer);
      await t?.dispose();
    });

    /** The flow up to the provider's sign-in form: the hops, and the form's address. */
    const toProviderForm = async (browser: Browser, returnTo: string) => {
      const start = new URL("/api/auth/oidc/start", api);
      start.searchParams.set("returnTo", returnTo);
      const hops = await browser.follow(start, (next) => next.origin === issuer.origin);
      const form = hops.at(-1);
      expect(form?.status).toBe(200);
      expect(form?.url.pathname).toMatch(/^\/interaction\//);
      return { hops, form: form?.url as URL };
    };

    /**
     * Signs in at the provider as `account` and follows the redirects until the API's callback
     * answers; returns the callback's answer (the redirect stops there).
     */
    const signInAs = async (
      account: string,
      returnTo = "/",
      browser = new Browser(),
      // what the browser does with the provider's redirect to the callback (tamper with it)
      alter: (callback: URL) => URL = (u) => u,
    ) => {
      const { hops: startHops, form } = await toProviderForm(browser, returnTo);
      const posted = await browser.request(form, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ account }).toString(),
      });
      expect(posted.status).toBe(303);
      const hops = await browser.follow(
        posted.location as URL,
        (next) => next.origin === issuer.origin,
      );
      const toCallback = hops.at(-1)?.location;
      expect(toCallback?.origin).toBe(api.origin);
      expect(toCallback?.pathname).toBe("/api/auth/oidc/callback");
      const callback = await browser.request(alter(toCallback as URL));
      return { browser, startHops, callback };
    };

    const sessionOf = async (browser: Browser) => {
      const r = await browser.request(new URL("/api/auth/session", api));
      return { status: r.status, body: r.status === 200 ? JSON.parse(r.body) : undefined };
    };

    it("starts with PKCE, state and nonce, keeping them in a short-lived HttpOnly cookie", async () => {
      const browser = new Browser();
      const start = new URL("/api/auth/oidc/start?returnTo=/applications", api);
      const r = await browser.request(start);
      expect(r.status).toBe(302);
      const to = r.location as URL;
      expect(to.origin).toBe(issuer.origin);
      expect(Object.fromEntries(to.searchParams)).toMatchObject({
        client_id: CLIENT.id,
        response_type: "code",
        redirect_uri: new URL("/api/auth/oidc/callback", api).href,
        code_challenge_method: "S256",
        scope: "openid email profile groups",
      });
      for (const p of ["code_challenge", "state", "nonce"])
        expect(to.searchParams.get(p)?.length).toBeGreaterThanOrEqual(43);
      const flow = r.setCookies.find((c) => c.startsWith("envol_oidc="));
      expect(flow).toMatch(/HttpOnly/i);
      expect(flow).toMatch(/SameSite=Lax/i);
      expect(flow).toMatch(/Max-Age=600/i);
      expect(flow).not.toMatch(/Secure/i);
      // the verifier itself never goes to the provider
      const kept = JSON.parse(
        Buffer.from(browser.cookiesOf(api.origin).get("envol_oidc") ?? "", "base64url").toString(),
      );
      expect(to.href).not.toContain(kept.codeVerifier);
      expect(kept).toMatchObject({
        state: to.searchParams.get("state"),
        returnTo: "/applications",
      });
    });

    it("signs a student in: session cookie, the student's role, back to returnTo", async () => {
      const { browser, callback } = await signInAs("u-ada", "/applications?tab=docs");
      expect(callback.status).toBe(302);
      expect(callback.location?.href).toBe(new URL("/applications?tab=docs", api).href);
      const cookie = callback.setCookies.find((c) => c.startsWith("envol_session="));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      // the flow's cookie is spent
      expect(browser.cookiesOf(api.origin).has("envol_oidc")).toBe(false);
      const session = await sessionOf(browser);
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({
        user: { email: "ada.lovelace@etu.example.edu", name: "Ada Lovelace", role: "student" },
      });
      expect(session.body.csrfToken).toEqual(expect.any(String));
    });

    it("signs a staff member in with the staff role, and the role follows the provider", async () => {
      const first = await signInAs("u-grace");
      expect(first.callback.location?.pathname).toBe("/");
      const staff = await sessionOf(first.browser);
      expect(staff.body.user).toMatchObject({ email: "grace.hopper@example.edu", role: "staff" });
      // the staff-only queue opens
      const queue = await first.browser.request(new URL("/api/staff/queue", api));
      expect(queue.status).not.toBe(401);
      expect(queue.status).not.toBe(403);

      // a second sign-in, from another browser, is the same user
      const again = await signInAs("u-grace");
      const same = await sessionOf(again.browser);
      expect(same.body.user.id).toBe(staff.body.user.id);

      // out of the office's group at the provider: a student at the next sign-in
      const grace = directory.get("u-grace") as Record<string, unknown>;
      directory.set("u-grace", { ...grace, groups: ["personnels"], name: "Grace B. Hopper" });
      try {
        const later = await signInAs("u-grace");
        const demoted = await sessionOf(later.browser);
        expect(demoted.body.user).toMatchObject({
          id: staff.body.user.id,
          role: "student",
          name: "Grace B. Hopper",
        });
      } finally {
        directory.set("u-grace", grace);
      }
    });

    it("reuses the user at the second sign-in", async () => {
      const one = await sessionOf((await signInAs("u-ada")).browser);
      const two = await sessionOf((await signInAs("u-ada")).browser);
      expect(two.body.user.id).toBe(one.body.user.id);
      const stored = await t.runtime.runPromise(Users.use((u) => u.get(one.body.user.id)));
      expect(stored?.email).toBe("ada.lovelace@etu.example.edu");
      // a new address at the school: still Ada, with it
      const ada = directory.get("u-ada") as Record<string, unknown>;
      directory.set("u-ada", { ...ada, email: "ada.king@etu.example.edu" });
      try {
        const three = await sessionOf((await signInAs("u-ada")).browser);
        expect(three.body.user).toMatchObject({
          id: one.body.user.id,
          email: "ada.king@etu.example.edu",
        });
      } finally {
        directory.set("u-ada", ada);
      }
      const four = await sessionOf((await signInAs("u-ada")).browser);
      expect(four.body.user).toMatchObject({
        id: one.body.user.id,
        email: "ada.lovelace@etu.example.edu",
      });
    });

    it("links the school's SSO to an existing account of the same email", async () => {
      const byPassword = await t.signIn(DEMO.student.email, DEMO.student.password);
      const { browser, callback } = await signInAs("u-demo");
      expect(callback.location?.pathname).toBe("/");
      expect((await sessionOf(browser)).body.user).toMatchObject({
        id: byPassword.userId,
        role: "student",
        name: "Démo",
      });
    });

    it("refuses a tampered state, and the flow cannot be replayed", async () => {
      let genuine: URL | undefined;
      const { browser, callback } = await signInAs("u-ada", "/x", new Browser(), (u) => {
        genuine = new URL(u);
        const tampered = new URL(u);
        tampered.searchParams.set("state", `${u.searchParams.get("state")}x`);
        return tampered;
      });
      expect(callback.status).toBe(302);
      expect(callback.location?.href).toBe(new URL("/?signin=failed", api).href);
      expect(callback.setCookies.some((c) => c.startsWith("envol_session="))).toBe(false);
      expect((await sessionOf(browser)).status).toBe(401);
      // the genuine answer afterwards: the flow was spent by the failed attempt
      const replay = await browser.request(genuine as URL);
      expect(replay.location?.search).toBe("?signin=failed");
      expect((await sessionOf(browser)).status).toBe(401);
    });

    it("refuses an answer this browser did not ask for (login CSRF)", async () => {
      // the attacker's own sign-in, whose callback link a victim is made to open
      let link: URL | undefined;
      await signInAs("u-grace", "/", new Browser(), (u) => {
        link = u;
        return new URL("/api/health", api);
      });
      const victim = new Browser();
      const r = await victim.request(link as URL);
      expect(r.location?.search).toBe("?signin=failed");
      expect((await sessionOf(victim)).status).toBe(401);
    });

    it("does not follow returnTo outside the site", async () => {
      for (const evil of ["https://evil.example", "//evil.example/path", "/\\evil.example"]) {
        const { browser, callback } = await signInAs("u-ada", evil);
        expect(callback.status).toBe(302);
        expect(callback.location?.href).toBe(new URL("/", api).href);
        expect((await sessionOf(browser)).status).toBe(200);
      }
    });

    it("fails cleanly when the user refuses at the provider", async () => {
      const browser = new Browser();
      const { form } = await toProviderForm(browser, "/x");
      const posted = await browser.request(form, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "deny=1",
      });
      const hops = await browser.follow(
        posted.location as URL,
        (next) => next.origin === issuer.origin || next.pathname.startsWith("/api/auth/oidc/"),
      );
      const callback = hops.at(-1) as Hop;
      expect(callback.url.searchParams.get("error")).toBe("access_denied");
      expect(callback.location?.search).toBe("?signin=failed");
      expect((await sessionOf(browser)).status).toBe(401);
    });

    it("refuses an address that belongs to another SSO identity", async () => {
      await signInAs("u-ada");
      const recycled = await signInAs("u-recycled");
      expect(recycled.callback.location?.search).toBe("?signin=failed");
      expect((await sessionOf(recycled.browser)).status).toBe(401);
    });

    /** The callback's refusal of an address the provider does not vouch for, in `lang`. */
    const expectUnverified = async (
      r: Awaited<ReturnType<typeof signInAs>>,
      email: string,
      lang: "fr" | "en",
    ) => {
      expect(r.callback.status).toBe(403);
      expect(r.callback.setCookies.some((c) => c.includes("envol_session="))).toBe(false);
      const problem = JSON.parse(r.callback.body);
      expect(problem).toMatchObject({
        type: expect.stringMatching(/email-not-verified$/),
        status: 403,
        title:
          lang === "fr"
            ? "Adresse e-mail non vérifiée par l'authentification unique"
            : "E-mail address not verified by single sign-on",
      });
      expect(problem.detail).toContain(email);
      expect((await sessionOf(r.browser)).status).toBe(401);
    };

    it("creates no account for an address the provider says is unverified, or says nothing of", async () => {
      await expectUnverified(await signInAs("u-unverified"), "eve@example.org", "fr");
      await expectUnverified(await signInAs("u-silent"), "mallory@example.org", "fr");
      for (const email of ["eve@example.org", "mallory@example.org"])
        expect(await t.runtime.runPromise(Users.use((u) => u.findByEmail(email)))).toBeUndefined();
    });

    it("does not link an existing account by an address the provider does not vouch for", async () => {
      const before = await t.runtime.runPromise(Users.use((u) => u.findByEmail(DEMO.staff.email)));
      const english = new Browser({ "accept-language": "en" });
      await expectUnverified(await signInAs("u-takeover", "/", english), DEMO.staff.email, "en");
      // the office's account is untouched, and its password still opens it
      const after = await t.runtime.runPromise(Users.use((u) => u.findByEmail(DEMO.staff.email)));
      expect(after).toEqual(before);
      expect((await t.signIn(DEMO.staff.email, DEMO.staff.password)).userId).toBe(before?.id);
    });

    it("still signs in a user already bound to the subject, without taking an unverified new address", async () => {
      const one = await sessionOf((await signInAs("u-ada")).browser);
      const ada = directory.get("u-ada") as Record<string, unknown>;
      const { email_verified: _, ...silent } = ada;
      directory.set("u-ada", { ...silent, email: "ada.elsewhere@example.org" });
      try {
        const two = await sessionOf((await signInAs("u-ada")).browser);
        expect(two.body.user).toMatchObject({
          id: one.body.user.id,
          email: "ada.lovelace@etu.example.edu",
        });
      } finally {
        directory.set("u-ada", ada);
      }
    });

    it("answers 404 when single sign-on is not configured, and uses __Host- and Secure over https", async () => {
      const deps: AppDeps = {
        registry: () => t.registry,
        partners: async () => [],
        ready: async () => true,
        today: () => TODAY,
        run: (effect) => t.runtime.runPromiseExit(effect),
      };
      const off = createApp(deps);
      for (const path of ["/api/auth/oidc/start", "/api/auth/oidc/callback?code=x&state=y"]) {
        const r = await off.request(path);
        expect(r.status).toBe(404);
        expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      }
      const secure = createApp(
        {
          ...deps,
          oidc: {
            issuer: issuer.href.replace(/\/$/, ""),
            clientId: CLIENT.id,
            clientSecret: CLIENT.secret,
            redirectUri: "https://envol.example/api/auth/oidc/callback",
            allowHttpOnLoopback: true,
          },
        },
        { https: true },
      );
      const r = await secure.request("https://envol.example/api/auth/oidc/start");
      expect(r.status).toBe(302);
      const flow = r.headers.getSetCookie().find((c) => c.startsWith("__Host-envol_oidc="));
      expect(flow).toMatch(/Secure/i);
      expect(flow).toMatch(/Path=\//i);
    });

    it("answers 503 when the provider cannot be reached", async () => {
      const down = createServer();
      const port = await listen(down);
      await close(down);
      const app = createApp({
        registry: () => t.registry,
        partners: async () => [],
        ready: async () => true,
        today: () => TODAY,
        run: (effect) => t.runtime.runPromiseExit(effect),
        oidc: {
          issuer: `http://127.0.0.1:${port}`,
          clientId: "c",
          clientSecret: "s",
          redirectUri: "http://127.0.0.1/api/auth/oidc/callback",
          allowHttpOnLoopback: true,
        },
      });
      const r = await app.request("/api/auth/oidc/start");
      expect(r.status).toBe(503);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    });
  },
);
