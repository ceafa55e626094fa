/**
 * Furigana (ルビ) for kanji words: a text is cut into segments, each with the
 * hiragana reading of its kanji where one is known. Readings come from
 * curated words first (glossary readings, content/readings.yaml: longest
 * match), then from a morphological analyser's tokens (injected, so this
 * module stays pure). Okurigana stay outside the ruby: 係る → 係(かか)る.
 */
import { hasKanji } from '../../lib/normalise.ts';

export interface Token {
  surface: string;
  /** Katakana reading, or null when the analyser does not know the word. */
  reading: string | null;
}

export interface Segment {
  text: string;
  /** Hiragana reading of `text`; absent for kana, digits, Latin and unknown words. */
  ruby?: string;
}

export { hasKanji };

/** Katakana → hiragana (ー kept). */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Split a word and its reading into kanji parts with readings and kana parts
 * without: 取り組み/とりくみ → 取(と) り 組(く) み. When the kana parts do not
 * line up with the reading, the whole word gets the whole reading.
 */
export function alignReading(surface: string, reading: string): Segment[] {
  const hira = toHiragana(reading);
  if (!hasKanji(surface)) return [{ text: surface }];
  const parts = surface.split(/([\p{Script=Han}々〆ヵヶ]+)/u).filter((p) => p !== '');
  const pattern = parts.map((p) => (hasKanji(p) ? '(.+?)' : escapeRegExp(toHiragana(p)))).join('');
  const m = new RegExp(`^${pattern}$`, 'u').exec(hira);
  if (!m) return [{ text: surface, ruby: hira }];
  let g = 1;
  return parts.map((p) => (hasKanji(p) ? { text: p, ruby: m[g++]! } : { text: p }));
}

/** Merge neighbouring segments without ruby. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.ruby === undefined && s.ruby === undefined) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/**
 * `text` cut at the curated words (longest, leftmost match first): each
 * curated word with its reading (hiragana), the text between without.
 */
export function curatedParts(
  text: string,
  curated: readonly [string, string][],
): { text: string; reading?: string }[] {
  const out: { text: string; reading?: string }[] = [];
  let rest = text;
  while (rest !== '') {
    let best: { at: number; word: string; reading: string } | null = null;
    for (const [word, reading] of curated) {
      const at = rest.indexOf(word);
      if (
        at >= 0 &&
        (best === null || at < best.at || (at === best.at && word.length > best.word.length))
      )
        best = { at, word, reading };
    }
    if (!best) {
      out.push({ text: rest });
      break;
    }
    if (best.at > 0) out.push({ text: rest.slice(0, best.at) });
    out.push({ text: best.word, reading: best.reading });
    rest = rest.slice(best.at + best.word.length);
  }
  return out;
}

/**
 * Ruby segments of `text`. Curated words are matched first (longest, leftmost),
 * the rest is tokenised. Text without kanji is returned as one plain segment.
 */
export function rubySegments(
  text: string,
  tokenize: (s: string) => Token[],
  curated: readonly [string, string][] = [],
): Segment[] {
  if (!hasKanji(text)) return [{ text }];
  const out: Segment[] = [];
  const analyse = (part: string) => {
    if (part === '') return;
    if (!hasKanji(part)) {
      out.push({ text: part });
      return;
    }
    for (const t of tokenize(part)) {
      if (t.reading && t.reading !== '*' && hasKanji(t.surface))
        out.push(...alignReading(t.surface, t.reading));
      else out.push({ text: t.surface });
    }
  };
  for (const part of curatedParts(text, curated))
    if (part.reading === undefined) analyse(part.text);
    else out.push(...alignReading(part.text, part.reading));
  return merge(out);
}
