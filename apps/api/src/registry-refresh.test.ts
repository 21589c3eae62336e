/**
 * Two instances on one PostgreSQL database (ADR 020): the office saves a scheme's options from a
 * date on one; the other's cheap version check sees it and builds its registry again, and a
 * check with nothing new builds nothing. PostgreSQL only (DATABASE_URL): PGlite belongs to a
 * single process. And on one instance, on both engines: two checks at once (the save route's and
 * the periodic one) run one after the other, so the slower cannot install an older registry.
 */
import { SchemeOptions } from "@envol/db";
import { postgresEngine, testEngines } from "@envol/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EnvolRuntime, makeEnvolRuntime } from "./envol-runtime.ts";

const DATABASE_URL = process.env.DATABASE_URL;

describe.skipIf(!DATABASE_URL)("the registry across instances", () => {
  let drop: () => Promise<void>;
  let first: EnvolRuntime;
  let second: EnvolRuntime;
  beforeAll(async () => {
    const created = await postgresEngine(DATABASE_URL ?? "").create();
    drop = created.drop;
    first = makeEnvolRuntime(created.config);
    await first.loadPartners();
    second = makeEnvolRuntime(created.config);
    await second.loadPartners();
    expect(await first.refreshRegistry()).toBe(true);
    expect(await second.refreshRegistry()).toBe(true);
  });
  afterAll(async () => {
    await first?.runtime.dispose();
    await second?.runtime.dispose();
    await drop?.();
  });

  const rateOn = (envol: EnvolRuntime, start: string) =>
    envol.registry.byId.get("idf")?.periodFor(start).parameters.monthlyRate?.value;

  it("another instance builds its registry with the saved options on its next check, and only then", async () => {
    expect(await second.refreshRegistry()).toBe(false);
    await first.runtime.runPromise(
      SchemeOptions.use((s) =>
        s.save({
          scheme: "idf",
          since: "2027-09-01",
          options: {
            ...(first.registry.byId.get("idf")?.options as object),
            monthlyRateCents: 40_000,
          },
          before: first.registry.byId.get("idf")?.options,
          reason: "Vote du conseil",
          actor: { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" },
        }),
      ),
    );
    expect(rateOn(second, "2027-09-01")).toBe(45_000);
    expect(await second.refreshRegistry()).toBe(true);
    expect(rateOn(second, "2027-09-01")).toBe(40_000);
    expect(rateOn(second, "2027-08-31")).toBe(45_000);
    expect(second.appDeps.registry().byId.get("idf")?.optionsFor("2027-09-01")).toMatchObject({
      monthlyRateCents: 40_000,
    });
    expect(await second.refreshRegistry()).toBe(false);
  });
});

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "one instance's registry checks at once on %s",
  (_name, engine) => {
    let drop: () => Promise<void>;
    let envol: EnvolRuntime;
    beforeAll(async () => {
      const created = await engine.create();
      drop = created.drop;
      envol = makeEnvolRuntime(created.config);
      await envol.loadPartners();
      expect(await envol.refreshRegistry()).toBe(true);
    });
    afterAll(async () => {
      await envol?.runtime.dispose();
      await drop?.();
    });

    it("runs one after the other: the second waits for the first, then finds nothing new", async () => {
      const idf = envol.registry.byId.get("idf");
      await envol.runtime.runPromise(
        SchemeOptions.use((s) =>
          s.save({
            scheme: "idf",
            since: "2027-09-01",
            options: { ...(idf?.options as object), monthlyRateCents: 40_000 },
            before: idf?.options,
            reason: "Vote du conseil",
            actor: { kind: "staff", userId: "00000000-0000-4000-8000-000000000001" },
          }),
        ),
      );
      // both started before either read the version: run together, both would build, and the
      // one finishing last would install what it read, however old
      const built = await Promise.all([envol.refreshRegistry(), envol.refreshRegistry()]);
      expect(built).toEqual([true, false]);
      expect(
        envol.registry.byId.get("idf")?.periodFor("2027-09-01").parameters.monthlyRate?.value,
      ).toBe(40_000);
      expect(await envol.refreshRegistry()).toBe(false);
    });
  },
);
