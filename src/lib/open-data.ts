/**
 * The open data: every record as JSON (stable key order) and as CSV, byte-identical for equal
 * input, one file per record, and the documents. Written by the pipeline
 * (src/generated/measures.json) and served by the data pages (src/pages/data/).
 */
import { stringify } from 'csv-stringify/sync';
import type { DocumentSummary } from '../schemas/document-summary.ts';
import type { OpenDocument } from '../schemas/open-document.ts';
import { documentPath, sourcePath } from './links.ts';
import {
  amountSchema,
  budgetSchema,
  detailsSchema,
  locatedSchema,
  measureSchema,
  sectionsSchema,
  sourceRefSchema,
  type MeasureRecord,
} from '../schemas/measure.ts';

/**
 * Key order of the JSON export, per object path ('' is the record itself): the order in which
 * the measure schema declares its fields (src/schemas/measure.ts), so the export follows the
 * schema. Keys the schema does not declare follow in alphabetical order.
 */
const KEY_ORDER: Record<string, readonly string[]> = {
  '': Object.keys(measureSchema.shape),
  budget: Object.keys(budgetSchema.shape),
  amount: Object.keys(amountSchema.shape),
  sections: Object.keys(sectionsSchema.shape),
  details: Object.keys(detailsSchema.shape),
  ...Object.fromEntries(
    Object.keys(detailsSchema.shape).map((k) => [`details.${k}`, Object.keys(locatedSchema.shape)]),
  ),
  source: Object.keys(sourceRefSchema.shape),
};

/** Deep copy with object keys in a fixed order. */
function ordered(value: unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, path));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const preferred = KEY_ORDER[path] ?? [];
  const rest = Object.keys(obj)
    .filter((k) => !preferred.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...preferred, ...rest]) {
    if (key in obj && obj[key] !== undefined)
      out[key] = ordered(obj[key], path === '' ? key : `${path}.${key}`);
  }
  return out;
}

/** The records as pretty-printed JSON with a stable key order and a final newline. */
export function toOpenDataJson(records: readonly MeasureRecord[]): string {
  return `${JSON.stringify(ordered(records), null, 2)}\n`;
}

/** One record as pretty-printed JSON, the same as its entry in toOpenDataJson (/data/measures/<id>.json). */
export function toOpenDataRecordJson(record: MeasureRecord): string {
  return `${JSON.stringify(ordered(record), null, 2)}\n`;
}

/** What a reuser needs of each document summary (src/schemas/open-document.ts), in order. */
export function toOpenDocuments(summaries: readonly DocumentSummary[]): OpenDocument[] {
  return summaries.map(({ meta, line_count, counts, totals, page_starts }) => ({
    id: meta.id,
    title: meta.title,
    publisher: meta.publisher,
    fiscal_year: meta.fiscal_year,
    kind: meta.kind,
    date: meta.date,
    original_url: meta.url,
    original_url_checked: meta.url_checked,
    renamed_from: meta.renamed_from ?? null,
    budgets: meta.budgets.map((b) => ({
      label: b.label,
      fiscal_year: b.fiscal_year,
      kind: b.kind,
    })),
    page: documentPath(meta.id),
    text_page: sourcePath(meta.id),
    line_count,
    page_starts,
    counts: {
      measures: counts.measures,
      own: counts.own,
      part_of: counts.part_of,
      none: counts.none,
      untitled: counts.untitled,
      top_level: counts.top_level,
      unattributed: counts.unattributed,
    },
    totals: totals.map((t) => ({
      label: t.label,
      fiscal_year: t.fiscal_year,
      kind: t.kind,
      measures: t.measures,
      top_level_own_yen: t.top_level_own_yen,
      top_level_own_count: t.top_level_own_count,
    })),
  }));
}

/** dist/data/documents.json: the documents, pretty-printed, with a final newline. */
export function toOpenDocumentsJson(summaries: readonly DocumentSummary[]): string {
  return `${JSON.stringify(toOpenDocuments(summaries), null, 2)}\n`;
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'name',
  'untitled',
  'subtitle',
  'parent',
  'children',
  'budget_label',
  'fiscal_year',
  'budget_kind',
  'amount_yen',
  'amount_kind',
  'amount_text',
  'prior_yen',
  'fund',
  'counted_in',
  'bureau',
  'tags',
  'purpose',
  'overview',
  'scheme',
  'outcome',
  'implementer',
  'target',
  'subsidy_rate',
  'source_document',
  'source_first_line',
  'source_last_line',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

type CsvRow = Record<CsvColumn, string | number | boolean | null>;

/**
 * Where each CSV column comes from: the record field (a dotted path of the measure schema,
 * whose description says what it means), and how the CSV writes it when not as it is. The
 * /data/ page documents the columns from this table.
 */
export const CSV_COLUMN_SOURCES: Record<
  CsvColumn,
  { field: string; written?: { ja: string; en: string } }
> = {
  id: { field: 'id' },
  url: { field: 'url' },
  title: { field: 'title' },
  name: { field: 'name' },
  untitled: { field: 'untitled' },
  subtitle: { field: 'subtitle' },
  parent: { field: 'parent' },
  children: {
    field: 'children',
    written: { ja: 'IDを ; でつないだもの', en: 'the ids joined with ;' },
  },
  budget_label: { field: 'budget.label' },
  fiscal_year: { field: 'budget.fiscal_year' },
  budget_kind: { field: 'budget.kind' },
  amount_yen: { field: 'amount.yen' },
  amount_kind: { field: 'amount.kind' },
  amount_text: { field: 'amount.text' },
  prior_yen: { field: 'amount.prior_yen' },
  fund: { field: 'amount.fund' },
  counted_in: {
    field: 'counted_in',
    written: { ja: 'その施策のIDだけ', en: "that measure's id only" },
  },
  bureau: { field: 'bureau' },
  tags: {
    field: 'tags',
    written: { ja: '区分を ; でつないだもの', en: 'the badges joined with ;' },
  },
  purpose: { field: 'sections.purpose' },
  overview: { field: 'sections.overview' },
  scheme: { field: 'sections.scheme' },
  outcome: { field: 'sections.outcome' },
  implementer: {
    field: 'details.implementer',
    written: { ja: '内容（text）だけ', en: 'its text only' },
  },
  target: { field: 'details.target', written: { ja: '内容（text）だけ', en: 'its text only' } },
  subsidy_rate: { field: 'details.rate', written: { ja: '内容（text）だけ', en: 'its text only' } },
  source_document: { field: 'source.document' },
  source_first_line: {
    field: 'source.lines',
    written: { ja: '範囲の最初の行', en: 'the first line of the range' },
  },
  source_last_line: {
    field: 'source.lines',
    written: { ja: '範囲の最後の行', en: 'the last line of the range' },
  },
};

function toCsvRow(r: MeasureRecord): CsvRow {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    name: r.name,
    untitled: r.untitled,
    subtitle: r.subtitle,
    parent: r.parent,
    children: r.children.join(';'),
    budget_label: r.budget.label,
    fiscal_year: r.budget.fiscal_year,
    budget_kind: r.budget.kind,
    amount_yen: r.amount.yen,
    amount_kind: r.amount.kind,
    amount_text: r.amount.text,
    prior_yen: r.amount.prior_yen,
    fund: r.amount.fund,
    counted_in: r.counted_in?.id ?? null,
    bureau: r.bureau,
    tags: r.tags.join(';'),
    purpose: r.sections.purpose,
    overview: r.sections.overview,
    scheme: r.sections.scheme,
    outcome: r.sections.outcome,
    implementer: r.details.implementer?.text ?? null,
    target: r.details.target?.text ?? null,
    subsidy_rate: r.details.rate?.text ?? null,
    source_document: r.source.document,
    source_first_line: r.source.lines[0],
    source_last_line: r.source.lines[1],
  };
}

/**
 * One row per record, with a header row. UTF-8 with BOM so spreadsheet
 * programs detect the encoding; null is an empty field; booleans are
 * true/false. Fields are quoted when needed (RFC 4180), records end in LF.
 * Text fields are document text: a field starting with = + - @ (or tab/CR)
 * gets a leading ' so spreadsheets do not run it as a formula.
 */
export function toCsv(records: readonly MeasureRecord[]): string {
  return stringify(records.map(toCsvRow), {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    escape_formulas: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}
