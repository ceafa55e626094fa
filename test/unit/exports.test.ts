import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline/write/report.ts';
import { CSV_COLUMNS, toCsv, toOpenDataJson } from '../../src/lib/open-data.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { fixtureDocument, makeRecord } from '../fixtures/records.ts';

/** The same record with its keys inserted in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as object)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe('toOpenDataJson', () => {
  const records = fixtureDocument().measures;

  it('round-trips the records', () => {
    expect(JSON.parse(toOpenDataJson(records))).toEqual(records);
  });

  it('does not depend on the key order of its input', () => {
    expect(toOpenDataJson(records.map(reversedKeys))).toBe(toOpenDataJson(records));
  });

  it('writes keys in the documented order, pretty-printed with a final newline', () => {
    const text = toOpenDataJson([makeRecord()]);
    expect(text.endsWith('}\n]\n')).toBe(true);
    expect(Object.keys(JSON.parse(text)[0])).toEqual([
      'id',
      'url',
      'title',
      'name',
      'untitled',
      'subtitle',
      'parent',
      'children',
      'budget',
      'amount',
      'bureau',
      'tags',
      'sections',
      'details',
      'source',
      'title_line',
      'amount_line',
      'counted_in',
      'earlier_supplementary',
    ]);
    expect(Object.keys(JSON.parse(text)[0].amount)).toEqual([
      'yen',
      'kind',
      'text',
      'prior_yen',
      'fund',
    ]);
    expect(text).toContain('\n  {\n    "id": ');
  });

  it('keeps fields it does not know, sorted after the known ones', () => {
    const record = { ...makeRecord(), zeta: 1, alpha: 2 } as MeasureRecord;
    expect(Object.keys(JSON.parse(toOpenDataJson([record]))[0]).slice(-2)).toEqual([
      'alpha',
      'zeta',
    ]);
  });

  it('writes an empty array for no records', () => {
    expect(toOpenDataJson([])).toBe('[]\n');
  });
});

describe('toCsv', () => {
  const records = fixtureDocument().measures;
  const csv = toCsv(records);
  const rows: string[][] = parse(csv.slice(1), { relax_column_count: false });

  it('starts with a BOM and a header row', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
  });

  it('has one row per record, with multi-line text kept in one field', () => {
    expect(rows).toHaveLength(records.length + 1);
    const hostile = rows.find((r) => r[0] === 'fixture-5')!;
    expect(hostile[CSV_COLUMNS.indexOf('purpose')]).toBe(records[4]!.sections.purpose);
  });

  it('flattens the record', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({
      id: 'fixture-1',
      url: '/measures/fixture-1/',
      untitled: 'false',
      subtitle: '',
      parent: '',
      children: 'fixture-2;fixture-3',
      budget_label: '令和6年度補正予算案',
      fiscal_year: '2024',
      budget_kind: 'supplementary',
      amount_yen: '131100000000',
      amount_kind: 'own',
      prior_yen: '',
      tags: '医療',
      source_document: 'fixture',
      source_first_line: '1',
      source_last_line: '30',
    });
    const child = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[3]![i]]));
    expect(child).toMatchObject({
      amount_kind: 'part_of',
      amount_yen: '',
      fund: '地域医療介護総合確保基金',
      parent: 'fixture-1',
    });
  });

  it('stops spreadsheet formulas in text fields', () => {
    const rows: string[][] = parse(
      toCsv([makeRecord({ title: '=HYPERLINK("x")', bureau: '+1', tags: ['@a'] })]).slice(1),
    );
    const row = rows[1]!;
    expect(row[CSV_COLUMNS.indexOf('title')]).toBe('\'=HYPERLINK("x")');
    expect(row[CSV_COLUMNS.indexOf('bureau')]).toBe("'+1");
  });

  it('is deterministic', () => {
    expect(toCsv(records)).toBe(csv);
    expect(toCsv(records.map(reversedKeys))).toBe(csv);
  });
});

describe('buildReport', () => {
  it('lists counts, unattributed lines and problems with file and line', () => {
    const summary = buildReport([fixtureDocument()]);
    expect(summary.split('\n')).toEqual([
      'fixture (fixture.txt): 5 measures (own 3, part_of 1, none 1); 1 untitled; 1 unattributed; 1 problems',
      '  fixture.txt:95: unattributed: （参考）令和5年度予算額 10億円',
      '  fixture.txt:90: 金額行を施策に割り当てられない',
      'total: 5 measures in 1 documents',
      "documents without the original's URL (url and url_checked in the .meta.yaml beside the text; pages say 「原資料のURLは未登録です」): fixture (fixture.txt)",
      '',
    ]);
  });

  it('lists no document whose URL is recorded', () => {
    const doc = fixtureDocument();
    const linked = {
      ...doc,
      meta: { ...doc.meta, url: 'https://example.org/a.pdf', url_checked: '2026-12-02' },
    };
    expect(buildReport([linked])).not.toContain("without the original's URL");
  });

  it('omits the line number of a problem without one', () => {
    const doc = {
      ...fixtureDocument(),
      problems: [
        {
          code: 'no-measure' as const,
          severity: 'warning' as const,
          file: 'fixture.txt',
          line: null,
          message: 'no pages found',
        },
      ],
    };
    expect(buildReport([doc])).toContain('  fixture.txt: no pages found\n');
  });
});
