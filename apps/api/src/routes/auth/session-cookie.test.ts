/**
 * The session cookie over real HTTP: `__Host-envol_session` (Secure, Path=/, no Domain) when the
 * site is served over https, so that no other subdomain of the school can set or shadow it;
 * plain `envol_session` over http (development), since browsers refuse `__Host-` without Secure.
 * The server is the API behind a TLS-terminating proxy, as in production: plain HTTP here.
 */
import type { Server } from "node:http";
import { testEngines } from "@envol/db/testing";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

const listen = (t: TestApp) =>
  new Promise<{ server: Server; url: string }>((resolve) => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    ) as Server;
  });

const attributesOf = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "the session cookie on %s",
  (_name, engine) => {
    describe.each([
      { https: true, name: "__Host-envol_session", other: "envol_session" },
      { https: false, name: "envol_session", other: "__Host-envol_session" },
    ])("over https: $https", ({ https, name, other }) => {
      let t: TestApp;
      let server: Server;
      let url: string;
      beforeAll(async () => {
        t = await openTestApp(engine, { https });
        ({ server, url } = await listen(t));
      });
      afterAll(async () => {
        server?.closeAllConnections();
        await new Promise((resolve) => server?.close(resolve));
        await t?.dispose();
      });

      const signIn = async () => {
        const r = await fetch(`${url}/api/auth/sign-in`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: DEMO.student.email, password: DEMO.student.password }),
        });
        expect(r.status).toBe(200);
        const [cookie] = r.headers.getSetCookie();
        const { csrfToken } = (await r.json()) as { csrfToken: string };
        return { cookie: cookie ?? "", csrfToken };
      };

      it(`is named ${name}, HttpOnly, SameSite=Lax${https ? ", Secure, Path=/ and no Domain" : ", not Secure"}`, async () => {
        const { cookie } = await signIn();
        expect(cookie.startsWith(`${name}=`)).toBe(true);
        const attributes = attributesOf(cookie);
        expect(attributes).toContain("httponly");
        expect(attributes).toContain("samesite=lax");
        expect(attributes).toContain("path=/");
        expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
        expect(attributes.includes("secure")).toBe(https);
      });

      it(`opens the session under ${name} only, and signing out clears that cookie`, async () => {
        const { cookie, csrfToken } = await signIn();
        const token = cookie.split(";")[0]?.split("=")[1] ?? "";
        const session = (cookieName: string) =>
          fetch(`${url}/api/auth/session`, { headers: { cookie: `${cookieName}=${token}` } });
        expect((await session(name)).status).toBe(200);
        // the same token under the other name is no session (a subdomain's cookie is not ours)
        expect((await session(other)).status).toBe(401);

        const out = await fetch(`${url}/api/auth/sign-out`, {
          method: "POST",
          headers: { cookie: `${name}=${token}`, "x-csrf-token": csrfToken },
        });
        expect(out.status).toBe(204);
        const [cleared] = out.headers.getSetCookie();
        expect(cleared?.startsWith(`${name}=;`)).toBe(true);
        expect(attributesOf(cleared ?? "")).toContain("max-age=0");
        expect(attributesOf(cleared ?? "").includes("secure")).toBe(https);
        expect((await session(name)).status).toBe(401);
      });
    });
  },
);
