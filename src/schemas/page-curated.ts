/** src/generated/curated.json: what pages need of the curated files. */
import { z } from 'astro/zod';
import { contextFigureSchema } from './budget-context.ts';
import { correctionSchema } from './corrections.ts';
import { glossaryTermSchema } from './glossary.ts';
import { populationSchema } from './population.ts';
import { searchTermsSchema } from './search-terms.ts';

export const pageCuratedSchema = z
  .object({
    /** The glossary's terms. */
    glossary: z.array(glossaryTermSchema),
    /** The population figure, if curated. */
    population: populationSchema.nullable(),
    /** Figures of the ministry's whole budget, for context beside a document's total. */
    context: z.array(contextFigureSchema),
    /** The corrections log, newest first. */
    corrections: z.array(correctionSchema),
    /** Word → reading pairs for furigana. */
    readings: z.array(z.tuple([z.string(), z.string()])),
    /** The compiled search tables (index and search page). */
    search: searchTermsSchema,
  })
  .strict();
export type CuratedForPages = z.infer<typeof pageCuratedSchema>;
