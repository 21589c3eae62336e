import type { Partner, PartnerCatalogue } from "@envol/domain";
import { asc, eq } from "drizzle-orm";
import { Context, DateTime, Effect, Layer } from "effect";
import { Database } from "./database.ts";
import { partners } from "./schema/index.ts";

const view = (p: typeof partners.$inferSelect): Partner => ({
  id: p.id,
  name: p.name,
  country: p.country,
  city: p.city,
  lat: p.lat,
  lon: p.lon,
  agreements: p.agreements,
});

/** The partner catalogue in the database: seeded from the versioned file, then edited by staff. */
export class Partners extends Context.Service<
  Partners,
  {
    /** Loads a catalogue: adds the partners it lacks, keeps those staff already have (idempotent). */
    readonly seed: (catalogue: PartnerCatalogue) => Effect.Effect<number>;
    readonly list: () => Effect.Effect<readonly Partner[]>;
    readonly get: (id: string) => Effect.Effect<Partner | undefined>;
  }
>()("@envol/db/Partners") {
  static readonly layer = Layer.effect(
    Partners,
    Effect.gen(function* () {
      const { db } = yield* Database;

      const seed = Effect.fn("Partners.seed")(function* (catalogue: PartnerCatalogue) {
        const at = yield* DateTime.nowAsDate;
        if (catalogue.partners.length === 0) return 0;
        const inserted = yield* Effect.promise(() =>
          db
            .insert(partners)
            .values(
              catalogue.partners.map((p) => ({
                ...p,
                agreements: [...p.agreements],
                catalogueVersion: catalogue.version,
                updatedAt: at,
              })),
            )
            .onConflictDoNothing({ target: partners.id })
            .returning({ id: partners.id }),
        );
        return inserted.length;
      });

      const list = Effect.fn("Partners.list")(function* () {
        return (yield* Effect.promise(() =>
          db.select().from(partners).orderBy(asc(partners.id)),
        )).map(view);
      });

      const get = Effect.fn("Partners.get")(function* (id: string) {
        const row = (yield* Effect.promise(() =>
          db.select().from(partners).where(eq(partners.id, id)),
        ))[0];
        return row ? view(row) : undefined;
      });

      return Partners.of({ seed, list, get });
    }),
  );
}
