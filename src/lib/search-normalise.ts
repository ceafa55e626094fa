/**
 * The base normalisation of search text, shared by the search tables'
 * loader (src/pipeline/load/search-terms.ts), the index and the search page
 * (src/site/search/text.ts): NFKC (ＤＭＡＴ→DMAT, １７→17), lower case,
 * hiragana as katakana (へ/ヘ printed either way), commas inside numbers
 * dropped (1,311 → 1311). Dependency-free: bundled into the search page.
 */
export function baseNormalize(text: string): string {
  return toKatakana(text.normalize('NFKC').toLowerCase()).replace(/(\d),(?=\d{3}\b)/gu, '$1');
}

/** Hiragana as katakana (ー and everything else kept). */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** An English key of the search tables and of a query: NFKC, lower case, single spaces. */
export function englishKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim().replace(/\s+/gu, ' ');
}
