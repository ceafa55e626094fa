/** src/generated/retired.json: documents that left the sources; their pages stay as tombstones. */
import { z } from 'astro/zod';

export const retiredDocumentSchema = z
  .object({
    /** The document id. */
    document: z.string(),
    /** Its registry file. */
    file: z.string(),
    /** How many ids it registered. */
    ids: z.number().int().nonnegative(),
    /** The title as last built, when the registry knows it. */
    title: z.string().nullable(),
    /** Lines of its text as last built (0: unknown): its source page keeps that many line anchors. */
    lines: z.number().int().nonnegative(),
    /** Date it was retired (null: renamed). */
    retired: z.string().nullable(),
    /** Why, as curated. */
    note: z.string().nullable(),
    /** The document that replaces it: curated for a retired one, the new id of a renamed one. */
    successor: z.string().nullable(),
    /** The new id of a renamed document. */
    renamedTo: z.string().nullable(),
  })
  .strict();
export type RetiredDocument = z.infer<typeof retiredDocumentSchema>;
