/**
 * A field's message is in the reader's language, whatever found the problem: a schema's own
 * refinement, zod's kinds of issue (a number too large, a missing or unknown field), or the
 * lifecycle's checks of an action's input. "Too big: expected int to be <=9007199254740991"
 * once reached a French screen.
 */
import { semesterAt, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

interface FieldError {
  path: string;
  message: string;
}

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "field messages on %s",
  (_name, engine) => {
    let t: TestApp;
    let office: Caller;
    beforeAll(async () => {
      t = await openTestApp(engine);
      office = await t.signIn(DEMO.staff.email, DEMO.staff.password);
    });
    afterAll(async () => t?.dispose());

    /** The field errors of a refused call, read in `lang`. */
    const errorsOf = async (
      caller: Caller,
      method: string,
      path: string,
      body: unknown,
      lang: "fr" | "en",
    ): Promise<FieldError[]> => {
      const r = await t.call(caller, method, path, body, { "accept-language": lang });
      expect(r.status, await r.clone().text()).toBe(422);
      return ((await r.json()) as { errors: FieldError[] }).errors;
    };

    const aRequestIn = async (state: string): Promise<string> => {
      const queue = await t.call(office, "GET", `/api/staff/queue?state=${state}`);
      const items = ((await queue.json()) as { items: { request: { id: string } }[] }).items;
      const id = items[0]?.request.id;
      if (!id) throw new Error(`the seed has no request ${state}`);
      return id;
    };

    it("says an amount beyond every whole number is too large, in French and English", async () => {
      const id = await aRequestIn("under_review");
      const body = { action: "approve", amountCents: 1e300 };
      const path = `/api/staff/requests/${id}/decision`;
      expect(await errorsOf(office, "POST", path, body, "fr")).toEqual([
        { path: "amountCents", message: "est trop grand" },
      ]);
      expect(await errorsOf(office, "POST", path, body, "en")).toEqual([
        { path: "amountCents", message: "is too large" },
      ]);
    });

    it("says a simulation's bad date, missing field and unknown field in French", async () => {
      const situation = semesterAt({ start: "2027-02-01", end: "2027-06-30" });
      const broken = {
        ...situation,
        mobility: { ...situation.mobility, start: "2027-02-30", stay: 1 },
      };
      const { end: _end, ...noEnd } = situation.mobility;
      expect(await errorsOf(office, "POST", "/api/simulations", broken, "fr")).toEqual(
        expect.arrayContaining([
          { path: "mobility.start", message: "doit être une date écrite AAAA-MM-JJ" },
          { path: "mobility", message: 'champ inconnu : "stay"' },
        ]),
      );
      expect(
        await errorsOf(office, "POST", "/api/simulations", { ...situation, mobility: noEnd }, "fr"),
      ).toEqual([{ path: "mobility.end", message: "est obligatoire" }]);
    });

    it("says the lifecycle's refusal of an advance above the grant in the reader's language", async () => {
      const id = await aRequestIn("agreed");
      // a million euros: more than any grant of the seed
      const body = { instalment: "advance", amountCents: 100_000_000 };
      const [fr] = await errorsOf(office, "POST", `/api/staff/requests/${id}/payments`, body, "fr");
      expect(fr?.path).toBe("amountCents");
      expect(fr?.message).toMatch(/^ne doit pas dépasser les .+\s€ accordés$/);
      const [en] = await errorsOf(office, "POST", `/api/staff/requests/${id}/payments`, body, "en");
      expect(en?.message).toMatch(/^must not exceed the €.+ approved$/);
    });
  },
);
