/** src/generated/documents.json: one summary per source document, for the home and budget pages. */
import { z } from 'astro/zod';
import { budgetKindSchema } from './measure.ts';
import { sourceMetaSchema } from './source-meta.ts';

export const budgetTotalSchema = z
  .object({
    /** The budget label as normalised. */
    label: z.string(),
    /** The fiscal year the budget is for. */
    fiscal_year: z.number().int(),
    /** The kind of budget. */
    kind: budgetKindSchema,
    /** Measures under this budget label. */
    measures: z.number().int().nonnegative(),
    /** Sum of own amounts of the top-level measures (derive/totals.ts: never counted twice). */
    top_level_own_yen: z.number().int().nonnegative(),
    /** How many top-level measures have an own amount. */
    top_level_own_count: z.number().int().nonnegative(),
  })
  .strict();
export type BudgetTotal = z.infer<typeof budgetTotalSchema>;

const count = z.number().int().nonnegative();

export const documentSummarySchema = z
  .object({
    /** The document's metadata as read. */
    meta: sourceMetaSchema,
    /** Lines of its text. */
    line_count: count,
    counts: z
      .object({
        /** Measures found. */
        measures: count,
        /** …with an own amount, a 内数 (part_of) amount, or none. */
        own: count,
        part_of: count,
        none: count,
        /** Measures whose title was derived because none was printed. */
        untitled: count,
        /** Measures that are no package's part. */
        top_level: count,
        /** Amount lines no measure owns. */
        unattributed: count,
        /** Problems listed in the build summary. */
        problems: count,
      })
      .strict(),
    /** One entry per budget of the metadata (in its order), then any other label found. */
    totals: z.array(budgetTotalSchema),
    /** The 1-based line where each PDF page starts, counted from the text's page breaks (empty when the text keeps none). */
    page_starts: z.array(z.number().int().positive()),
  })
  .strict();
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
