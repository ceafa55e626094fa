import { describe, expect, it } from 'vitest';
import { compareCsvRows, compareDocuments, comparePairs } from '../../src/site/compare.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import type { DocumentSummary } from '../../src/schemas/document-summary.ts';
import { makeRecord } from '../fixtures/records.ts';

const own = (yen: number): MeasureRecord['amount'] => ({
  yen,
  kind: 'own',
  text: '',
  prior_yen: null,
  fund: null,
});
const m = (id: string, doc: string, amount: MeasureRecord['amount']) =>
  makeRecord({
    id,
    name: `事業${id}`,
    amount,
    source: { document: doc, lines: [1, 2], pages: null },
  });
const records = [
  m('a-1', 'a', own(300)),
  m('a-2', 'a', own(50)),
  m('a-3', 'a', { yen: null, kind: 'part_of', text: '基金の内数', prior_yen: null, fund: '基金' }),
  m('b-1', 'b', own(200)),
  m('b-2', 'b', own(70)),
  m('b-3', 'b', own(10)),
];
const programs = [
  { slug: 'p-001', title: '事業b-1', measures: ['a-1', 'b-1'] },
  { slug: 'p-002', title: '事業b-3', measures: ['a-3', 'b-3'] },
];
const programOf = (id: string) => programs.find((p) => p.measures.includes(id))?.slug ?? null;

describe('comparing two documents', () => {
  it('pairs every two documents once, the older first', () => {
    const doc = (id: string, fiscal_year: number) =>
      ({ meta: { id, fiscal_year } }) as DocumentSummary;
    const pairs = comparePairs([doc('new', 2025), doc('old', 2021), doc('mid', 2024)]);
    expect(pairs.map(({ a, b }) => `${a.meta.id}/${b.meta.id}`)).toEqual([
      'old/mid',
      'old/new',
      'mid/new',
    ]);
  });

  it('puts the programs in both side by side with the difference, and the rest in only-a and only-b', () => {
    const rows = compareDocuments('a', 'b', records, programs, programOf);
    expect(rows.both.map((r) => [r.program.slug, r.yenA, r.yenB, r.difference])).toEqual([
      ['p-001', 300, 200, -100],
      ['p-002', null, 10, null], // a 内数 has no figure to subtract
    ]);
    expect(rows.onlyA.map((r) => r.id)).toEqual(['a-2']);
    expect(rows.onlyB.map((r) => r.id)).toEqual(['b-2']);
    expect(compareCsvRows('a', 'b', rows)).toEqual([
      ['status', 'program', 'id_a', 'name_a', 'yen_a', 'id_b', 'name_b', 'yen_b', 'difference_yen'],
      ['both', 'p-001', 'a-1', '事業a-1', 300, 'b-1', '事業b-1', 200, -100],
      ['both', 'p-002', 'a-3', '事業a-3', null, 'b-3', '事業b-3', 10, null],
      ['only_a', null, 'a-2', '事業a-2', 50, null, null, null, null],
      ['only_b', null, null, null, null, 'b-2', '事業b-2', 70, null],
    ]);
  });
});
