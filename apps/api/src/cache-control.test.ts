/**
 * Answers about someone are never stored by a cache (issue #10, item 11): every answer to a
 * signed-in or partner request, and every answer under /api/auth, /api/me, /api/applications,
 * /api/staff and /api/partner, carries `Cache-Control: no-store`, errors included. Over real
 * HTTP, as @hono/node-server writes them.
 */
import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Listening, listen } from "./testing/listen.ts";
import { ANONYMOUS, type Caller, DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "Cache-Control over HTTP on %s",
  (_name, engine) => {
    let t: TestApp;
    let http: Listening;
    let student: Caller;
    let staff: Caller;
    let partner: Caller;

    const get = (caller: Caller, path: string) =>
      fetch(`${http.url}${path}`, { headers: caller.headers });

    beforeAll(async () => {
      t = await openTestApp(engine);
      http = await listen(t.app);
      student = await t.signIn(DEMO.student.email, DEMO.student.password);
      staff = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      partner = await t.partner("tu-berlin");
    });
    afterAll(async () => {
      await http?.close();
      await t?.dispose();
    });

    it.each([
      ["the student", "/api/applications", 200],
      ["the student", "/api/auth/session", 200],
      ["the student", "/api/me/export", 200],
      ["the staff", "/api/staff/queue", 200],
      ["the staff", "/api/staff/budgets", 200],
      ["a partner", "/api/partner/v1/omobilities", 200],
      ["nobody", "/api/staff/queue", 401],
      ["nobody", "/api/partner/v1/omobilities", 401],
      ["nobody", "/api/auth/session", 401],
      ["the student", "/api/staff/queue", 403],
      ["the student", "/api/schemes", 200],
      ["the staff", "/api/no-such-route", 404],
    ] as const)("%s: GET %s → %i, not stored", async (who, path, status) => {
      const callers = {
        "the student": student,
        "the staff": staff,
        "a partner": partner,
        nobody: ANONYMOUS,
      };
      const r = await get(callers[who], path);
      expect(r.status).toBe(status);
      expect(r.headers.get("cache-control")).toMatch(/(^|, *)no-store(,|$)/);
    });

    it("a sign-in's answer, which sets the session cookie, is not stored", async () => {
      const r = await fetch(`${http.url}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: DEMO.student.email, password: DEMO.student.password }),
      });
      expect(r.status).toBe(200);
      expect(r.headers.get("set-cookie")).toBeTruthy();
      expect(r.headers.get("cache-control")).toBe("no-store");
    });

    it("the public catalogue, asked by nobody, stays cacheable", async () => {
      const r = await get(ANONYMOUS, "/api/schemes");
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control") ?? "").not.toMatch(/no-store/);
    });
  },
);
