import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSearchTerms } from '../../src/pipeline/load/search-terms.ts';
import type { Problem } from '../../src/schemas/problem.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'search-terms-'));
  mkdirSync(join(dir, 'search'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'search', name), text);
  const problems: Problem[] = [];
  const terms = loadSearchTerms(join(dir, 'search'), 'content/search', problems);
  return { terms, problems: problems.map((p) => `${p.file}:${p.line}: ${p.message}`) };
}

describe('the search tables (content/search/)', () => {
  it('compiles keys to the base normalisation: hiragana as katakana, NFKC, lower case', () => {
    const { terms, problems } = load({
      'variants.yaml':
        'words:\n  - canonical: 子ども\n    variants: [こども, 子供]\n    note: 資料は子ども\nchars:\n  - { from: 齡, to: 齢, note: 旧字体 }\n',
      'synonyms.yaml':
        'entries:\n  - words: [お年寄り, おとしより]\n    official: [高齢者]\n    reason: 日常語\n',
      'english.yaml':
        'entries:\n  - en: [Nurse, " elderly   care "]\n    ja: [看護]\n    reason: common term\n',
      'confusions.yaml': 'groups:\n  - words: [保健, 保険]\n    note: 同音\n',
    });
    expect(problems).toEqual([]);
    expect(terms.variants).toEqual([
      ['コドモ', '子ドモ'],
      ['子供', '子ドモ'],
    ]);
    expect(terms.chars).toEqual([['齡', '齢']]);
    expect(terms.synonyms).toEqual([
      ['オトシヨリ', ['高齢者']],
      ['オ年寄リ', ['高齢者']],
    ]);
    expect(terms.english.map(([k]) => k)).toEqual(['elderly care', 'nurse']);
    expect(terms.confusions).toEqual([['保健', '保険']]);
  });

  it('names file and line of a word listed twice, a variant under two forms, and a bad entry', () => {
    const { problems } = load({
      'variants.yaml':
        'words:\n  - canonical: 子ども\n    variants: [こども]\n    note: a\n  - canonical: 児童\n    variants: [こども]\n    note: b\nchars: []\n',
      'synonyms.yaml':
        'entries:\n  - words: [お年寄り]\n    official: [高齢者]\n    reason: a\n  - words: [おとしより, お年寄り]\n    official: [高齢者]\n    reason: b\n',
      'english.yaml': 'entries:\n  - en: [nurse]\n    ja: [看護]\n',
    });
    expect(problems).toEqual([
      'content/search/variants.yaml:5: variant こども is listed under two forms',
      'content/search/synonyms.yaml:5: お年寄り is listed twice',
      'content/search/english.yaml:2: entries.0: each entry needs a reason or a source',
    ]);
  });
});
