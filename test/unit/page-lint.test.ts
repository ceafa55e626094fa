import { describe, expect, it } from 'vitest';
import { lintPages, type PageView } from '../../src/checks/page-lint.ts';
import { makeRecord } from '../fixtures/records.ts';

const view = (over: Partial<PageView> = {}): PageView => ({
  id: 'a',
  document: 'doc',
  h1: '架空の支援事業',
  sections: { purpose: '医療人材の確保を図る。', body: '補助を行う。', outcome: '' },
  facts: { implementer: '都道府県', rate: '10/10' },
  namesakeNote: false,
  ...over,
});
const rulesOf = (pages: PageView[], records = [makeRecord({ id: 'a' }), makeRecord({ id: 'b' })]) =>
  lintPages(pages, records).problems.map((p) => p.rule);

describe('page lint rules', () => {
  it('passes a clean page', () => {
    expect(rulesOf([view()])).toEqual([]);
  });
  it.each([
    [
      'heading-in-section',
      {
        sections: {
          purpose: '⑤ 成果イメージ（経済効果、雇用の下支え・創出効果、波及プロセスを含む）',
          body: '',
          outcome: '',
        },
      },
    ],
    [
      'division-in-section',
      {
        sections: {
          purpose: '目的を図る。\n医政局医療経営支援課（内線2672）',
          body: '',
          outcome: '',
        },
      },
    ],
    ['flow-step-in-section', { sections: { purpose: '', body: 'Ⅱ 交付決定', outcome: '' } }],
    [
      'box-row-in-section',
      { sections: { purpose: '', body: '都 道 府 県厚 生 労 働 省 医 療 機 関', outcome: '' } },
    ],
    ['title-not-a-name', { h1: '老健局認知症施策・地域介護推進課' }],
    ['title-not-a-name', { h1: '※令和5年度補正予算額27億円' }],
    [
      'title-not-a-name',
      { h1: '共生社会の実現を推進するための認知症基本法に基づく都道府県・市町村の' },
    ],
    [
      'fact-missing',
      {
        sections: { purpose: '', body: '【実施主体】 市区町村', outcome: '' },
        facts: { implementer: null, rate: '1/2' },
      },
    ],
    [
      'fact-missing',
      {
        sections: { purpose: '', body: '補助率：国１／２', outcome: '' },
        facts: { implementer: '国', rate: null },
      },
    ],
  ] as const)('%s', (rule, over) => {
    expect(rulesOf([view(over as Partial<PageView>)])).toEqual([rule]);
  });
  it('flags two pages of one document with one <h1>, unless they say what tells them apart', () => {
    expect(rulesOf([view(), view({ id: 'b' })])).toEqual(['shared-h1', 'shared-h1']);
    expect(rulesOf([view({ namesakeNote: true }), view({ id: 'b', namesakeNote: true })])).toEqual(
      [],
    );
    expect(rulesOf([view(), view({ id: 'b', document: 'other' })])).toEqual([]);
  });
  it('flags a sub-title that is an extension number', () => {
    expect(rulesOf([view()], [makeRecord({ id: 'a', subtitle: '内線2871' })])).toEqual([
      'subtitle-not-a-sub-name',
    ]);
  });
  it('flags a 内数 measure filed under a measure whose amount is not the pot it names', () => {
    const records = [
      makeRecord({
        id: 'a',
        parent: 'b',
        amount: {
          yen: null,
          kind: 'part_of',
          text: '8.0億円の内数',
          prior_yen: null,
          fund: '8.0億円',
        },
      }),
      makeRecord({
        id: 'b',
        title: '災害派遣医療チーム体制整備事業',
        amount: {
          yen: 920_000_000,
          kind: 'own',
          text: '9.2億円（8.0億円）',
          prior_yen: 800_000_000,
          fund: null,
        },
      }),
    ];
    expect(rulesOf([view()], records)).toEqual(['pot-mismatch']);
    records[1] = { ...records[1]!, amount: { ...records[1]!.amount, yen: 800_000_000 } };
    expect(rulesOf([view()], records)).toEqual([]);
  });
});
