/**
 * content/corrections.yaml: the log of every correction the project makes by hand to what the
 * pages say (a curated decision in content/ that overrides what the extractor read), rendered at
 * /corrections/. Each entry: when, what changed and why, which measure ids, and the curated file
 * that holds the correction.
 */
import { z } from 'astro/zod';
import { idSchema, isoDate, listOf } from './common.ts';

const text = z.string().trim().min(1, 'must be a non-empty string');

export const correctionSchema = z
  .object({
    /** The date the correction was made (YYYY-MM-DD). */
    date: isoDate,
    /** What changed on the pages, and why, in Japanese for readers. */
    what: text,
    /** The measure ids the correction changes. */
    ids: listOf(idSchema),
    /** The curated file holding it (content/…). */
    file: z.string().regex(/^content\/[^\s]+$/, 'must be a path under content/'),
  })
  .strict();
export type Correction = z.infer<typeof correctionSchema>;

export const correctionsFileSchema = z
  .object({
    /** Newest first is how the page shows them; the file may be in any order. */
    corrections: listOf(correctionSchema),
  })
  .strict();
