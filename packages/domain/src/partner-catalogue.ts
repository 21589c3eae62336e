import { z } from "zod";
import { type Partner, PartnerSchema } from "./institution.ts";

/**
 * The partner catalogue as versioned data: a version (the date it was last changed) and the
 * host institutions. The loader validates every entry and refuses duplicate ids, naming the
 * entry and the field.
 */
export const PartnerCatalogueSchema = z
  .object({
    $comment: z.string().optional(),
    version: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be the date of the catalogue, YYYY-MM-DD"),
    partners: z.array(PartnerSchema),
  })
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.partners.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({
          code: "custom",
          path: ["partners", i, "id"],
          message: `duplicate partner id "${p.id}"`,
        });
      seen.add(p.id);
    });
  });

export interface PartnerCatalogue {
  readonly version: string;
  readonly partners: readonly Partner[];
}

/** @throws Error listing each invalid field as `partners.3.country: …` */
export const parsePartnerCatalogue = (data: unknown): PartnerCatalogue => {
  const parsed = PartnerCatalogueSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid partner catalogue:\n${lines.join("\n")}`);
  }
  return { version: parsed.data.version, partners: parsed.data.partners };
};
