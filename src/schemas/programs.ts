/**
 * Programs across budgets: content/registry/_programs.yaml (the slugs, minted once and kept, and
 * the measure ids each has joined) and the programs of a build in navigation.json.
 */
import { z } from 'astro/zod';
import { idSchema, listOf, SLUG_PATTERN } from './common.ts';

/** A program's slug: p- and a number, minted in order (p-001). */
export const PROGRAM_SLUG = /^p-\d{3,}$/u;
const programSlug = z
  .string()
  .regex(PROGRAM_SLUG, 'must be p- and a number of three digits or more (p-001)');

export const programEntrySchema = z
  .object({
    /** The slug of /programs/<slug>/: never changed, never reused. */
    slug: programSlug,
    /** The program's name when it was last built (for reading the file; not matched on). */
    title: z.string(),
    /** Every measure id that has been an appearance of the program (ids never change). */
    members: listOf(idSchema),
  })
  .strict();
export type ProgramEntry = z.infer<typeof programEntrySchema>;

export const programRegistrySchema = z
  .object({
    /** The number the next new program gets. */
    next: z.number().int().positive(),
    programs: listOf(programEntrySchema),
  })
  .strict();
export type ProgramRegistry = z.infer<typeof programRegistrySchema>;

export const programNavSchema = z
  .object({
    slug: z.string().regex(SLUG_PATTERN),
    /** The name of its newest appearance. */
    title: z.string(),
    /** Its appearances in this build, oldest budget first (fiscal year, then request, initial, supplementary). */
    measures: z.array(idSchema),
  })
  .strict();
export type ProgramNav = z.infer<typeof programNavSchema>;
