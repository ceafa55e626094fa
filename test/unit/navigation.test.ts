import { describe, expect, it } from 'vitest';
import {
  buildNavigation,
  fallbackSlug,
  type TagDef,
} from '../../src/pipeline/derive/navigation.ts';
import { setTotals } from '../../src/pipeline/derive/totals.ts';
import { indexOrganisation, parseOrganisation } from '../../src/pipeline/derive/organisation.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { makeRecord } from '../fixtures/records.ts';

const own = (yen: number) => ({ yen, kind: 'own' as const, text: '', prior_yen: null, fund: null });
const partOf = { yen: null, kind: 'part_of' as const, text: '', prior_yen: null, fund: '〇〇基金' };

/** Two documents: a package with two children in A, and programs repeated in B. */
function corpus(): MeasureRecord[] {
  const a = (id: string, o: Partial<MeasureRecord>) =>
    makeRecord({ id, source: { document: 'a', lines: [1, 2], pages: [1, 1] }, ...o });
  const b = (id: string, o: Partial<MeasureRecord>) =>
    makeRecord({
      id,
      source: { document: 'b', lines: [1, 2], pages: [1, 1] },
      budget: { label: '令和7年度概算要求', fiscal_year: 2025, kind: 'request' },
      ...o,
    });
  return [
    a('a-001', {
      title: '医療パッケージ',
      amount: own(300),
      children: ['a-002', 'a-003'],
      bureau: '医政局',
      tags: [],
    }),
    a('a-002', {
      title: 'がん対策推進事業',
      amount: own(100),
      parent: 'a-001',
      bureau: '医政局総務課',
      tags: ['新規'],
    }),
    a('a-003', {
      title: '基金事業',
      amount: partOf,
      parent: 'a-001',
      bureau: '医政局総務課',
      tags: ['謎の札'],
    }),
    a('a-004', { title: '難病対策の推進', amount: own(50), bureau: null, tags: [] }),
    b('b-001', { title: 'がん対策推進事業', amount: own(120), bureau: '医政局総務課', tags: [] }),
    b('b-002', { title: '難病対策の推進事業', amount: own(60), bureau: '未知局', tags: [] }),
    b('b-003', { title: '基金事業', amount: own(1), bureau: null, tags: [] }),
    b('b-004', { title: '基金事業', amount: own(2), bureau: null, tags: [] }),
  ];
}

const org = parseOrganisation(
  `bureaus:\n  - name: 医政局\n    slug: health-policy\n    divisions:\n      - { name: 総務課, slug: general-affairs }\n`,
  'org.yaml',
);
if (!org.ok) throw new Error(JSON.stringify(org.problems));
const TAGS: TagDef[] = [{ name: '新規', slug: 'new', aliases: [], description: '新しい事業' }];

function build(cross = { same: [] as [string, string][], different: [] as [string, string][] }) {
  return buildNavigation({
    records: corpus(),
    files: new Map([
      ['a', 'a.txt'],
      ['b', 'b.txt'],
    ]),
    org: indexOrganisation(org.ok ? org.value : (null as never)),
    tags: TAGS,
    cross,
  });
}

describe('buildNavigation', () => {
  it('orders previous/next within each document, packages before their children', () => {
    const { nav } = build();
    expect(nav.measures['a-001']).toMatchObject({ prev: null, next: 'a-002', ancestors: [] });
    expect(nav.measures['a-003']).toMatchObject({
      prev: 'a-002',
      next: 'a-004',
      ancestors: ['a-001'],
    });
    expect(nav.measures['b-001']!.prev).toBeNull();
  });

  it('puts measures under their bureau and division and reports unknown units', () => {
    const { nav, problems } = build();
    const bureau = nav.bureaus.find((b) => b.slug === 'health-policy')!;
    expect(bureau.measures).toEqual(['a-001', 'a-002', 'a-003', 'b-001']);
    expect(bureau.direct).toEqual(['a-001']);
    expect(bureau.divisions.map((d) => [d.slug, d.measures])).toEqual([
      ['general-affairs', ['a-002', 'a-003', 'b-001']],
    ]);
    expect(nav.no_bureau).toEqual(['a-004', 'b-003', 'b-004']);
    expect(nav.unknown_units).toEqual([{ text: '未知局', measures: ['b-002'] }]);
    expect(problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('担当 「未知局」 is not in content/organisation.yaml'),
    );
  });

  it('does not add a package and its children twice in a bureau total', () => {
    const { nav } = build();
    const totals = nav.bureaus.find((b) => b.slug === 'health-policy')!.totals;
    expect(totals.find((t) => t.label === '令和6年度補正予算案')).toMatchObject({
      own_yen: 300,
      own_count: 1,
      nested_count: 1,
      part_of_count: 1,
    });
  });

  it('gives unknown tags a generated slug and reports them', () => {
    const { nav, problems } = build();
    expect(nav.tags.map((t) => t.slug)).toEqual(['new', fallbackSlug('tag', '謎の札')]);
    expect(nav.measures['a-002']!.tags).toEqual(['new']);
    expect(problems.some((p) => p.message.includes('tag 「謎の札」'))).toBe(true);
  });

  it('compares a package with the sum of its children', () => {
    const { nav } = build();
    expect(nav.packages).toEqual([
      {
        id: 'a-001',
        document: 'a',
        children: ['a-002', 'a-003'],
        own_yen: 300,
        children_own_yen: 100,
        children_own_count: 1,
        children_other_count: 1,
        difference: null,
      },
    ]);
  });

  it('links equal titles across budgets, reports ambiguous and near matches without linking', () => {
    const { nav, problems } = build();
    expect(nav.measures['a-002']!.related).toEqual(['b-001']);
    expect(nav.measures['b-001']!.related).toEqual(['a-002']);
    expect(nav.measures['a-003']!.related).toEqual([]); // 基金事業 is twice in b
    expect(nav.measures['a-004']!.related).toEqual([]); // near match only
    expect(nav.cross_budget_uncertain.map((u) => [u.a, u.b].sort())).toEqual([
      ['a-003', 'b-003'],
      ['a-004', 'b-002'],
    ]);
    expect(problems.filter((p) => p.message.includes('not linked'))).toHaveLength(2);
  });

  it('follows curated same/different pairs', () => {
    const { nav } = build({ same: [['a-004', 'b-002']], different: [['a-002', 'b-001']] });
    expect(nav.measures['a-004']!.related).toEqual(['b-002']);
    expect(nav.measures['a-002']!.related).toEqual([]);
    expect(nav.cross_budget_uncertain.map((u) => u.a)).toEqual(['a-003']);
  });
});

describe('setTotals', () => {
  it('adds a child when its package is not in the set', () => {
    const byId = new Map(corpus().map((r) => [r.id, r]));
    expect(setTotals(['a-002', 'a-004'], byId)).toEqual([
      {
        label: '令和6年度補正予算案',
        measures: 2,
        own_yen: 150,
        own_count: 2,
        nested_count: 0,
        part_of_count: 0,
        none_count: 0,
      },
    ]);
  });
});
