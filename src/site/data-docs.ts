/**
 * What the /data/ page documents, computed from the published schemas, the CSV column list
 * and the charts, so that the page cannot drift from the data: the fields of each JSON file
 * (src/lib/json-schema.ts), the columns of measures.csv (src/lib/open-data.ts) and the kinds
 * of chart CSV. Pure: the generated schemas and the charts come in.
 */
import {
  publishedJsonSchema,
  schemaFields,
  type FieldDoc,
  type GeneratedSchemas,
  type SchemaKey,
} from '../lib/json-schema.ts';
import { CSV_COLUMNS, CSV_COLUMN_SOURCES, type CsvColumn } from '../lib/open-data.ts';
import type { ChartSpec } from './charts/specs.ts';

/** The documented fields of a published JSON file. */
export function fieldDocs(key: SchemaKey, schemas: GeneratedSchemas): FieldDoc[] {
  return schemaFields(publishedJsonSchema(key, schemas, '/'));
}

/** One column of measures.csv: its type in the CSV, the record field and its meaning. */
export interface CsvColumnDoc {
  column: CsvColumn;
  /** text, integer, true | false, the enum's values; `| empty` when the field may be null. */
  type: string;
  field: string;
  meaning: { ja: string; en: string } | null;
  /** How the CSV writes the field, when not as it is. */
  written: { ja: string; en: string } | null;
}

/** The CSV type of a record field's JSON type. */
function csvType(type: string, column: CsvColumn): string {
  if (type.startsWith('array')) return 'text';
  if (type.startsWith('[')) return 'integer';
  if (column === 'counted_in' || type.startsWith('object')) return 'text | empty';
  return type
    .replace(/\bstring\b/gu, 'text')
    .replace(/\bboolean\b/gu, 'true | false')
    .replace(/\| null$/u, '| empty');
}

/** Every column of measures.csv, in order. A column whose field is not in the record schema has no meaning (and fails the tests). */
export function csvColumnDocs(schemas: GeneratedSchemas): CsvColumnDoc[] {
  const fields = new Map(fieldDocs('measure', schemas).map((f) => [f.path, f]));
  return CSV_COLUMNS.map((column) => {
    const { field, written } = CSV_COLUMN_SOURCES[column];
    const f = fields.get(field);
    return {
      column,
      type: f ? csvType(f.type, column) : '?',
      field,
      meaning: f?.meaning ?? null,
      written: written ?? null,
    };
  });
}

/** A kind of chart CSV: its file name pattern and what it holds. */
export interface ChartKind {
  pattern: string;
  test: RegExp;
  ja: string;
  en: string;
}

export const CHART_KINDS: readonly ChartKind[] = [
  {
    pattern: 'budgets-totals.csv',
    test: /^budgets-totals$/u,
    ja: '予算ごとの合計（ホーム）',
    en: 'The total of each budget (home page).',
  },
  {
    pattern: 'treemap-<資料ID>.csv',
    test: /^treemap-[a-z0-9-]+$/u,
    ja: '資料の施策の金額の内訳（予算資料のページ）',
    en: "The breakdown of a document's measures by amount (budget page).",
  },
  {
    pattern: 'budget-<資料ID>-measures.csv',
    test: /^budget-[a-z0-9-]+-measures$/u,
    ja: '資料の金額の大きい施策',
    en: "A document's largest measures.",
  },
  {
    pattern: 'budget-<資料ID>-bureaus.csv',
    test: /^budget-[a-z0-9-]+-bureaus$/u,
    ja: '資料の担当の局ごとの金額',
    en: "A document's amounts by responsible bureau.",
  },
  {
    pattern: 'bureau-<局>-measures.csv',
    test: /^bureau-[a-z0-9-]+-measures$/u,
    ja: '局の施策（金額の大きい順、担当部局のページ）',
    en: "A bureau's measures, largest first (bureau page).",
  },
  {
    pattern: 'measure-<施策ID>-prior.csv',
    test: /^measure-[a-z0-9-]+-prior$/u,
    ja: '施策の前年度との比較（施策のページ）',
    en: "A measure's amount against the prior year (measure page).",
  },
  {
    pattern: 'measure-<施策ID>-share.csv',
    test: /^measure-[a-z0-9-]+-share$/u,
    ja: '施策が資料の合計に占める割合（施策のページ）',
    en: "A measure's share of its document's total (measure page).",
  },
  {
    pattern: 'measure-<施策ID>-programs.csv',
    test: /^measure-[a-z0-9-]+-programs$/u,
    ja: '同じ施策の各予算での金額（施策のページ）',
    en: 'The same programme in each budget (measure page).',
  },
  {
    pattern: 'program-<事業のslug>-timeline.csv',
    test: /^program-p-\d+-timeline$/u,
    ja: '予算をまたぐ事業の、予算ごとの金額と概算要求に書かれた前年度当初予算額（事業のページ）',
    en: "A programme's amount in each budget, with the prior year's initial budget a request prints (programme page).",
  },
];

/** Each chart kind with this build's charts of that kind (ids in order); charts of no kind under null. */
export function chartKinds(
  charts: readonly ChartSpec[],
): { kind: ChartKind | null; charts: ChartSpec[] }[] {
  const groups = new Map<ChartKind | null, ChartSpec[]>();
  for (const c of charts) {
    const kind = CHART_KINDS.find((k) => k.test.test(c.id)) ?? null;
    groups.set(kind, [...(groups.get(kind) ?? []), c]);
  }
  return [...CHART_KINDS, null]
    .filter((k) => groups.has(k))
    .map((kind) => ({ kind, charts: groups.get(kind)! }));
}
