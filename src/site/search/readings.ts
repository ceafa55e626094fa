/**
 * Reading terms for the search index (build time): the katakana reading of
 * each kanji word of a text and of compounds of up to three neighbouring
 * words (ひとり親 → ヒトリオヤ, 歯科健診 → シカケンシン), encoded as `y` words
 * (records.ts keeps each once per page). A query typed in kana is also searched as a reading
 * (src/site/search/plan.ts), so ひとりおや finds ひとり親; exact matches rank
 * above, as they match the page's text pairs too.
 *
 * Readings come from the curated words first (glossary readings and
 * content/readings.yaml, longest leftmost match), then from the
 * morphological analyser (injected: this module stays pure).
 */
import { hasKanji } from '../../lib/normalise.ts';
import { curatedParts, type Token } from '../reading-aids/ruby.ts';
import { toKatakana } from '../../lib/search-normalise.ts';
import { encode, normalizeForSearch } from './text.ts';

/** Longest compound indexed, in words. */
const MAX_WORDS = 3;

/** A word that joins no compound: a particle or okurigana (one or two hiragana), punctuation, Latin, digits. */
const isBreak = (surface: string) =>
  /^[\u3041-\u309f]{1,2}$/u.test(surface) ||
  !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(surface);

/** The words of a text with their katakana readings (null when unknown). */
function words(
  text: string,
  tokenize: (s: string) => Token[],
  curated: readonly [string, string][],
): Token[] {
  return curatedParts(text, curated).flatMap((part) =>
    part.reading === undefined
      ? tokenize(part.text)
      : [{ surface: part.text, reading: toKatakana(part.reading) }],
  );
}

/** The reading terms of a text (encoded `y` words, in order, with repeats). */
export function readingTerms(
  text: string,
  tokenize: (s: string) => Token[],
  curated: readonly [string, string][] = [],
): string[] {
  const out: string[] = [];
  for (const run of text.split(/[\s、。，．・「」『』（）()【】［］〔〕：:；;／/]+/u)) {
    if (!hasKanji(run)) continue;
    const ws = words(run, tokenize, curated);
    for (let i = 0; i < ws.length; i++) {
      let surface = '';
      let reading = '';
      for (let n = 0; n < MAX_WORDS && i + n < ws.length; n++) {
        const w = ws[i + n]!;
        if (isBreak(w.surface)) break;
        const r = hasKanji(w.surface) ? w.reading : toKatakana(w.surface);
        if (!r || r === '*') break;
        surface += w.surface;
        reading += r;
        if (hasKanji(surface)) out.push(encode(normalizeForSearch(reading), 'y'));
      }
    }
  }
  return out;
}
