import { describe, expect, it } from 'vitest';
import { findRepeats, rowsOf } from '../../src/pipeline/derive/repeats.ts';
import { indexRecords, ownTotal } from '../../src/pipeline/derive/totals.ts';
import type { DocumentResult, MeasureRecord } from '../../src/pipeline/types.ts';
import { fixtureDocument, makeRecord } from '../fixtures/records.ts';

const own = (yen: number, prior: number | null = null) => ({
  yen,
  kind: 'own' as const,
  text: `${yen}円`,
  prior_yen: prior,
  fund: null,
});

describe('rowsOf: the named figures of one line', () => {
  it('reads table rows and prose items with their prior figure', () => {
    expect(rowsOf('| 歯科健診 | 8.7億円 | （7.8億円） 増 |')).toEqual([
      { name: '歯科健診', yen: 870_000_000, prior: 780_000_000 },
    ]);
    expect(rowsOf('・健康診査 32.5億円（32.5億円）、歯科健診 ８．７億円')).toEqual([
      { name: '健康診査', yen: 3_250_000_000, prior: 3_250_000_000 },
      { name: '歯科健診', yen: 870_000_000, prior: null },
    ]);
  });
  it('skips a pot the row is part of, and figures without a name', () => {
    expect(rowsOf('主な予算【97億円の内数】')).toEqual([]);
    expect(rowsOf('8.7億円')).toEqual([]);
  });
});

/** A document of three measures: a package page with a breakdown table, and two measures of their own. */
function documentWith(lines: string[], others: MeasureRecord[]): DocumentResult {
  const base = fixtureDocument();
  const pkg = makeRecord({
    id: 'd-001',
    title: '高齢者の保健事業',
    amount: own(4_300_000_000, 4_100_000_000),
    source: { document: 'fixture', lines: [1, lines.length], pages: [1, 1] },
    amount_line: 1,
  });
  return { ...base, measures: [pkg, ...others], parentIndex: [], lines };
}

const PAGE = [
  '令和7年度概算要求額 43億円（41億円）',
  '【内訳】',
  '| 健康診査 | 32.5億円 | （32.5億円） |',
  '| 歯科健診 | 8.7億円 | （7.8億円） 増 |',
];
const outside = (n: number): MeasureRecord['source'] => ({
  document: 'fixture',
  lines: [n, n + 5],
  pages: [1, 1],
});

describe('findRepeats: a breakdown row that is a measure of its own', () => {
  it('pairs the row with the measure by name and figure, and reports the row line', () => {
    const dental = makeRecord({
      id: 'd-002',
      title: '後期高齢者医療の被保険者に係る歯科健診事業',
      amount: own(870_000_000, 780_000_000),
      source: outside(100),
    });
    expect(findRepeats(documentWith(PAGE, [dental]))).toEqual([
      {
        document: 'fixture',
        in: 'd-001',
        line: 4,
        row: '歯科健診',
        measure: 'd-002',
        yen: 870_000_000,
      },
    ]);
  });

  it('pairs by the same figure and prior figure when the names differ', () => {
    const m = makeRecord({
      id: 'd-002',
      title: '後期高齢者の口腔の検査',
      amount: own(870_000_000, 780_000_000),
      source: outside(100),
    });
    expect(findRepeats(documentWith(PAGE, [m])).map((x) => x.measure)).toEqual(['d-002']);
  });

  it('does not pair a coincidence: same figure, other name, no matching prior', () => {
    const other = makeRecord({
      id: 'd-002',
      title: '医師の働き方改革',
      amount: own(870_000_000),
      source: outside(100),
    });
    const clash = makeRecord({
      id: 'd-003',
      title: '歯科健診の普及',
      amount: own(870_000_000, 500_000_000),
      source: outside(200),
    });
    expect(findRepeats(documentWith(PAGE, [other, clash]))).toEqual([]);
  });

  it('does not pair a package with its own parts, nor a row inside the measure itself', () => {
    const part = makeRecord({
      id: 'd-002',
      title: '歯科健診事業',
      amount: own(870_000_000),
      parent: 'd-001',
      source: outside(100),
    });
    expect(findRepeats(documentWith(PAGE, [part]))).toEqual([]);
    const inside = makeRecord({
      id: 'd-002',
      title: '歯科健診事業',
      amount: own(870_000_000),
      source: { document: 'fixture', lines: [3, 4], pages: [1, 1] },
    });
    expect(findRepeats(documentWith(PAGE, [inside]))).toEqual([]);
  });

  it('the repeated measure counts once in the totals', () => {
    const dental = makeRecord({
      id: 'd-002',
      title: '歯科健診事業',
      amount: own(870_000_000, 780_000_000),
      source: outside(100),
    });
    const doc = documentWith(PAGE, [dental]);
    const [x] = findRepeats(doc);
    const records = doc.measures.map((r) =>
      r.id === x!.measure ? { ...r, counted_in: { id: x!.in, line: x!.line } } : r,
    );
    expect(ownTotal(records, indexRecords(records))).toEqual({ yen: 4_300_000_000, count: 1 });
    // without the measure that prints the row, the repeated one counts
    expect(ownTotal(records.slice(1), indexRecords(records)).yen).toBe(870_000_000);
  });
});

describe('the build counts a repeated figure once and says so', () => {
  it('sets counted_in, leaves it out of the total and lists the pair as file:line', async () => {
    const { buildOutputs } = await import('../../src/pipeline/write/outputs.ts');
    const dental = makeRecord({
      id: 'd-002',
      title: '歯科健診事業',
      amount: own(870_000_000, 780_000_000),
      source: outside(100),
      amount_line: 100,
    });
    const doc = documentWith(PAGE, [dental]);
    const out = buildOutputs([doc]);
    const m = JSON.parse(out.generated.measures).find((r: MeasureRecord) => r.id === 'd-002');
    expect(m.counted_in).toEqual({ id: 'd-001', line: 4 });
    expect(out.summary).toContain(
      `${doc.meta.file}:4: row 「歯科健診」 of d-001 is d-002 「歯科健診事業」 (${doc.meta.file}:100)`,
    );
    const [summary] = JSON.parse(out.generated.documents);
    expect(summary.totals.map((t: { top_level_own_yen: number }) => t.top_level_own_yen)).toEqual([
      4_300_000_000,
    ]);
  });
});
