/**
 * Shared record types. One MeasureRecord per measure is the single source of
 * truth: the MDX pages, the open-data exports and the site all derive from it.
 */

export type BudgetKind = 'supplementary' | 'request' | 'initial' | 'policy';
export type AmountKind = 'own' | 'part_of' | 'none';

export interface Budget {
  /** Normalised label, e.g. 令和6年度補正予算案 (half-width digits). */
  label: string;
  fiscal_year: number;
  kind: BudgetKind;
}

export interface Amount {
  /** Integer yen, only for kind "own". */
  yen: number | null;
  kind: AmountKind;
  /** The amount expression as printed (label included when it was on the line). */
  text: string;
  /** Parenthesised prior-year initial budget (budget requests), integer yen. */
  prior_yen: number | null;
  /** For part_of: the larger pot the money comes from, as printed. */
  fund: string | null;
}

export interface Sections {
  purpose: string;
  overview: string;
  scheme: string;
  outcome: string;
}

/** A labelled fact read from one source line (see details.ts). */
export interface Located {
  text: string;
  /** 1-based source line. */
  line: number;
}

/** 実施主体, 対象 and 補助率 as printed on the measure's page, each with its line. */
export interface Details {
  implementer: Located | null;
  target: Located | null;
  rate: Located | null;
}

export interface SourceRef {
  /** Source document id (metadata `id`). */
  document: string;
  /** 1-based inclusive line range in the source text. */
  lines: [number, number];
}

export interface MeasureRecord {
  id: string;
  url: string;
  /** The name as printed (a sub-measure's printed title is its package's name). */
  title: string;
  /** The name the page shows: a sub-measure's own sub-name, a shared title told apart, a derived name. */
  name: string;
  /** True when the source printed no title (it was an image) and the title was derived. */
  untitled: boolean;
  subtitle: string | null;
  parent: string | null;
  children: string[];
  budget: Budget;
  amount: Amount;
  bureau: string | null;
  tags: string[];
  sections: Sections;
  details: Details;
  source: SourceRef;
  /** 1-based line numbers of the title and the amount line (null when absent). */
  title_line: number | null;
  amount_line: number | null;
}

/** Metadata record of one source document (content/sources/<file>.meta.yaml). */
export interface SourceMeta {
  /** Short ASCII id, used in URLs and ids (e.g. r3-hosei). */
  id: string;
  /** File name of the text, relative to the metadata file. */
  file: string;
  title: string;
  publisher: string;
  fiscal_year: number;
  kind: BudgetKind;
  date: string | null;
  /** Budget labels whose amount lines introduce a measure in this document. */
  budgets: Budget[];
  /** Optional URL of the published original. */
  url?: string | null;
  /** Layout family (src/pipeline/extract/families); default from `kind`. */
  family?: 'hosei-form' | 'hosei-free' | 'gaisan' | 'policy' | null;
  /** The document's former id: its registry's ids carry over to this id, and the old URLs redirect. */
  renamed_from?: string | null;
}

export interface Problem {
  file: string;
  line: number | null;
  message: string;
}

export interface DocumentResult {
  meta: SourceMeta;
  measures: MeasureRecord[];
  /** For each measure, the index of its parent package in `measures` (filled into ids by assignIds). */
  parentIndex: (number | null)[];
  /** Budget-amount lines not attributed to any measure, and other warnings. */
  problems: Problem[];
  /** Budget-amount lines seen but deliberately not treated as measures (reported in the summary). */
  unattributed: { line: number; text: string }[];
  lineCount: number;
  /** How the sections were read: heading-like lines of no known form, and blocks placed on weak evidence (1-based lines). */
  sectionNotes?: { unclassified: { line: number; text: string }[]; uncertain: number[] };
  /** The source text's lines, for the source-text pages (absent in hand-made fixtures). */
  lines?: string[];
}
