/**
 * The open data: every record as JSON (stable key order) and as CSV, byte-identical for equal
 * input. Written by the pipeline (src/generated/measures.json) and served by the data pages.
 */
import { stringify } from 'csv-stringify/sync';
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

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>;

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
