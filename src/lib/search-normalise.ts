/**
 * The base normalisation of search text, shared by the search tables'
 * loader (src/pipeline/load/search-terms.ts), the index and the search page
 * (src/site/search/text.ts): NFKC (ＤＭＡＴ→DMAT, １７→17), lower case,
 * hiragana as katakana (へ/ヘ printed either way), commas inside numbers
 * dropped (1,311 → 1311). Dependency-free: bundled into the search page.
 */
export function baseNormalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/(\d),(?=\d{3}\b)/gu, '$1');
}
