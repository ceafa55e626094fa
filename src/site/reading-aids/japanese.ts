/**
 * Japanese text tools for the build: the kuromoji tokenizer (IPADIC readings,
 * for furigana) and the BudouX phrase splitter (for headings). Loaded once
 * per build process.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadDefaultJapaneseParser } from 'budoux';
import kuromoji from 'kuromoji';
import type { Token } from './ruby.ts';

let tokenizer: Promise<(s: string) => Token[]> | null = null;

/**
 * The tokenizer as a function from text to tokens with katakana readings.
 * Each distinct text is tokenised once per process (the same labels,
 * headings and phrases recur on many pages).
 */
export function getTokenizer(): Promise<(s: string) => Token[]> {
  tokenizer ??= new Promise((resolve, reject) => {
    const dicPath = join(
      dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')),
      'dict',
    );
    kuromoji.builder({ dicPath }).build((err, t) => {
      if (err) reject(err);
      else {
        const seen = new Map<string, Token[]>();
        resolve((s: string) => {
          let tokens = seen.get(s);
          if (!tokens) {
            tokens = t
              .tokenize(s)
              .map((x) => ({ surface: x.surface_form, reading: x.reading ?? null }));
            seen.set(s, tokens);
          }
          return tokens;
        });
      }
    });
  });
  return tokenizer;
}

const parser = loadDefaultJapaneseParser();

/** Phrases of a Japanese text (BudouX), for line breaks between words. */
export function phrases(text: string): string[] {
  return parser.parse(text);
}
