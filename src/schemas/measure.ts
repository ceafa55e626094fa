/**
 * The measure record: one per measure, the single source of truth for its MDX page (as
 * frontmatter, checked by the content collection), the open data and every list of the site.
 */
import { z } from 'astro/zod';

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
  /** Normalised label, e.g. 令和6年度補正予算案 (half-width digits). */
  label: z.string(),
  /** The fiscal year the budget is for (2024 for 令和6年度). */
  fiscal_year: z.number().int(),
  /** The kind of budget the label names. */
  kind: budgetKindSchema,
});
export type Budget = z.infer<typeof budgetSchema>;

export const amountSchema = z.object({
  /** Integer yen, only for kind "own". */
  yen: z.number().int().nonnegative().nullable(),
  /** Whether the figure is the measure's own, a part of a larger pot, or absent. */
  kind: amountKindSchema,
  /** The amount expression as printed (label included when it was on the line). */
  text: z.string(),
  /** Parenthesised prior-year initial budget (budget requests), integer yen. */
  prior_yen: z.number().int().nonnegative().nullable(),
  /** For part_of: the larger pot the money comes from, as printed. */
  fund: z.string().nullable(),
});
export type Amount = z.infer<typeof amountSchema>;

export const sectionsSchema = z.object({
  /** 目的: why the measure exists. */
  purpose: z.string(),
  /** 概要: what it does. */
  overview: z.string(),
  /** スキーム: who pays whom (実施主体, 補助率, flows). */
  scheme: z.string(),
  /** 成果: what it is expected to achieve. */
  outcome: z.string(),
});
export type Sections = z.infer<typeof sectionsSchema>;

/** A labelled fact read from one source line (see pipeline/extract/steps/read-facts.ts). */
export const locatedSchema = z.object({
  /** The fact as printed. */
  text: z.string(),
  /** 1-based source line. */
  line: lineNumberSchema,
});
export type Located = z.infer<typeof locatedSchema>;

/** 実施主体, 対象 and 補助率 as printed on the measure's page, each with its line. */
export const detailsSchema = z.object({
  /** 実施主体: who carries the measure out. */
  implementer: locatedSchema.nullable(),
  /** 対象: whom or what it is for. */
  target: locatedSchema.nullable(),
  /** 補助率: the state's share. */
  rate: locatedSchema.nullable(),
});
export type Details = z.infer<typeof detailsSchema>;

/** An earlier supplementary budget printed beside the amount. */
export const earlierBudgetSchema = z.object({
  /** As printed, e.g. 令和5年度補正予算額 27億円. */
  text: z.string(),
  yen: z.number().int().nonnegative(),
  /** The fiscal year of that supplementary budget. */
  fiscal_year: z.number().int(),
  line: lineNumberSchema,
});
export type EarlierBudget = z.infer<typeof earlierBudgetSchema>;

export const sourceRefSchema = z.object({
  /** Source document id (metadata `id`). */
  document: z.string(),
  /** 1-based inclusive line range in the source text. */
  lines: z.tuple([lineNumberSchema, lineNumberSchema]),
  /** 1-based inclusive page range in the PDF, counted from the text's page breaks (rules/pages.ts pdfPageStarts); null when the text keeps none. */
  pages: z.tuple([lineNumberSchema, lineNumberSchema]).nullable(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const measureSchema = z.object({
  /** Permanent id from the registry (content/registry/), e.g. r7-gaisan-119. */
  id: z.string().min(1),
  /** Site path of the measure's page, without the base (/measures/<id>/). */
  url: z.string().startsWith('/'),
  /** The name as printed (a sub-measure's printed title is its package's name). */
  title: z.string().min(1),
  /** The name the page shows: a sub-measure's own sub-name, a shared title told apart, a derived name. */
  name: z.string().min(1),
  /** True when the source printed no title (it was an image) and the title was derived. */
  untitled: z.boolean(),
  /** The grey line under the title as printed, if any. */
  subtitle: z.string().nullable(),
  /** Id of the package this measure is a part of. */
  parent: z.string().nullable(),
  /** Ids of this package's parts, in the document's order. */
  children: z.array(z.string()),
  /** The budget the amount is printed for. */
  budget: budgetSchema,
  amount: amountSchema,
  /** The responsible bureau (局) as printed, if any. */
  bureau: z.string().nullable(),
  /** Badges printed beside the title (新規, 拡充, …). */
  tags: z.array(z.string()),
  sections: sectionsSchema,
  details: detailsSchema,
  /** Where in the source text the measure stands. */
  source: sourceRefSchema,
  /** 1-based line of the title (null when absent). */
  title_line: lineNumberSchema.nullable(),
  /** 1-based line of the amount (null when absent). */
  amount_line: lineNumberSchema.nullable(),
  /**
   * The measure whose page prints this measure's figure again as a breakdown row, and the
   * row's line (derive/repeats.ts): the figure is part of that measure's amount, so totals
   * count it there, once. Null for almost every measure.
   */
  counted_in: z.object({ id: z.string(), line: lineNumberSchema }).nullable(),
  /**
   * Earlier supplementary budgets the page prints beside a request's or initial budget's
   * amount (`※令和5年度補正予算額 27億円`): shown beside the prior initial figure, never
   * mixed into it or into any total.
   */
  earlier_supplementary: z.array(earlierBudgetSchema),
});
export type MeasureRecord = z.infer<typeof measureSchema>;
