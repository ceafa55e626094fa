/**
 * The curated search tables of content/search/ (what citizens type → what
 * the documents print) and their compiled form in src/generated/curated.json,
 * which the index (build time) and the search page (browser) both use.
 */
import { z } from 'astro/zod';

/** A word; a number written without quotes (8020) is the word it spells. */
const word = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1));
const words = z.array(word).min(1);
const why = z.string().trim().min(1);
/** One character (one code point: 𠮷 is one, though two UTF-16 units). */
const oneCharacter = z.string().refine((c) => [...c].length === 1, 'must be one character');

/** content/search/variants.yaml: orthographic variants folded to one form in the index and the query. */
export const variantsFileSchema = z
  .object({
    words: z.array(z.object({ canonical: word, variants: words, note: why }).strict()),
    chars: z.array(z.object({ from: oneCharacter, to: oneCharacter, note: why }).strict()),
  })
  .strict();

/** content/search/synonyms.yaml: everyday words → the official words printed in the documents. */
export const synonymsFileSchema = z
  .object({ entries: z.array(z.object({ words, official: words, reason: why }).strict()) })
  .strict();

/** content/search/english.yaml: English words and phrases → the Japanese words printed. */
export const englishFileSchema = z
  .object({
    entries: z.array(
      z
        .object({ en: words, ja: words, reason: why.optional(), source: why.optional() })
        .strict()
        .refine((e) => e.reason !== undefined || e.source !== undefined, {
          message: 'each entry needs a reason or a source',
        }),
    ),
  })
  .strict();

/** content/search/confusions.yaml: words readers confuse (same reading, similar writing). */
export const confusionsFileSchema = z
  .object({ groups: z.array(z.object({ words: z.array(word).min(2), note: why }).strict()) })
  .strict();

const pair = z.tuple([z.string(), z.string()]);
const expansion = z.tuple([z.string(), z.array(z.string())]);

/** The compiled tables: keys base-normalised (src/site/search/text.ts), values as printed. */
export const searchTermsSchema = z
  .object({
    /** Character → the form used (both normalised). */
    chars: z.array(pair),
    /** Variant → its one form (both normalised). */
    variants: z.array(pair),
    /** Everyday word (normalised) → official words. */
    synonyms: z.array(expansion),
    /** English word or phrase (lower case, single spaces) → Japanese words. */
    english: z.array(expansion),
    /** Groups of confusable words. */
    confusions: z.array(z.array(z.string())),
    /** Words a query word one step away from is corrected to (glossary terms, tags; with the tables' words). */
    vocabulary: z.array(z.string()),
    /** The documents' own words (kanji and katakana runs of the measures' text), most frequent first: corrections too. */
    words: z.array(z.string()),
  })
  .strict();
export type SearchTerms = z.infer<typeof searchTermsSchema>;

export const NO_SEARCH_TERMS: SearchTerms = {
  chars: [],
  variants: [],
  synonyms: [],
  english: [],
  confusions: [],
  vocabulary: [],
  words: [],
};
