import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { readDetails } from '../../src/pipeline/extract/steps/read-facts.ts';
import { enhancePage } from '../../src/site/reading-aids/enhance.ts';
import { termMatcher } from '../../src/site/reading-aids/glossary.ts';
import type { GlossaryTerm } from '../../src/schemas/glossary.ts';
import { readingTable } from '../../src/pipeline/index.ts';
import {
  alignReading,
  rubySegments,
  toHiragana,
  type Token,
} from '../../src/site/reading-aids/ruby.ts';

/** A tiny tokenizer standing in for kuromoji: known words, else one character each. */
const DICT: Record<string, string> = {
  医療: 'イリョウ',
  機関: 'キカン',
  支援: 'シエン',
  取り組み: 'トリクミ',
  係る: 'カカル',
  健: 'ケン',
  診: 'ミ',
};
const tokenize = (s: string): Token[] => {
  const out: Token[] = [];
  for (let i = 0; i < s.length;) {
    const w = Object.keys(DICT).find((k) => s.startsWith(k, i));
    if (w) {
      out.push({ surface: w, reading: DICT[w]! });
      i += w.length;
    } else {
      out.push({ surface: s[i]!, reading: null });
      i += 1;
    }
  }
  return out;
};

const term = (
  t: string,
  slug: string,
  aliases: string[] = [],
  notIn: string[] = [],
): GlossaryTerm => ({
  term: t,
  slug,
  reading: 'よみ',
  aliases,
  not_in: notIn,
  short: `${t}の短い説明`,
  plain: `${t}の説明`,
  source: { title: '出典', url: null },
});
const GLOSSARY = [
  term('補正予算', 'hosei-yosan', ['補正予算案']),
  term('基金', 'kikin'),
  term('地域医療介護総合確保基金', 'kakuho-kikin'),
  term('定額', 'teigaku', [], ['一定額']),
];

describe('furigana', () => {
  it('converts katakana readings and keeps okurigana outside the ruby', () => {
    expect(toHiragana('イリョウ')).toBe('いりょう');
    expect(alignReading('係る', 'カカル')).toEqual([{ text: '係', ruby: 'かか' }, { text: 'る' }]);
    expect(alignReading('取り組み', 'トリクミ')).toEqual([
      { text: '取', ruby: 'と' },
      { text: 'り' },
      { text: '組', ruby: 'く' },
      { text: 'み' },
    ]);
    expect(alignReading('医療', 'イリョウ')).toEqual([{ text: '医療', ruby: 'いりょう' }]);
  });

  it('gives readings to kanji words, none to kana, digits or unknown words', () => {
    expect(rubySegments('医療機関を支援する', tokenize)).toEqual([
      { text: '医療', ruby: 'いりょう' },
      { text: '機関', ruby: 'きかん' },
      { text: 'を' },
      { text: '支援', ruby: 'しえん' },
      { text: 'する' },
    ]);
    expect(rubySegments('828億円の謎', tokenize)).toEqual([{ text: '828億円の謎' }]);
    expect(rubySegments('ひらがなだけ', tokenize)).toEqual([{ text: 'ひらがなだけ' }]);
  });

  it('prefers curated readings, longest first', () => {
    const curated = readingTable([
      ['健診', 'けんしん'],
      ['歯科健診', 'しかけんしん'],
    ]);
    expect(rubySegments('歯科健診と健診', tokenize, curated)).toEqual([
      { text: '歯科健診', ruby: 'しかけんしん' },
      { text: 'と' },
      { text: '健診', ruby: 'けんしん' },
    ]);
  });
});

describe('termMatcher', () => {
  const m = termMatcher(GLOSSARY);
  it('finds the leftmost, longest term not yet explained', () => {
    expect(m.find('令和6年度補正予算案の基金', new Set())).toMatchObject({
      at: 5,
      length: 5,
      term: { slug: 'hosei-yosan' },
    });
    expect(m.find('令和6年度補正予算案の基金', new Set(['hosei-yosan']))).toMatchObject({
      at: 11,
      term: { slug: 'kikin' },
    });
  });
  it('does not find a shorter term inside a longer one, or inside its not_in words', () => {
    expect(m.find('地域医療介護総合確保基金を活用', new Set(['kakuho-kikin']))).toBeNull();
    expect(m.find('一定額以上の賃上げ', new Set())).toBeNull();
    expect(m.find('一定額以上、補助率は定額', new Set())).toMatchObject({
      at: 10,
      term: { slug: 'teigaku' },
    });
  });
});

describe('enhancePage', () => {
  const page = (body: string) =>
    fromHtml(
      `<!doctype html><html lang="ja"><body><main><h1 data-enhance="ruby">医療機関の支援</h1><div data-enhance="ruby glossary">${body}</div><aside data-glossary-list></aside></main></body></html>`,
    );
  const run = (tree: Root) => {
    enhancePage(tree, {
      tokenize,
      glossary: GLOSSARY,
      glossaryHref: (s) => `/glossary/#${s}`,
      phrases: (s) => (s === '医療機関の支援' ? ['医療機関の', '支援'] : [s]),
    });
    return toHtml(tree);
  };

  it('links the first occurrence of each term to the page term list, described for screen readers', () => {
    const html = run(
      page('<p>補正予算案で基金を作る。補正予算の基金。</p><p><a href="/x">基金</a></p>'),
    );
    expect(html.match(/class="term"/g)).toHaveLength(2);
    expect(html).toContain(
      '<a class="term" href="#term-hosei-yosan" id="ref-hosei-yosan" aria-describedby="term-short-hosei-yosan">補正予算案</a>',
    );
    expect(html).toContain(
      '<dt id="term-hosei-yosan"><a href="/glossary/#hosei-yosan">補正予算</a>（よみ）</dt>',
    );
    expect(html).toContain('<span id="term-short-kikin">基金の短い説明</span>');
    expect(html).toContain('<h2 id="terms">このページの用語</h2>');
  });

  it('adds furigana as attributes only, and phrase breaks to headings', () => {
    const html = run(page('<p>医療を支援</p>'));
    expect(html).toContain(
      '<h1 data-enhance="ruby"><ruby>医療<rt data-r="いりょう"></rt></ruby><ruby>機関<rt data-r="きかん"></rt></ruby>の<wbr>',
    );
    // furigana at the first occurrence on the page only: the body repeats the heading's words
    expect(html).toContain('<p>医療を支援</p>');
    // the visible text is unchanged: readings are never text nodes
    const text = (h: string) => h.replace(/<[^>]+>/g, '');
    expect(text(html)).toContain('医療を支援');
    expect(text(html)).not.toContain('いりょう');
  });

  it('hides the term list when no term occurs', () => {
    expect(run(page('<p>なにもない</p>'))).toContain('<aside hidden>');
  });

  it('leaves text outside marked regions alone and never touches scripts', () => {
    const tree = fromHtml(
      '<main><p>医療</p><div data-enhance="ruby"><script>var a="医療"</script></div></main>',
      { fragment: true },
    );
    enhancePage(tree, { tokenize });
    expect(toHtml(tree)).toBe(
      '<main><p>医療</p><div data-enhance="ruby"><script>var a="医療"</script></div></main>',
    );
  });
});

describe('readDetails', () => {
  it('reads 実施主体, 対象 and 補助率 with their lines', () => {
    const lines = [
      '○ 事業の概要',
      '実施主体：都道府県・市区町村 補助率：国：２／３、都道府県・市区町村：１／３',
      '【対象】',
      '医療機関',
      '・実施主体選定',
    ];
    expect(readDetails(lines, 0, lines.length - 1)).toEqual({
      implementer: { text: '都道府県・市区町村', line: 2 },
      target: { text: '医療機関', line: 3 },
      rate: { text: '国：２／３、都道府県・市区町村：１／３', line: 2 },
    });
  });
  it.each([
    [['［ 実 施 主 体 ］ 市区町村'], 'implementer', '市区町村'],
    [['(実施主体：都道府県、補助率：国2/3、都道府県1/3)'], 'implementer', '都道府県'],
    [['(実施主体：都道府県、補助率：国2/3、都道府県1/3)'], 'rate', '国2/3、都道府県1/3'],
    [
      [
        '【補助実施主体】 都道府県、市町村（特別区含む） 【補助率】 国１/２、都道府県・市町村（特別区含む）１／２',
      ],
      'rate',
      '国１/２、都道府県・市町村（特別区含む）１／２',
    ],
    [['【負担割合】 国２／３ 都道府県・市１／３'], 'rate', '国２／３ 都道府県・市１／３'],
    [['※補助率:国１/２、事業者１/２'], 'rate', '国１/２、事業者１/２'],
    [['（補助率１０／１０）し、都道府県が医療機関に支給'], 'rate', '１０／１０'],
    [['国は都道府県を通じて交付', '補助(10/10)'], 'rate', '補助(10/10)'],
    [['国１/２、自治体１/４、事業所１/４'], 'rate', '国１/２、自治体１/４、事業所１/４'],
    [
      ['国立がん研究センター中央病院が実施主体となり、体制を整備する。'],
      'implementer',
      '国立がん研究センター中央病院',
    ],
  ] as const)('reads %j: %s', (lines, fact, want) => {
    expect(readDetails(lines, 0, lines.length - 1)[fact]?.text).toBe(want);
  });
  it('does not read a scattered table: a header row of several labels takes no value from the next line', () => {
    const lines = ['【事業実施主体】 【補助率】', 'ひきこもり支援体制構築加速化事業'];
    expect(readDetails(lines, 0, 1)).toEqual({ implementer: null, target: null, rate: null });
  });

  it('takes the next line as a value only for a label alone on its line', () => {
    expect(readDetails(['（2）実施主体', '', '都道府県'], 0, 2).implementer?.text).toBe('都道府県');
    // a label word closing a sentence's line is no label: the next line continues the sentence
    const lines = [
      '「自立支援計画（仮称）」の作成にあたり、支援対象者',
      'に係る情報交換、連絡調整を行う。',
    ];
    expect(readDetails(lines, 0, 1).target).toBeNull();
  });

  it('ignores a rate label without a rate and a bullet that merely mentions the word', () => {
    const lines = [
      '④ 施策のスキーム図、実施要件（対象、補助率等）等',
      '・実施主体選定',
      '補助率',
      '上限額',
    ];
    expect(readDetails(lines, 0, 3)).toEqual({ implementer: null, target: null, rate: null });
  });
});

describe('the project glossary', () => {
  it('parses, has at least 40 terms, and every term has a source', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseGlossary } = await import('../../src/pipeline/load/glossary.ts');
    const file = new URL('../../content/glossary.yaml', import.meta.url);
    const result = parseGlossary(readFileSync(file, 'utf8'), 'content/glossary.yaml');
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.value.length).toBeGreaterThanOrEqual(40);
    for (const t of result.value) expect(t.source.title.length, t.term).toBeGreaterThan(0);
    for (const required of [
      '補正予算',
      '当初予算',
      '概算要求',
      '内数',
      '補助率',
      '定額',
      '交付金',
      '基金',
      '推進枠',
      '制度要求',
      '実施主体',
      '委託',
      '拠出金',
      '都道府県',
      '市町村',
    ]) {
      expect(
        result.value.map((t) => t.term),
        required,
      ).toContain(required);
    }
  });
});
