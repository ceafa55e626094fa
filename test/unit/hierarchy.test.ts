import { describe, expect, it } from 'vitest';
import { hierarchyRows, sortByAmount } from '../../src/lib/hierarchy.ts';
import { withBase } from '../../src/lib/links.ts';
import { fixtureDocument, makeRecord } from '../fixtures/records.ts';

describe('hierarchyRows', () => {
  it('puts children under their package, in the order of children', () => {
    const rows = hierarchyRows(fixtureDocument().measures);
    expect(rows.map((r) => [r.record.id, r.depth])).toEqual([
      ['fixture-1', 0],
      ['fixture-2', 1],
      ['fixture-3', 1],
      ['fixture-4', 0],
      ['fixture-5', 0],
    ]);
  });

  it('lists every record once even with broken links', () => {
    const records = [
      makeRecord({ id: 'a', parent: 'b', children: ['b'] }),
      makeRecord({ id: 'b', parent: 'a', children: ['a'] }),
      makeRecord({ id: 'c', parent: 'missing' }),
    ];
    const rows = hierarchyRows(records);
    expect(rows.map((r) => r.record.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('sortByAmount', () => {
  it('sorts own amounts descending, then part_of, then none, stable', () => {
    const ids = sortByAmount(fixtureDocument().measures).map((r) => r.id);
    expect(ids).toEqual(['fixture-1', 'fixture-2', 'fixture-5', 'fixture-3', 'fixture-4']);
  });
});

describe('withBase', () => {
  it('joins the base and a site path', () => {
    expect(withBase('/', '/measures/x/')).toBe('/measures/x/');
    expect(withBase('/sub/', '/measures/x/')).toBe('/sub/measures/x/');
    expect(withBase('/sub', 'measures/x/')).toBe('/sub/measures/x/');
    expect(withBase('/sub/', '/')).toBe('/sub/');
  });
});
