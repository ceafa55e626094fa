/**
 * Search text for Japanese, shared by the index (build time) and the query
 * (browser). Pagefind alone misses a word inside a longer compound and
 * treats full- and half-width forms as different words. Both sides
 * therefore go through the same steps here:
 *
 * 1. normalise: NFKC (ＤＭＡＴ→DMAT, １７→17), lower case, hiragana →
 *    katakana (へ/ヘ printed either way), commas inside numbers dropped
 *    (1,311 → 1311); then fold (a `Fold` built from the curated variant
 *    tables of content/search/): old character forms to new (齡→齢), each
 *    orthographic variant to its one form (こども/子供 → 子ども), a middle
 *    dot between katakana words dropped (クリニカル・イノベーション =
 *    クリニカルイノベーション), and the long vowel marks of katakana words
 *    dropped (センター = センタ, ドクターヘリー = ドクターヘリ, データーベース =
 *    データベース);
 * 2. tokens: Latin/digit runs as words; Japanese runs as overlapping
 *    character pairs (新幹線 → 新幹 幹線), so any word inside a compound is
 *    found by its pairs; a single character stays a token.
 *
 * Tokens are written as ASCII (`j` + each code point as four base-36
 * digits), so Pagefind indexes each as one plain word and never re-segments
 * or stems it; a one-character query token finds every pair starting with
 * that character through Pagefind's prefix matching (828億 finds 828億円).
 * No dependencies: this module is bundled into the search page's script.
 */
import { baseNormalize } from '../../lib/search-normalise.ts';

export { baseNormalize };

/** The folding tables, each side already base-normalised (src/pipeline/load/search-terms.ts). */
export interface FoldTables {
  /** Single characters: old or variant form → the form used. */
  chars: readonly (readonly [string, string])[];
  /** Words: variant → its one form. */
  variants: readonly (readonly [string, string])[];
}

/** A text's base normalisation followed by the variant folding of its tables. */
export type Fold = (text: string) => string;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A katakana word's long-vowel marks, printed or not as writers choose: ヘリー = ヘリ, データーベース = データベース. */
const LONG_VOWEL = /([\u30a1-\u30fa])ー+/gu;
/** A middle dot between katakana words: ワーク・ライフ・バランス = ワークライフバランス. */
const KATAKANA_DOT = /([\u30a1-\u30faー])・(?=[\u30a1-\u30fa])/gu;

/** The fold of `tables` (with no tables: the base normalisation, the dot and the long-vowel rules only). */
export function makeFold(tables?: FoldTables): Fold {
  const chars = new Map(tables?.chars ?? []);
  const charRe =
    chars.size > 0 ? new RegExp(`[${[...chars.keys()].map(escape).join('')}]`, 'gu') : null;
  const words = new Map(tables?.variants ?? []);
  const wordRe =
    words.size > 0
      ? new RegExp(
          [...words.keys()]
            .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
            .map(escape)
            .join('|'),
          'gu',
        )
      : null;
  return (text) => {
    let t = baseNormalize(text);
    if (charRe) t = t.replace(charRe, (c) => chars.get(c) ?? c);
    if (wordRe) t = t.replace(wordRe, (w) => words.get(w) ?? w);
    return t.replace(KATAKANA_DOT, '$1').replace(LONG_VOWEL, '$1');
  };
}

const plainFold = makeFold();

/** The base normalisation and the long-vowel rule, without curated tables. */
export function normalizeForSearch(text: string): string {
  return plainFold(text);
}

const WORD = /[a-z0-9]+|[\p{Script=Han}\p{Script=Katakana}ー々〆ヶ]+/gu;

/** Encode a Japanese token as one ASCII word (`j`: text pairs; `y`: readings). */
export function encode(token: string, prefix = 'j'): string {
  return `${prefix}${[...token].map((c) => c.codePointAt(0)!.toString(36).padStart(4, '0')).join('')}`;
}

/** The search tokens of a text (encoded, in order, with repeats). */
export function searchTokens(text: string, fold: Fold = plainFold): string[] {
  const out: string[] = [];
  for (const [run] of fold(text).matchAll(WORD)) {
    if (/^[a-z0-9]/.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(encode(chars[0]!));
    for (let i = 0; i + 1 < chars.length; i++) out.push(encode(chars[i]! + chars[i + 1]!));
  }
  return out;
}

/**
 * The pairs a query needs to be found: every character of the run covered,
 * with as few pairs as that takes (ドクターヘリ → ドク ター ヘリ, not all five
 * overlapping pairs; an odd run ends on its last pair: 認知症 → 認知 知症).
 * A page that has the run has all of them; each pair is one index chunk the
 * browser loads, so the first query loads about half as many.
 */
function coveringPairs(chars: readonly string[]): string[] {
  if (chars.length === 1) return [encode(chars[0]!)];
  const starts: number[] = [];
  for (let i = 0; i + 1 < chars.length; i += 2) starts.push(i);
  if (chars.length % 2 === 1) starts.push(chars.length - 2);
  return starts.map((i) => encode(chars[i]! + chars[i + 1]!));
}

/** The query as Pagefind terms: the covering pairs of each Japanese run and the Latin and digit words, unique, joined by spaces. */
export function searchQuery(text: string, fold: Fold = plainFold): string {
  const out: string[] = [];
  for (const [run] of fold(text).matchAll(WORD)) {
    if (/^[a-z0-9]/.test(run)) out.push(run);
    else out.push(...coveringPairs([...run]));
  }
  return [...new Set(out)].join(' ');
}
