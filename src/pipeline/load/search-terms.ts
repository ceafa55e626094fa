/**
 * content/search/*.yaml → the compiled search tables (schemas/search-terms.ts),
 * each file checked with file:line problems: a variant under two forms, a
 * word listed twice, a variant equal to its own form.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../schemas/problem.ts';
import {
  NO_SEARCH_TERMS,
  confusionsFileSchema,
  englishFileSchema,
  synonymsFileSchema,
  variantsFileSchema,
  type SearchTerms,
} from '../../schemas/search-terms.ts';
import { baseNormalize, englishKey } from '../../lib/search-normalise.ts';
import { parseCurated } from './checked-yaml.ts';

/** Read the search tables of `dir` (content/search/); missing files give empty tables. */
export function loadSearchTerms(dir: string, label: string, problems: Problem[]): SearchTerms {
  const read = <T>(name: string, schema: Parameters<typeof parseCurated>[2]) => {
    const path = join(dir, name);
    if (!existsSync(path)) return null;
    const file = `${label.replace(/\/+$/u, '')}/${name}`;
    const checked = parseCurated(readFileSync(path, 'utf8'), file, schema);
    if (!checked.ok) {
      problems.push(...checked.problems);
      return null;
    }
    const twice = (line: number | null, message: string) =>
      problems.push({ code: 'used-twice', severity: 'error', file, line, message });
    return { value: checked.value as T, lineOf: checked.lineOf, twice };
  };
  const terms: SearchTerms = structuredClone(NO_SEARCH_TERMS);

  type Variants = {
    words: { canonical: string; variants: string[] }[];
    chars: { from: string; to: string }[];
  };
  const variants = read<Variants>('variants.yaml', variantsFileSchema);
  if (variants) {
    const formOf = new Map<string, string>();
    const canonicals = new Set(variants.value.words.map((w) => baseNormalize(w.canonical)));
    variants.value.words.forEach((w, i) => {
      const canonical = baseNormalize(w.canonical);
      for (const v of w.variants) {
        const key = baseNormalize(v);
        const line = variants.lineOf(['words', i]);
        if (key === canonical || canonicals.has(key))
          variants.twice(line, `variant ${v} is itself a form words are folded to`);
        else if (formOf.has(key) && formOf.get(key) !== canonical)
          variants.twice(line, `variant ${v} is listed under two forms`);
        else if (!formOf.has(key)) {
          formOf.set(key, canonical);
          terms.variants.push([key, canonical]);
        }
      }
    });
    const seen = new Set<string>();
    variants.value.chars.forEach((c, i) => {
      const from = c.from.normalize('NFKC');
      if (seen.has(from))
        variants.twice(variants.lineOf(['chars', i]), `character ${c.from} is listed twice`);
      seen.add(from);
      if (from !== c.to) terms.chars.push([from, c.to]);
    });
  }

  type Expansions = {
    entries: { words?: string[]; en?: string[]; official?: string[]; ja?: string[] }[];
  };
  const expansions = (
    name: string,
    schema: Parameters<typeof parseCurated>[2],
    key: (s: string) => string,
    out: [string, string[]][],
  ) => {
    const file = read<Expansions>(name, schema);
    if (!file) return;
    const seen = new Set<string>();
    file.value.entries.forEach((e, i) => {
      for (const w of e.words ?? e.en ?? []) {
        const k = key(w);
        if (seen.has(k)) file.twice(file.lineOf(['entries', i]), `${w} is listed twice`);
        seen.add(k);
        out.push([k, [...(e.official ?? e.ja ?? [])]]);
      }
    });
  };
  expansions('synonyms.yaml', synonymsFileSchema, baseNormalize, terms.synonyms);
  expansions('english.yaml', englishFileSchema, englishKey, terms.english);

  const confusions = read<{ groups: { words: string[] }[] }>(
    'confusions.yaml',
    confusionsFileSchema,
  );
  if (confusions) terms.confusions = confusions.value.groups.map((g) => [...g.words]);

  for (const list of [terms.chars, terms.variants, terms.synonyms, terms.english])
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return terms;
}
