/**
 * The measure record: one per measure, the single source of truth for its MDX page (as
 * frontmatter, checked by the content collection), the open data and every list of the site.
 * Each field's meaning, in Japanese and English, is its `.describe(doc(…))`: published in
 * /data/schema/ and on the /data/ page.
 */
import { z } from 'astro/zod';
import { doc } from './describe.ts';

/** What kind of budget a label names (補正予算, 概算要求, 当初予算) or a policy document. */
export const budgetKindSchema = z.enum(['supplementary', 'request', 'initial', 'policy']);
export type BudgetKind = z.infer<typeof budgetKindSchema>;
export const BUDGET_KINDS: readonly BudgetKind[] = budgetKindSchema.options;

/** own: the measure's own figure; part_of: 「…の内数」 of a larger pot; none: no figure printed. */
export const amountKindSchema = z.enum(['own', 'part_of', 'none']);
export type AmountKind = z.infer<typeof amountKindSchema>;

/** A 1-based line of the source text. */
export const lineNumberSchema = z.number().int().positive();

export const budgetSchema = z.object({
  label: z
    .string()
    .describe(
      doc(
        '予算の名前（数字は半角にそろえたもの）。例: 令和6年度補正予算案',
        'Normalised budget label, e.g. 令和6年度補正予算案 (half-width digits).',
      ),
    ),
  fiscal_year: z
    .number()
    .int()
    .describe(
      doc(
        '予算の対象年度（西暦）。令和6年度なら 2024',
        'The fiscal year the budget is for (2024 for 令和6年度).',
      ),
    ),
  kind: budgetKindSchema.describe(
    doc(
      '予算の種類: supplementary（補正予算）、request（概算要求）、initial（当初予算）、policy（政策資料）',
      'The kind of budget the label names: supplementary, request (budget request), initial, or policy (a policy document).',
    ),
  ),
});
export type Budget = z.infer<typeof budgetSchema>;

export const amountSchema = z.object({
  yen: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe(
      doc(
        '金額（円、整数）。kind が own のときだけ。ほかは null',
        'The amount in yen (integer), only for kind "own"; null otherwise.',
      ),
    ),
  kind: amountKindSchema.describe(
    doc(
      '金額の種類: own（この施策の金額）、part_of（より大きな予算の内数）、none（金額の記載なし）',
      "Whether the figure is the measure's own (own), a part of a larger pot (part_of, 「…の内数」), or absent (none).",
    ),
  ),
  text: z
    .string()
    .describe(
      doc(
        '資料に印刷された金額の表記（同じ行にあれば予算の名前も含む）',
        'The amount expression as printed (with the budget label when it was on the same line).',
      ),
    ),
  prior_yen: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe(
      doc(
        'かっこ書きの前年度当初予算額（概算要求などで印刷されたもの。円、整数）。なければ null',
        'The parenthesised prior-year initial budget (printed in budget requests), integer yen; null when none.',
      ),
    ),
  fund: z
    .string()
    .nullable()
    .describe(
      doc(
        'part_of のとき、金額を含む大きな予算の名前（資料の表記どおり）。ほかは null',
        'For part_of: the larger pot the money comes from, as printed; null otherwise.',
      ),
    ),
});
export type Amount = z.infer<typeof amountSchema>;

export const sectionsSchema = z.object({
  purpose: z
    .string()
    .describe(
      doc(
        '目的: 施策が何のためにあるか（資料の本文）',
        'Purpose (目的): why the measure exists (document text).',
      ),
    ),
  overview: z
    .string()
    .describe(
      doc('概要: 施策が何をするか（資料の本文）', 'Overview (概要): what it does (document text).'),
    ),
  scheme: z
    .string()
    .describe(
      doc(
        'スキーム: だれがだれにお金を出すか（実施主体、補助率、お金の流れ。資料の本文）',
        'Scheme (スキーム): who pays whom (implementer, subsidy rate, flows; document text).',
      ),
    ),
  outcome: z
    .string()
    .describe(
      doc(
        '成果: 施策で目指すこと（資料の本文）',
        'Outcome (成果): what it is expected to achieve (document text).',
      ),
    ),
});
export type Sections = z.infer<typeof sectionsSchema>;

/** A labelled fact read from one source line (see pipeline/extract/steps/read-facts.ts). */
export const locatedSchema = z.object({
  text: z.string().describe(doc('資料に印刷されたとおりの内容', 'The fact as printed.')),
  line: lineNumberSchema.describe(
    doc(
      'その内容がある原資料テキストの行（1から数える）',
      'The 1-based line of the source text it is on.',
    ),
  ),
});
export type Located = z.infer<typeof locatedSchema>;

/** 実施主体, 対象 and 補助率 as printed on the measure's page, each with its line. */
export const detailsSchema = z.object({
  implementer: locatedSchema
    .nullable()
    .describe(
      doc(
        '実施主体: 施策を実施する者。記載がなければ null',
        'Implementer (実施主体): who carries the measure out; null when not printed.',
      ),
    ),
  target: locatedSchema
    .nullable()
    .describe(
      doc(
        '対象: 施策がだれ・何のためか。記載がなければ null',
        'Target (対象): whom or what it is for; null when not printed.',
      ),
    ),
  rate: locatedSchema
    .nullable()
    .describe(
      doc(
        '補助率: 国の負担の割合。記載がなければ null',
        "Subsidy rate (補助率): the state's share; null when not printed.",
      ),
    ),
});
export type Details = z.infer<typeof detailsSchema>;

/** An earlier supplementary budget printed beside the amount. */
export const earlierBudgetSchema = z.object({
  text: z
    .string()
    .describe(
      doc(
        '資料の表記どおり。例: 令和5年度補正予算額 27億円',
        'As printed, e.g. 令和5年度補正予算額 27億円.',
      ),
    ),
  yen: z
    .number()
    .int()
    .nonnegative()
    .describe(doc('その補正予算の金額（円、整数）', 'Its amount in yen (integer).')),
  fiscal_year: z
    .number()
    .int()
    .describe(doc('その補正予算の年度（西暦）', 'The fiscal year of that supplementary budget.')),
  line: lineNumberSchema.describe(
    doc(
      'それが印刷された原資料テキストの行（1から数える）',
      'The 1-based line of the source text it is printed on.',
    ),
  ),
});
export type EarlierBudget = z.infer<typeof earlierBudgetSchema>;

export const sourceRefSchema = z.object({
  document: z
    .string()
    .describe(
      doc(
        '原資料（予算資料）のID。documents.json の id',
        'Source document id (the id in documents.json).',
      ),
    ),
  lines: z
    .tuple([lineNumberSchema, lineNumberSchema])
    .describe(
      doc(
        '原資料テキストで施策が占める行の範囲 [最初, 最後]（1から数え、両端を含む）',
        'The 1-based inclusive line range [first, last] of the measure in the source text.',
      ),
    ),
  pages: z
    .tuple([lineNumberSchema, lineNumberSchema])
    .nullable()
    .describe(
      doc(
        'PDFで施策が載っているページの範囲 [最初, 最後]（テキストのページ区切りから数えた推定。区切りが残っていない資料では null）',
        'The 1-based inclusive page range [first, last] in the PDF, counted from the page breaks of the text (an estimate); null when the text keeps none.',
      ),
    ),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const measureSchema = z.object({
  // permanent: minted once in the registry (content/registry/), never changed or reused
  id: z
    .string()
    .min(1)
    .describe(
      doc(
        '施策の恒久ID（例: r7-gaisan-119）。一度付けたIDは変わらず、ほかの施策に使い回されない',
        'Permanent id, e.g. r7-gaisan-119: never changed and never reused for another measure.',
      ),
    ),
  url: z
    .string()
    .startsWith('/')
    .describe(
      doc(
        '施策のページのパス（サイトを置く場所のベースパスを含まない）。例: /measures/r7-gaisan-119/',
        "Site path of the measure's page, without the deployment base, e.g. /measures/r7-gaisan-119/.",
      ),
    ),
  title: z
    .string()
    .min(1)
    .describe(
      doc(
        '資料に印刷された名前（内訳の施策では、印刷されたパッケージの名前のことがある）',
        "The name as printed (a sub-measure's printed title may be its package's name).",
      ),
    ),
  name: z
    .string()
    .min(1)
    .describe(
      doc(
        'ページに表示する名前: 内訳の施策自身の名前、同じ名前の施策を区別した名前、または補った名前',
        "The name the page shows: a sub-measure's own sub-name, a shared title told apart, or a derived name.",
      ),
    ),
  untitled: z
    .boolean()
    .describe(
      doc(
        '資料に名前が文字で印刷されておらず（画像など）、名前を補ったとき true',
        'True when the source printed no title as text (it was an image) and the name was derived.',
      ),
    ),
  subtitle: z
    .string()
    .nullable()
    .describe(
      doc(
        '名前の下の補足の行（資料どおり）。なければ null',
        'The line under the title as printed; null when none.',
      ),
    ),
  parent: z
    .string()
    .nullable()
    .describe(
      doc(
        'この施策を内訳に含む上位の施策（パッケージ）のID。なければ null',
        'Id of the package this measure is a part of; null when none.',
      ),
    ),
  children: z
    .array(z.string())
    .describe(
      doc(
        'この施策（パッケージ）の内訳の施策のID（資料の順）',
        "Ids of this package's parts, in the document's order.",
      ),
    ),
  budget: budgetSchema.describe(
    doc('金額が計上された予算', 'The budget the amount is printed for.'),
  ),
  amount: amountSchema.describe(doc('施策の金額', "The measure's amount.")),
  bureau: z
    .string()
    .nullable()
    .describe(
      doc(
        '担当の局（資料の表記どおり）。なければ null',
        'The responsible bureau (局) as printed; null when none.',
      ),
    ),
  tags: z
    .array(z.string())
    .describe(
      doc(
        '名前の横に印刷された区分（新規、拡充など）',
        'Badges printed beside the title (新規, 拡充, …).',
      ),
    ),
  sections: sectionsSchema.describe(
    doc('施策の説明の本文（目的、概要、スキーム、成果）', "The measure's text by section."),
  ),
  details: detailsSchema.describe(
    doc(
      '実施主体・対象・補助率（印刷されたとおり、行番号つき）',
      'Implementer, target and subsidy rate as printed, each with its line.',
    ),
  ),
  source: sourceRefSchema.describe(
    doc('原資料テキストでの位置', 'Where in the source text the measure stands.'),
  ),
  title_line: lineNumberSchema
    .nullable()
    .describe(
      doc(
        '名前がある原資料テキストの行（1から数える）。なければ null',
        'The 1-based line of the title; null when absent.',
      ),
    ),
  amount_line: lineNumberSchema
    .nullable()
    .describe(
      doc(
        '金額がある原資料テキストの行（1から数える）。なければ null',
        'The 1-based line of the amount; null when absent.',
      ),
    ),
  // derive/repeats.ts
  counted_in: z
    .object({
      id: z.string().describe(doc('その施策のID', "That measure's id.")),
      line: lineNumberSchema.describe(
        doc(
          '内訳の行がある原資料テキストの行',
          'The line of the breakdown row in the source text.',
        ),
      ),
    })
    .nullable()
    .describe(
      doc(
        'この施策の金額を内訳の行としてもう一度印刷している施策とその行。金額はその施策の金額に含まれるので、合計ではそちらで一度だけ数える。ほとんどの施策では null',
        "The measure whose page prints this measure's figure again as a breakdown row, and the row's line: the figure is part of that measure's amount, so totals count it there, once. Null for almost every measure.",
      ),
    ),
  earlier_supplementary: z
    .array(earlierBudgetSchema)
    .describe(
      doc(
        '金額の横に印刷された、以前の補正予算（例: ※令和5年度補正予算額 27億円）。前年度の当初予算額とも、どの合計とも混ぜない',
        'Earlier supplementary budgets printed beside the amount (※令和5年度補正予算額 27億円): never mixed into the prior initial figure or into any total.',
      ),
    ),
});
export type MeasureRecord = z.infer<typeof measureSchema>;
