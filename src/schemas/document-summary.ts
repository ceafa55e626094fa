/** src/generated/documents.json: one summary per source document, for the home and budget pages. */
import { z } from 'astro/zod';
import { doc } from './describe.ts';
import { budgetKindSchema } from './measure.ts';
import { sourceMetaSchema } from './source-meta.ts';

export const budgetTotalSchema = z
  .object({
    label: z
      .string()
      .describe(doc('予算の名前（数字は半角にそろえたもの）', 'The budget label as normalised.')),
    fiscal_year: z
      .number()
      .int()
      .describe(doc('予算の対象年度（西暦）', 'The fiscal year the budget is for.')),
    kind: budgetKindSchema.describe(
      doc(
        '予算の種類（supplementary、request、initial、policy）',
        'The kind of budget (supplementary, request, initial, policy).',
      ),
    ),
    measures: z
      .number()
      .int()
      .nonnegative()
      .describe(doc('この予算の施策の数', 'Measures under this budget label.')),
    // derive/totals.ts
    top_level_own_yen: z
      .number()
      .int()
      .nonnegative()
      .describe(
        doc(
          '上位の施策（ほかの施策の内訳でないもの）の金額（own）の合計（円）。内訳や内数を二重に数えない',
          'Sum in yen of the own amounts of the top-level measures: nothing is counted twice, 内数 amounts are not added.',
        ),
      ),
    top_level_own_count: z
      .number()
      .int()
      .nonnegative()
      .describe(
        doc(
          'その合計に含めた上位の施策の数',
          'How many top-level measures have an own amount (those in the sum).',
        ),
      ),
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
        measures: count.describe(doc('見つかった施策の数', 'Measures found.')),
        own: count.describe(doc('施策自体の金額があるもの', 'Measures with an own amount.')),
        part_of: count.describe(
          doc('金額が内数（part_of）のもの', 'Measures with a 内数 (part_of) amount.'),
        ),
        none: count.describe(doc('金額の記載がないもの', 'Measures with no amount printed.')),
        untitled: count.describe(
          doc(
            '名前が文字で印刷されておらず、名前を補ったもの',
            'Measures whose name was derived because none was printed as text.',
          ),
        ),
        top_level: count.describe(
          doc('ほかの施策の内訳でない施策', "Measures that are no package's part."),
        ),
        unattributed: count.describe(
          doc('どの施策にも割り当てられなかった金額の行', 'Amount lines no measure owns.'),
        ),
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
