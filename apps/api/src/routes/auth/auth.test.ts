import { testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, openTestApp, type TestApp } from "../../testing/test-app.ts";

describe.each(testEngines().map((e) => [e.name, e] as const))("sign-in on %s", (_name, engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.dispose());

  it("signs in with the demo password, gives the session and its CSRF token, and signs out", async () => {
    const student = await t.signIn(DEMO.student.email, DEMO.student.password);
    const session = await t.call(student, "GET", "/api/auth/session");
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      user: { email: DEMO.student.email, role: "student", lang: "fr" },
    });
    const withoutToken = await t.call(
      { headers: { cookie: student.headers.cookie ?? "" } },
      "POST",
      "/api/auth/sign-out",
    );
    expect(withoutToken.status).toBe(403);
    const out = await t.call(student, "POST", "/api/auth/sign-out");
    expect(out.status).toBe(204);
    expect((await t.call(student, "GET", "/api/auth/session")).status).toBe(401);
  });

  it("signs the demo student's classmates in with her password, each as themselves: the planner's cohort", async () => {
    for (const email of [
      "lucas.bernard@demo.envol.fr",
      "ines.moreau@demo.envol.fr",
      "emma.wilson@demo.envol.fr",
    ]) {
      const student = await t.signIn(email, DEMO.student.password);
      const session = await t.call(student, "GET", "/api/auth/session");
      expect(await session.json(), email).toMatchObject({ user: { email, role: "student" } });
    }
  });

  it("refuses a wrong password without telling whether the email exists, and limits failed attempts", async () => {
    const wrong = await t.call({ headers: {} }, "POST", "/api/auth/sign-in", {
      email: DEMO.staff.email,
      password: "nope",
    });
    expect(wrong.status).toBe(401);
    const unknown = await t.call({ headers: {} }, "POST", "/api/auth/sign-in", {
      email: "nobody@example.org",
      password: "nope",
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 0; i < 5; i++)
      await t.call({ headers: {} }, "POST", "/api/auth/sign-in", {
        email: "victim@example.org",
        password: `x${i}`,
      });
    const limited = await t.call({ headers: {} }, "POST", "/api/auth/sign-in", {
      email: "victim@example.org",
      password: "x",
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("900");
  });
});
