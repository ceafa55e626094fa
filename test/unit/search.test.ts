import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/site/search/records.ts';
import {
  encode,
  makeFold,
  normalizeForSearch,
  searchQuery,
  searchTokens,
} from '../../src/site/search/text.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { snippet } from '../../src/client/search.ts';
import { compactFragment } from '../../src/integrations/search-index.ts';
import { summariseDocument } from '../../src/pipeline/derive/documents.ts';
import { buildNavigation } from '../../src/pipeline/derive/navigation.ts';
import { fixtureDocument } from '../fixtures/records.ts';

/** Does a text contain all tokens of a query (what an AND search over the index does)? */
const finds = (text: string, query: string) => {
  const tokens = searchTokens(text);
  return searchQuery(query)
    .split(' ')
    .every((q) => tokens.some((t) => t === q || (q.startsWith('j') && t.startsWith(q))));
};

describe('search text', () => {
  it('folds widths, case, kana and digit groups', () => {
    expect(normalizeForSearch('ＤＭＡＴ １７ １，３１１億円')).toBe('dmat 17 1311億円');
    expect(normalizeForSearch('ひきこもり')).toBe('ヒキコモリ');
  });

  it('folds the long vowel marks of katakana words, printed or not', () => {
    expect(normalizeForSearch('ドクターヘリー')).toBe(normalizeForSearch('ドクターヘリ'));
    expect(normalizeForSearch('データーベース')).toBe(normalizeForSearch('データベース'));
    expect(normalizeForSearch('コンピューター')).toBe(normalizeForSearch('コンピュータ'));
    expect(searchQuery('ドクターヘリー')).toBe(searchQuery('ドクターへリ'));
    // a mark after a kanji or alone is not a katakana word's: kept
    expect(normalizeForSearch('ー')).toBe('ー');
  });

  it('folds curated character and word variants on both sides', () => {
    const fold = makeFold({
      chars: [['齡', '齢']],
      variants: [
        ['コドモ', '子ドモ'],
        ['子供', '子ドモ'],
      ],
    });
    expect(fold('高齡者')).toBe('高齢者');
    expect(fold('こどもの食事')).toBe('子ドモノ食事');
    expect(searchQuery('子供 食事', fold)).toBe(searchQuery('子ども 食事', fold));
    const tokens = searchTokens('ひとり親家庭等の子どもの食事等支援事業', fold);
    for (const t of searchQuery('こども 食事', fold).split(' ')) expect(tokens).toContain(t);
  });

  it('gives full- and half-width forms the same tokens', () => {
    expect(searchQuery('ＤＭＡＴ')).toBe(searchQuery('DMAT'));
    expect(searchQuery('８０２０運動')).toBe(searchQuery('8020運動'));
    expect(searchQuery('ドクターへリ')).toBe(searchQuery('ドクターヘリ'));
  });

  it('finds a word inside a longer compound', () => {
    expect(finds('東海道新幹線の整備', '新幹線')).toBe(true);
    expect(finds('マイナ保険証の利用促進', '保険証')).toBe(true);
    expect(finds('児童相談所の体制', '相談所')).toBe(true);
    expect(finds('児童相談所の体制', '相談窓口')).toBe(false);
  });

  it('finds amounts with or without 円 and commas', () => {
    const text = '令和６年度補正予算案 １，３１１億円';
    for (const q of ['1311億円', '1,311億', '１３１１億円']) expect(finds(text, q), q).toBe(true);
    expect(finds(text, '1312億円')).toBe(false);
  });

  it('encodes Japanese tokens as plain ASCII words of fixed width', () => {
    for (const t of searchTokens('医療DXの推進、AI'))
      expect(t).toMatch(/^(?:[a-z0-9]+|j(?:[0-9a-z]{4}){1,2})$/);
  });
});

describe('query terms', () => {
  it('cover every character of a Japanese run with as few pairs as that takes', () => {
    const terms = (q: string) => searchQuery(q).split(' ');
    // (ドクターヘリ folds to ドクタヘリ: the long vowel mark is dropped)
    expect(terms('ドクターヘリ')).toEqual(['ドク', 'タヘ', 'ヘリ'].map((p) => encode(p)));
    expect(terms('認知症')).toEqual(['認知', '知症'].map((p) => searchTokens(p)[0]));
    expect(terms('介護 DMAT')).toEqual([searchTokens('介護')[0], 'dmat']);
    // each term is a pair the index holds for a text with the run, so the page is still found
    for (const [text, q] of [
      ['災害派遣医療チーム（DMAT）とドクターヘリの運航', 'ドクターヘリ'],
      ['認知症施策推進大綱', '認知症'],
    ] as const)
      expect(finds(text, q), q).toBe(true);
  });
});

describe('search fragments', () => {
  const fragment = (body: object, signature = 'pagefind_dcd') =>
    gzipSync(signature + JSON.stringify(body));
  it('store the plain snippet as their content, all else as Pagefind wrote it', () => {
    const body = {
      url: '/measures/x/',
      content: 'j0fkb0rjr j0rjr0pdj '.repeat(200),
      word_count: 400,
      filters: { type: ['施策'] },
      meta: { title: '施策', text: '平易な説明' },
      anchors: [],
    };
    const out = JSON.parse(
      gunzipSync(compactFragment(fragment(body)))
        .toString()
        .slice(12),
    );
    expect(out).toEqual({ ...body, content: '平易な説明' });
  });
  it('refuse a fragment of an unknown format', () => {
    expect(() => compactFragment(fragment({}, 'other'))).toThrow(/without its signature/);
  });
});

describe('search records', () => {
  const doc = fixtureDocument();
  const { nav } = buildNavigation({
    records: doc.measures,
    files: new Map(),
    org: null,
    tags: [],
    cross: { same: [], different: [] },
  });
  const records = searchRecords({
    records: doc.measures,
    nav,
    documents: [summariseDocument(doc)],
    glossary: [],
    population: null,
  });

  it('has one record per measure and document, with filters, sort key and display metadata', () => {
    expect(records.map((r) => r.url)).toEqual([
      ...doc.measures.map((m) => m.url),
      '/budgets/fixture/',
    ]);
    const first = records[0]!;
    expect(first.meta).toMatchObject({
      title: doc.measures[0]!.title,
      type: '施策',
      budget: '令和6年度補正予算案',
      amount: '1,311億円',
    });
    expect(first.filters).toMatchObject({
      type: ['施策'],
      budget: ['令和6年度補正予算案'],
      amount_kind: ['金額あり'],
    });
    expect(first.sort.amount).toBe('131100000000');
  });

  it('indexes tokens only: no markup or hostile text reaches the index content', () => {
    for (const r of records) expect(r.content).toMatch(/^[a-z0-9 ]*$/);
  });
});

describe('snippet', () => {
  it('marks the query words, matched across widths and kana', () => {
    expect(snippet('ドクターへリの運航', 'ドクターヘリ')).toEqual([
      ['ドクターへリ', true],
      ['の運航', false],
    ]);
    expect(snippet('ＤＭＡＴ隊員の養成', 'dmat')).toEqual([
      ['ＤＭＡＴ', true],
      ['隊員の養成', false],
    ]);
  });
  it('cuts long text around the first match', () => {
    const pieces = snippet(`${'あ'.repeat(200)}目的${'い'.repeat(200)}`, '目的', 60);
    expect(pieces[0]).toEqual(['…', false]);
    expect(pieces.some(([t, m]) => m && t === '目的')).toBe(true);
    expect(pieces.at(-1)).toEqual(['…', false]);
  });
});
