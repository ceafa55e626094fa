import { describe, expect, it } from 'vitest';
import {
  countedOwn,
  indexRecords,
  ownTotal,
  setTotals,
  totalsByLabel,
} from '../../src/pipeline/derive/totals.ts';
import type { MeasureRecord } from '../../src/schemas/measure.ts';
import { makeRecord } from '../fixtures/records.ts';

const own = (yen: number) => ({
  yen,
  kind: 'own' as const,
  text: `${yen}円`,
  prior_yen: null,
  fund: null,
});
const partOf = {
  yen: null,
  kind: 'part_of' as const,
  text: '〇〇の内数',
  prior_yen: null,
  fund: '〇〇',
};
const none = { yen: null, kind: 'none' as const, text: '', prior_yen: null, fund: null };
const R = (
  id: string,
  amount: MeasureRecord['amount'],
  parent: string | null = null,
  children: string[] = [],
) => makeRecord({ id, amount, parent, children });

// a package of 100 whose items add up to 130 (items that differ from the printed total),
// one of them a package itself; a 内数 item; a zero-yen measure; a package with no amount
const records = [
  R('pkg', own(100), null, ['a', 'b', 'c']),
  R('a', own(70), 'pkg', ['a1']),
  R('a1', own(20), 'a'),
  R('b', own(60), 'pkg'),
  R('c', partOf, 'pkg'),
  R('zero', own(0)),
  R('open', none, null, ['o1', 'o2']),
  R('o1', own(5), 'open'),
  R('o2', own(7), 'open'),
];
const index = indexRecords(records);
const ids = (rs: readonly MeasureRecord[]) => rs.map((r) => r.id);

describe('totals never count an amount twice', () => {
  it('counts a package, not its items, however deep, even when the items add up to more', () => {
    expect(ids(countedOwn(records, index))).toEqual(['pkg', 'zero', 'o1', 'o2']);
    expect(ownTotal(records, index)).toEqual({ yen: 112, count: 4 });
  });

  it('counts the items of a package that prints no amount of its own', () => {
    expect(ownTotal([records[6]!, records[7]!, records[8]!], index)).toEqual({ yen: 12, count: 2 });
  });

  it('counts an item whose package is outside the set, and its own items not again', () => {
    const set = records.filter((r) => ['a', 'a1', 'b'].includes(r.id));
    expect(ids(countedOwn(set, index))).toEqual(['a', 'b']);
    expect(ownTotal(set, index).yen).toBe(130);
    // a grand-child whose grand-parent is in the set but not its parent
    expect(
      ids(
        countedOwn(
          records.filter((r) => ['pkg', 'a1'].includes(r.id)),
          index,
        ),
      ),
    ).toEqual(['pkg']);
  });

  it('never counts 内数 or missing amounts; counts zero yen as an amount of zero', () => {
    expect(ownTotal([records[4]!, records[6]!], index)).toEqual({ yen: 0, count: 0 });
    expect(ownTotal([records[5]!], index)).toEqual({ yen: 0, count: 1 });
  });

  it('gives set totals per budget label with what was left out and why', () => {
    expect(setTotals(['pkg', 'a', 'a1', 'c', 'zero', 'open', 'o1'], index)).toEqual([
      {
        label: '令和6年度補正予算案',
        measures: 7,
        own_yen: 105,
        own_count: 3,
        nested_count: 2,
        part_of_count: 1,
        none_count: 1,
      },
    ]);
    expect(setTotals(['missing-id'], index)).toEqual([]);
  });

  it('adds each budget label separately', () => {
    const other = makeRecord({
      id: 'r7',
      amount: own(9),
      budget: { label: '令和7年度概算要求額', fiscal_year: 2025, kind: 'request' },
    });
    const all = [...records, other];
    expect([...totalsByLabel(all, indexRecords(all))]).toEqual([
      ['令和6年度補正予算案', 112],
      ['令和7年度概算要求額', 9],
    ]);
  });
});
