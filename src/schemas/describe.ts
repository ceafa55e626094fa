/**
 * Field descriptions in two languages. A published schema's fields carry them with zod's
 * `.describe(doc(ja, en))`, so the zod schemas stay the single source of truth: the JSON
 * Schemas under /data/schema/ publish them as `description`, and the /data/ page splits them
 * into its Japanese and English columns.
 */

/** What separates the Japanese from the English text in a description. */
const SEPARATOR = '\n';

/** A field's description: its meaning in Japanese, then in English (one line each). */
export function doc(ja: string, en: string): string {
  for (const [lang, text] of [
    ['ja', ja],
    ['en', en],
  ] as const) {
    if (text.trim() === '' || text.includes(SEPARATOR))
      throw new Error(`doc(): the ${lang} text must be one non-empty line: "${text}"`);
  }
  return `${ja}${SEPARATOR}${en}`;
}

/** The two texts of a description written with doc(); null for anything else (or none). */
export function readDoc(description: string | undefined): { ja: string; en: string } | null {
  if (description === undefined) return null;
  const parts = description.split(SEPARATOR);
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) return null;
  return { ja: parts[0]!, en: parts[1]! };
}
