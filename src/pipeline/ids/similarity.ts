/**
 * String similarity for matching titles that were corrected between
 * editions. Japanese has no word spaces, so character bigrams work better
 * than words: a one-character typo fix in a 20-character title keeps most
 * bigrams.
 */

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Sørensen–Dice coefficient of the character bigram multisets, 0..1.
 * Equal strings give 1, strings without a common bigram 0; two empty
 * strings give 0 (nothing to compare).
 */
export function dice(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let common = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    common += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}
