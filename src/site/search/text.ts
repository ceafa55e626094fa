/**
 * Search text for Japanese, shared by the index (build time) and the query
 * (browser). Pagefind alone misses a word inside a longer compound and
 * treats full- and half-width forms as different words. Both sides
 * therefore go through the same steps here:
 *
 * 1. normalise: NFKC (ＤＭＡＴ→DMAT, １７→17), lower case, hiragana →
 *    katakana (へ/ヘ printed either way), commas inside numbers dropped
 *    (1,311 → 1311);
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

/** NFKC, lower case, hiragana as katakana, digit-group commas removed. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/(\d),(?=\d{3}\b)/gu, '$1');
}

const WORD = /[a-z0-9]+|[\p{Script=Han}\p{Script=Katakana}ー々〆ヶ]+/gu;

/** Encode a Japanese token as one ASCII word. */
function encode(token: string): string {
  return `j${[...token].map((c) => c.codePointAt(0)!.toString(36).padStart(4, '0')).join('')}`;
}

/** The search tokens of a text (encoded, in order, with repeats). */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of normalizeForSearch(text).matchAll(WORD)) {
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
export function searchQuery(text: string): string {
  const out: string[] = [];
  for (const [run] of normalizeForSearch(text).matchAll(WORD)) {
    if (/^[a-z0-9]/.test(run)) out.push(run);
    else out.push(...coveringPairs([...run]));
  }
  return [...new Set(out)].join(' ');
}
