import { describe, expect, it } from 'vitest';
import { baseNormalize } from '../../src/lib/search-normalise.ts';
import { NO_SEARCH_TERMS, type SearchTerms } from '../../src/schemas/search-terms.ts';
import { makePlanner, runPlan, type SearchFn } from '../../src/site/search/plan.ts';
import { readingTerms } from '../../src/site/search/readings.ts';
import { encode, makeFold, searchQuery } from '../../src/site/search/text.ts';

/** Tables as the loader compiles them (keys base-normalised), with words of the documents. */
const terms: SearchTerms = {
  ...NO_SEARCH_TERMS,
  variants: [
    [baseNormalize('こども'), baseNormalize('子ども')],
    [baseNormalize('子供'), baseNormalize('子ども')],
    [baseNormalize('癌'), baseNormalize('がん')],
  ],
  synonyms: [
    [baseNormalize('お年寄り'), ['高齢者']],
    [baseNormalize('妊婦さん'), ['妊産婦', '妊婦']],
    [baseNormalize('歯医者'), ['歯科']],
  ],
  english: [
    ['nurse', ['看護']],
    ['elderly care', ['介護']],
    ['pharmacy', ['薬局']],
  ],
  confusions: [['保健', '保険']],
  vocabulary: ['認知症', '介護'],
};
const planner = makePlanner(terms);
const fold = makeFold(terms);

describe('splitting a query into its content words', () => {
  it.each([
    ['がん検診を受けたい', ['がん', '検診']],
    ['介護の仕事に就くには', ['介護', '仕事']],
    ['子どもの食事の支援はありますか', ['子ども', '食事', '支援']],
    ['出産費用が払えない', ['出産費用']],
    ['認知症の家族を支えたい', ['認知症', '家族']],
    ['薬がもらえない', ['薬']],
    ['お年寄り 見守り', ['お年寄り', '見守']],
    ['ひとりおや', ['ひとりおや']],
    ['ＤＭＡＴ', ['dmat']],
  ])('%s → %j', (q, words) => {
    expect(planner.plan(q).words).toEqual(words);
  });
});

describe('alternatives', () => {
  const kinds = (q: string) => planner.plan(q).alternatives.map((a) => [a.kind, a.query]);

  it('searches the words as typed first, variants folded', () => {
    const [first] = planner.plan('子供 食事').alternatives;
    expect(first).toMatchObject({ kind: 'exact', query: searchQuery('子ども 食事', fold) });
  });

  it('replaces an everyday word by each official word it stands for', () => {
    expect(kinds('妊婦さん 健診')).toContainEqual(['synonym', searchQuery('妊産婦 健診', fold)]);
    expect(kinds('妊婦さん 健診')).toContainEqual(['synonym', searchQuery('妊婦 健診', fold)]);
    expect(kinds('歯医者')).toContainEqual(['synonym', searchQuery('歯科', fold)]);
  });

  it('searches a word typed in kana as a reading too', () => {
    expect(kinds('ひとりおや')).toContainEqual(['reading', encode('ヒトリオヤ', 'y')]);
    expect(kinds('しかけんしん')).toContainEqual(['reading', encode('シカケンシン', 'y')]);
  });

  it('turns English words and phrases into the Japanese words', () => {
    const plan = planner.plan('Elderly care nurse');
    expect(plan.english).toBe(true);
    expect(plan.alternatives.map((a) => [a.kind, a.query])).toContainEqual([
      'english',
      searchQuery('介護 看護', fold),
    ]);
    // one letter off a table word still counts as it
    expect(planner.plan('pharmcy').alternatives.map((a) => a.query)).toContain(
      searchQuery('薬局', fold),
    );
  });

  it('offers the word one step away, or the other member of a confusion group', () => {
    const typos = (q: string, more: string[] = []) =>
      planner.typos(planner.plan(q), more).map((a) => a.words.join(' '));
    expect(typos('認知証')).toEqual(['認知症']);
    expect(typos('介語')).toEqual(['介護']);
    // the documents' words, most frequent first, with the same first character
    expect(typos('伴奏支援', ['伴走支援', '伴走型支援'])).toEqual(['伴走支援']);
    expect(typos('処偶改善', ['処遇改善', '改善'])).toEqual(['処遇改善']);
    // a wrong first character is found through the second (任産婦 → 妊産婦); a known word is not corrected
    expect(typos('忍知症')).toEqual(['認知症']);
    expect(typos('任産婦', ['妊産婦'])).toEqual(['妊産婦']);
    expect(typos('認知症')).toEqual([]);
  });

  it('searches a word readers confuse with another as the other too', () => {
    expect(kinds('保険所')).toContainEqual(['confusion', searchQuery('保健所', fold)]);
  });

  it('searches an everyday word inside a longer one as the official word beside the rest', () => {
    expect(kinds('歯医者不足')).toContainEqual(['synonym', searchQuery('歯科 不足', fold)]);
  });

  it('keeps okurigana inside a compound, not after its last kanji', () => {
    expect(planner.plan('働き方').words).toEqual(['働き方']);
    expect(planner.plan('見守り支援を受けたい').words).toEqual(['見守り支援']);
  });

  it('folds a middle dot between katakana words', () => {
    expect(searchQuery('ワーク・ライフ・バランス', fold)).toBe(
      searchQuery('ワークライフバランス', fold),
    );
  });
});

describe('running a plan', () => {
  /**
   * An index that knows some queries. A quoted phrase (the check that a page
   * prints a word) finds every page, except for the words in `missing`.
   */
  const index =
    (hits: Record<string, [string, number][]>, missing: string[] = []): SearchFn =>
    async (q) => {
      if (q.startsWith('"')) {
        if (missing.some((pair) => q === `"${encode(pair)}"`)) return [];
        return [...new Set(Object.values(hits).flatMap((l) => l.map(([id]) => id)))].map((id) => ({
          id,
          score: 1,
        }));
      }
      return (hits[q] ?? []).map(([id, score]) => ({ id, score }));
    };

  it('keeps only the pages that print each word: a term the index lacks finds nothing', async () => {
    const outcome = await runPlan(
      planner.plan('伴奏支援'),
      // the index answers the pairs of 伴奏支援 with pages of 伴… and 支援 (its prefix fallback)
      index({ [searchQuery('伴奏支援', fold)]: [['x', 3]] }, ['伴奏']),
    );
    expect(outcome.results).toEqual([]);
  });

  it('ranks pages found by reading a little below those found by the words as typed', async () => {
    const outcome = await runPlan(
      planner.plan('しかけんしん'),
      index({
        [searchQuery('しかけんしん', fold)]: [['a', 1]],
        [encode('シカケンシン', 'y')]: [
          ['c', 1.1],
          ['a', 2],
        ],
      }),
    );
    // a: 2 × 0.8 = 1.6 by reading; c: 1.1 × 0.8 = 0.88, below a page as typed with score 1
    expect(outcome.results.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('ranks the words as typed and their synonyms together, a replaced word a little lower', async () => {
    const plan = planner.plan('妊婦さん');
    const outcome = await runPlan(
      plan,
      index({
        [searchQuery('妊婦さん', fold)]: [['a', 1]],
        [searchQuery('妊産婦', fold)]: [
          ['b', 2],
          ['a', 0.5],
          ['c', 1.2],
        ],
      }),
    );
    // b: 2 × 0.8 = 1.6; a: its better score, 1 as typed; c: 1.2 × 0.8 = 0.96
    expect(outcome.results.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(outcome.used).toEqual([{ kind: 'synonym', replaced: [['妊婦さん', '妊産婦']] }]);
    expect(outcome.marks).toContain('妊産婦');
    expect(outcome.suggestion).toBeNull();
  });

  it('suggests a correction only when the words as typed found nothing', async () => {
    const plan = planner.plan('認知証');
    const outcome = await runPlan(
      plan,
      index({ [searchQuery('認知症', fold)]: [['d', 1]] }, ['知証']),
      {
        typos: async () => planner.typos(plan, []),
      },
    );
    expect(outcome.results.map((r) => r.id)).toEqual(['d']);
    expect(outcome.suggestion).toBe('認知症');
  });

  it('shows the pages with most of the words, and says so, when none has all', async () => {
    const plan = planner.plan('介護 宇宙');
    const outcome = await runPlan(plan, index({ [searchQuery('介護', fold)]: [['e', 1]] }));
    expect(outcome.results.map((r) => r.id)).toEqual(['e']);
    expect(outcome.partial).toBe(true);
  });
});

describe('reading terms of the index', () => {
  /** A tokenizer as kuromoji cuts these texts (親 read as the prefix シン, 健診 as 健/診). */
  const tokens: Record<string, [string, string | null][]> = {
    ひとり親家庭等の支援: [
      ['ひとり', 'ヒトリ'],
      ['親', 'シン'],
      ['家庭', 'カテイ'],
      ['等', 'トウ'],
      ['の', 'ノ'],
      ['支援', 'シエン'],
    ],
    家庭等の支援: [
      ['家庭', 'カテイ'],
      ['等', 'トウ'],
      ['の', 'ノ'],
      ['支援', 'シエン'],
    ],
    歯科: [['歯科', 'シカ']],
  };
  const tokenize = (s: string) =>
    (tokens[s] ?? [[s, null]]).map(([surface, reading]) => ({ surface, reading }));

  it('holds the reading of each kanji word and of compounds of neighbouring words, curated readings first', () => {
    const terms = readingTerms('ひとり親家庭等の支援', tokenize, [['ひとり親', 'ひとりおや']]);
    for (const r of ['ヒトリオヤ', 'ヒトリオヤカテイ', 'カテイ', 'シエン'])
      expect(terms, r).toContain(encode(r, 'y'));
    // the analyser's misreading of 親 is not indexed, and a particle ends a compound
    expect(terms).not.toContain(encode('ヒトリシン', 'y'));
    expect(terms).not.toContain(encode('トウノシエン', 'y'));
  });

  it('holds a compound of words that are words of their own (歯科 + 健診)', () => {
    const terms = readingTerms('歯科健診', tokenize, [['健診', 'けんしん']]);
    expect(terms).toContain(encode('シカケンシン', 'y'));
  });
});
