/**
 * Finding the glossary's terms in a text (content/glossary.yaml, via src/generated/curated.json):
 * termMatcher finds the first place where a not-yet-explained term occurs (longest match wins).
 */
import type { GlossaryTerm } from '../../schemas/glossary.ts';

export interface TermHit {
  at: number;
  length: number;
  term: GlossaryTerm;
}

/**
 * A matcher over the terms and aliases: `find(text, skip)` returns the
 * leftmost occurrence of a term whose slug is not in `skip`, the longest
 * one where several start at the same place. A shorter term inside a
 * longer one does not match there (地域医療介護総合確保基金 hides 基金; a term's
 * `not_in` words hide it too: 一定額 hides 定額).
 */
export function termMatcher(terms: readonly GlossaryTerm[]) {
  const words = terms
    .flatMap((term) => [term.term, ...term.aliases].map((w) => ({ w, term })))
    .sort((a, b) => b.w.length - a.w.length || (a.w < b.w ? -1 : 1));
  // words that hide a shorter term inside them: every longer term, and each term's not_in words
  const covers = [...words.map((x) => x.w), ...terms.flatMap((t) => t.not_in)];
  return {
    find(text: string, skip: ReadonlySet<string>): TermHit | null {
      let best: TermHit | null = null;
      for (const { w, term } of words) {
        let from = 0;
        for (;;) {
          const at = text.indexOf(w, from);
          if (at < 0 || (best !== null && at > best.at)) break;
          // covered by a longer word starting earlier or at the same place?
          const covered = covers.some(
            (o) => o.length > w.length && o.includes(w) && coversAt(text, o, at, w),
          );
          if (!covered) {
            if (
              !skip.has(term.slug) &&
              (best === null || at < best.at || (at === best.at && w.length > best.length))
            )
              best = { at, length: w.length, term };
            break;
          }
          from = at + 1;
        }
      }
      return best;
    },
  };
}

/** True when `long` occurs in `text` so that it contains the occurrence of `short` at `at`. */
function coversAt(text: string, long: string, at: number, short: string): boolean {
  for (let i = long.indexOf(short); i >= 0; i = long.indexOf(short, i + 1)) {
    const start = at - i;
    if (start >= 0 && text.startsWith(long, start)) return true;
  }
  return false;
}
