/**
 * The extractor's result for one document. The shapes of records, metadata and problems are
 * the schemas in src/schemas/ (re-exported here for the modules that import them from here).
 */
import type { MeasureRecord } from '../schemas/measure.ts';
import type { Problem } from '../schemas/problem.ts';
import type { SourceMeta } from '../schemas/source-meta.ts';

export type {
  Amount,
  AmountKind,
  Budget,
  BudgetKind,
  Details,
  EarlierBudget,
  Located,
  MeasureRecord,
  Sections,
  SourceRef,
} from '../schemas/measure.ts';
export type { Problem } from '../schemas/problem.ts';
export type { SourceMeta } from '../schemas/source-meta.ts';

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
