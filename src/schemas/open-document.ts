/**
 * dist/data/documents.json: one entry per source document, what a reuser needs of
 * src/generated/documents.json (its metadata, counts and totals, and its pages), without the
 * build's internals (the text's file name, the layout family, the problem count). Each field's
 * meaning is its `.describe(doc(…))`, published in /data/schema/documents.schema.json and on
 * /data/.
 */
import { z } from 'astro/zod';
import { doc } from './describe.ts';
import { budgetTotalSchema, documentSummarySchema } from './document-summary.ts';
import { budgetKindSchema } from './measure.ts';
import { DOCUMENT_ID } from './source-meta.ts';

const documentId = z.string().regex(DOCUMENT_ID);
const count = z.number().int().nonnegative();

export const openDocumentSchema = z
  .object({
    id: documentId.describe(
      doc(
        '資料のID（半角英小文字・数字・ハイフン）。施策のIDとURLに使う。例: r7-gaisan',
        "The document's id (lowercase ASCII, digits, hyphens), used in its measures' ids and in URLs, e.g. r7-gaisan.",
      ),
    ),
    title: z
      .string()
      .min(1)
      .describe(doc('公表された資料の題名', "The document's title as published.")),
    publisher: z
      .string()
      .min(1)
      .describe(doc('公表した者（厚生労働省）', 'Who published it (厚生労働省).')),
    fiscal_year: z
      .number()
      .int()
      .describe(doc('資料が扱う年度（西暦）', 'The fiscal year the document is about.')),
    kind: budgetKindSchema.describe(
      doc(
        '資料の予算の種類（supplementary、request、initial、policy）',
        "The document's kind of budget (supplementary, request, initial, policy).",
      ),
    ),
    date: z
      .string()
      .nullable()
      .describe(
        doc(
          '公表日（YYYY-MM-DD）。わからなければ null',
          'Publication date (YYYY-MM-DD); null when not known.',
        ),
      ),
    original_url: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/u)
      .nullable()
      .describe(
        doc(
          '厚生労働省のサイトにある原資料のURL。確認できたものだけ。ほかは null',
          "URL of the published original on MHLW's site, only once checked; null otherwise.",
        ),
      ),
    original_url_checked: z
      .string()
      .nullable()
      .describe(
        doc(
          '原資料のURLを人が最後に開いて確かめた日（YYYY-MM-DD）。URLがなければ null',
          'The date a person last opened the original URL and found the document there (YYYY-MM-DD); null without a URL.',
        ),
      ),
    renamed_from: documentId
      .nullable()
      .describe(
        doc(
          '以前の資料ID。その施策のIDは新しいIDに引き継がれ、古いURLは転送される。なければ null',
          "The document's former id: its measures' ids carried over to this id and the old URLs redirect; null when none.",
        ),
      ),
    budgets: z
      .array(
        z
          .object({
            label: z
              .string()
              .min(1)
              .describe(
                doc(
                  '施策の金額の前に印刷される予算の名前',
                  "The label printed before a measure's figure.",
                ),
              ),
            fiscal_year: z
              .number()
              .int()
              .describe(doc('予算の対象年度（西暦）', 'The fiscal year the budget is for.')),
            kind: budgetKindSchema.describe(
              doc('予算の種類', 'The kind of budget the label names.'),
            ),
          })
          .strict(),
      )
      .min(1)
      .describe(
        doc(
          'この資料で施策の金額を示す予算（メタデータの順）',
          "The budgets whose amount lines introduce a measure in this document (the metadata's order).",
        ),
      ),
    page: z
      .string()
      .startsWith('/')
      .describe(
        doc(
          'この資料の施策一覧のページのパス（ベースパスを含まない）',
          "Site path of the document's page listing its measures, without the deployment base.",
        ),
      ),
    text_page: z
      .string()
      .startsWith('/')
      .describe(
        doc(
          '原資料テキストのページのパス（ベースパスを含まない）。行番号は #L120 のように指せる',
          'Site path of the source-text page, without the base; a line is #L120 on it.',
        ),
      ),
    line_count: count.describe(
      doc(
        '原資料テキストの行数（施策の行番号はこのテキストの行）',
        "Lines of the document's text (the lines measures refer to).",
      ),
    ),
    page_starts: z
      .array(z.number().int().positive())
      .describe(
        doc(
          'PDFの各ページが始まるテキストの行（1から数える）。テキストのページ区切りから数えた推定で、区切りが残っていない資料では空',
          'The 1-based line of the text where each PDF page starts, counted from the page breaks of the text (an estimate); empty when the text keeps none.',
        ),
      ),
    counts: documentSummarySchema.shape.counts
      .omit({ problems: true })
      .describe(doc('施策の数（種類別）', 'Counts of the measures found, by kind.')),
    totals: z
      .array(budgetTotalSchema)
      .describe(
        doc(
          '予算ごとの合計（メタデータの予算の順、そのあとに見つかったほかの予算）',
          "Totals per budget: the metadata's budgets in order, then any other label found.",
        ),
      ),
  })
  .strict();
export type OpenDocument = z.infer<typeof openDocumentSchema>;
