/**
 * A registry file (content/registry/<document>.yaml): the ids of one document's measures,
 * checked in like a lockfile (pipeline/ids/). Fields marked "build" are written by the build;
 * "curated" ones by hand.
 */
import { z } from 'astro/zod';
import { dateText, idSchema } from './common.ts';

export const registryEntrySchema = z
  .object({
    /** The permanent id (r7-gaisan-119). */
    id: idSchema,
    /** Build: title as last seen (the match key, normalised). Edit it to force a match. */
    title: z.string().min(1),
    /** Build: true when the title was derived from the page because the source printed none. */
    untitled: z.boolean().default(false),
    /** Build: amount signature, `own <yen>`, `part_of <fund>` or `none`. */
    amount: z
      .string()
      .regex(/^(?:own \d+|part_of .*|none)$/, 'must be "own <yen>", "part_of <fund>" or "none"'),
    /** Build: the bureau as printed. */
    bureau: z.string().nullable().default(null),
    /** Build: id of the package this measure belongs to, if any. */
    parent: idSchema.nullable().default(null),
    /** Build: start of the purpose text, to tell measures with equal titles apart. */
    purpose: z.string().default(''),
    /** Build: live while the documents print the measure, gone after. */
    status: z.enum(['live', 'gone']),
    /** Curated: the id that replaces this gone measure (linked from its tombstone page). */
    successor: idSchema.optional(),
    /** Curated: this id was merged into another; it redirects there and is never matched. */
    moved_to: idSchema.optional(),
    /** Older ids of this measure; each redirects here. */
    aliases: z.array(idSchema).optional(),
    /** Curated: why a hand edit was made. */
    note: z.string().optional(),
  })
  .strict();
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

export const registrySchema = z
  .object({
    /** The document id the file is for. */
    document: idSchema,
    /** Build: the document's title as last built (names the document once it is retired). */
    title: z.string().min(1).optional(),
    /** Build: the number of lines of its text as last built (the line anchors its source page keeps once it is retired). */
    source_lines: z.number().int().nonnegative().optional(),
    /**
     * Curated: the document has left the sources for good, on this date. Its ids become
     * tombstones and its other pages tombstone pages; without this, a registry whose source is
     * missing stops the build.
     */
    retired: dateText.optional(),
    /** Curated: why (with retired). */
    note: z.string().optional(),
    /** Curated: the document that replaces a retired one (its tombstone pages link there). */
    successor: idSchema.optional(),
    /** Build: the document now has this id (its metadata says renamed_from); every id here redirects to the same number there. */
    renamed_to: idSchema.optional(),
    /** Next number to mint; every number below it is in use for good. */
    next: z.number().int().positive(),
    /** One entry per id ever minted. */
    entries: z.array(registryEntrySchema).default([]),
  })
  .strict();
export type Registry = z.infer<typeof registrySchema>;
