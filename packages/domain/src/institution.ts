import { z } from "zod";
import { KEBAB_CASE } from "./ids.ts";
import { CountryCodeSchema } from "./situation.ts";

/** A host institution of the partner catalogue (rulebook §8). */
export const PartnerSchema = z
  .strictObject({
    id: z.string().regex(KEBAB_CASE, "must be kebab-case"),
    name: z.string().min(1),
    country: CountryCodeSchema,
    city: z.string().min(1),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    /** Agreements with the home institution: `erasmus`, `ka171`, `brafitec`, `arfitec`, `mexfitec`… */
    agreements: z.array(z.string().min(1)),
  })
  .meta({ id: "Partner" });
export type Partner = z.output<typeof PartnerSchema>;

/** The home institution: the facts every scheme reads about the school itself (rulebook §0). */
export const InstitutionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  address: z.string().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** INSEE region code of the campus. */
  region: z.string().regex(/^\d{2}$/),
  /** Holds the Erasmus Charter for Higher Education. */
  eche: z.boolean(),
});
export type Institution = z.output<typeof InstitutionSchema>;
