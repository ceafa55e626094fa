/**
 * What a query is searched as, shared by the search page (browser) and the
 * search tests, so that both run the same plan:
 *
 * 1. split: the query's content words. A sentence or a question is cut at
 *    its hiragana (particles, okurigana, endings such as 「…を受けたい」
 *    「…するには」 「…はありますか」), keeping the words the curated tables
 *    know (子ども, お年寄り, がん) whole and dropping a single kanji that is a
 *    verb's stem (受けたい → nothing); a word typed all in kana stays whole,
 *    as a reading. English words are matched as the table's phrases.
 * 2. alternatives, each an AND query over the index: the words as typed
 *    (variants folded, src/site/search/text.ts); each everyday word (also
 *    inside a longer word: 医者不足) replaced by the official words it stands
 *    for (content/search/synonyms.yaml), English phrases by their Japanese
 *    words (english.yaml), a confusable word by the others of its group
 *    (confusions.yaml); each kana word searched as a reading (readings.ts).
 *    Every pair, Latin word and reading term is also checked as a quoted
 *    term: Pagefind answers a term it lacks with words that start like it.
 * 3. run (runPlan): the words as typed; when they find fewer than MANY
 *    pages, the synonyms, confusable words and hiragana readings too, all
 *    ranked together by score per query term (a replaced word's pages a
 *    little below); when fewer than FEW, English and katakana readings; then
 *    corrections one character off a word of the tables or the documents
 *    (「もしかして」, searchWith loads the documents' words only then); and
 *    when nothing has every word, the pages with most of them, said so.
 *
 * Pure and dependency-free: it is bundled into the search page's script.
 */
import type { SearchTerms } from '../../schemas/search-terms.ts';
import { englishKey, toKatakana } from '../../lib/search-normalise.ts';
import { baseNormalize, encode, makeFold, normalizeForSearch, searchQuery } from './text.ts';

export type AlternativeKind =
  'exact' | 'synonym' | 'english' | 'reading' | 'confusion' | 'typo' | 'partial';

export interface Alternative {
  kind: AlternativeKind;
  /** The Pagefind query. */
  query: string;
  /** The words searched, as printed (for marking the snippet). */
  words: string[];
  /** Each word replaced: [as typed, searched as]. */
  replaced: [string, string][];
  /**
   * Quoted terms each result must also be found by. Pagefind answers a term
   * it does not hold with the words that start like it (伴奏 as 伴…), so an
   * AND of pairs alone also finds pages without them; a quoted term is
   * matched exactly.
   */
  checks: string[];
  /** Tried only when the others found little (English words, a katakana word's reading). */
  late: boolean;
}

export interface Plan {
  /** The content words of the query. */
  words: string[];
  /** The query was English. */
  english: boolean;
  alternatives: Alternative[];
  /** Alternatives with a word left out, for when nothing has every word. */
  partial: Alternative[];
}

/** One search of the index: its results' ids and scores. */
export type SearchFn = (query: string) => Promise<{ id: string; score: number }[]>;

export interface Ranked {
  id: string;
  score: number;
  kind: AlternativeKind;
}

export interface Outcome {
  results: Ranked[];
  /** Words searched for marking matches in snippets. */
  marks: string[];
  /** Replacements that found shown pages, by kind. */
  used: { kind: AlternativeKind; replaced: [string, string][] }[];
  /** A corrected query that found pages (「もしかして」). */
  suggestion: string | null;
  /** No page has every word: the results have most of them. */
  partial: boolean;
}

/** A word typed all in hiragana, or all in katakana (mixed, it is a phrase: ドクターヘリはどこ). */
const KANA_WORD = /^(?:[\u3041-\u309fー]{2,}|[\u30a1-\u30ffー]{2,})$/u;
const LATIN_QUERY = /^[a-z0-9\s'’\-.&/]+$/u;
const HIRAGANA = /[\u3041-\u309f]/u;
const CONTENT = /[\p{Script=Han}\p{Script=Katakana}ー々〆ヶa-z0-9]/u;
const KANJI = /[\p{Script=Han}々〆ヶ]/u;
/** Particles after which a single kanji is a word of its own (薬が, 家を), not a verb's stem (受けたい). */
const PARTICLE = /^(?:の|を|に|が|は|で|と|へ|も|や|か|など|から|まで|より)/u;
/** Alternatives tried per word, at most. */
const PER_WORD = 3;
/** A replaced word's pages rank by this share of their score. */
const REPLACED = 0.8;
/** A page found through a confusable word ranks by this share of its score. */
const CONFUSED = 0.6;
/** Other words than those typed are searched only when these found fewer pages than this. */
const MANY = 10;
/** Corrections are tried only when fewer pages than this were found. */
const FEW = 3;

/** One edit (a character replaced, added or removed) between a and b? */
function oneEdit(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j === 1;
}

export function makePlanner(terms: SearchTerms) {
  const fold = makeFold(terms);
  const synonyms = new Map(terms.synonyms);
  const english = new Map(terms.english);
  const longestEnglish = Math.max(1, ...terms.english.map(([k]) => k.split(' ').length));
  /** The words the tables know, normalised, for keeping them whole when splitting. */
  const known = new Set<string>();
  for (const [k] of terms.synonyms) known.add(k);
  for (const [v, c] of terms.variants) known.add(v).add(c);
  for (const g of terms.confusions) for (const w of g) known.add(baseNormalize(w));
  const vocabulary = new Map<string, string>();
  const addWord = (w: string) => {
    const k = baseNormalize(w);
    if ([...k].length >= 2 && !vocabulary.has(k)) vocabulary.set(k, w);
  };
  // (not the confusion groups' members: some are misspellings, never offered as a correction)
  terms.vocabulary.forEach(addWord);
  for (const w of vocabulary.keys()) known.add(w);
  const longestKnown = Math.max(1, ...[...known].map((k) => [...k].length));

  /** The content words of a Japanese query. */
  function splitJapanese(q: string): string[] {
    const out: string[] = [];
    for (const token of q.split(/[\s\u3000、。，．,.!?！？「」『』（）()・]+/u)) {
      if (token === '') continue;
      // a word typed all in kana is searched whole (and as a reading)
      if (KANA_WORD.test(token)) {
        out.push(token);
        continue;
      }
      const chars = [...token];
      const norm = chars.map((c) => toKatakana(c));
      let run = '';
      const flush = (next: string) => {
        if (run === '') return;
        // a single kanji before okurigana is a verb's or adjective's stem (受けたい, 支える)
        if (!(
          [...run].length === 1 &&
          KANJI.test(run) &&
          next !== '' &&
          HIRAGANA.test(next) &&
          !PARTICLE.test(next)
        ))
          out.push(run);
        run = '';
      };
      let i = 0;
      while (i < chars.length) {
        // a known word written with hiragana (子ども, お年寄り, がん) stays whole; kanji and
        // katakana runs need no cutting (their pairs find every word inside them)
        let hit = 0;
        for (let n = Math.min(longestKnown, chars.length - i); n >= 2; n--)
          if (
            chars.slice(i, i + n).some((c) => HIRAGANA.test(c)) &&
            known.has(norm.slice(i, i + n).join(''))
          ) {
            hit = n;
            break;
          }
        if (hit > 0) {
          flush('');
          out.push(chars.slice(i, i + hit).join(''));
          i += hit;
          continue;
        }
        const c = chars[i]!;
        // okurigana between kanji belong to the word (働き方, 見守り支援, 取り組み): up to two
        // hiragana, not a particle, after a kanji and before another
        const gap = /^[\u3041-\u309f]{1,2}/u.exec(chars.slice(i, i + 2).join(''))?.[0] ?? '';
        if (
          gap !== '' &&
          run !== '' &&
          KANJI.test(run.slice(-1)) &&
          !PARTICLE.test(gap) &&
          KANJI.test(chars[i + [...gap].length] ?? '')
        ) {
          run += gap;
          i += [...gap].length;
          continue;
        }
        if (CONTENT.test(c)) {
          run += c;
          i++;
        } else {
          flush(chars.slice(i).join(''));
          i++;
          while (
            i < chars.length &&
            HIRAGANA.test(chars[i]!) &&
            !known.has(norm.slice(i, i + 2).join(''))
          )
            i++;
        }
      }
      flush('');
    }
    return [...new Set(out)];
  }

  /** The exact query of some words ('y' reading terms pass as they are). */
  const queryOf = (words: readonly string[]) =>
    [
      ...new Set(
        words.flatMap((w) =>
          w.startsWith('\u0000') ? [w.slice(1)] : searchQuery(w, fold).split(' '),
        ),
      ),
    ]
      .filter(Boolean)
      .join(' ');
  const readingOf = (w: string) => `\u0000${encode(normalizeForSearch(w), 'y')}`;

  /**
   * The checks of a word: each of its character pairs, Latin words and
   * reading terms quoted, which Pagefind matches exactly, with no words that
   * only start like it. A one-character token is not checked (828億 finds
   * 828億円 by prefix).
   */
  const checksOf = (w: string): string[] =>
    w.startsWith('\u0000')
      ? [`"${w.slice(1)}"`]
      : searchQuery(w, fold)
          .split(' ')
          .filter((t) => /^j[0-9a-z]{8}$/u.test(t) || !t.startsWith('j'))
          .map((t) => `"${t}"`);

  function alternative(
    kind: AlternativeKind,
    words: string[],
    replaced: [string, string][] = [],
    late = false,
  ): Alternative {
    return {
      kind,
      query: queryOf(words),
      words: words.filter((w) => !w.startsWith('\u0000')),
      replaced,
      checks: [...new Set(words.flatMap(checksOf))],
      late,
    };
  }

  /**
   * Words one step from a query word, among the tables' and the documents'
   * words `more` (most frequent first). Confusable words are alternatives of
   * the plan itself (kind 'confusion').
   */
  function corrections(word: string, more: readonly string[]): string[] {
    const k = baseNormalize(word);
    const out: string[] = [];
    const chars = [...k];
    const words = new Map(vocabulary);
    for (const w of more) {
      const key = baseNormalize(w);
      if (!words.has(key)) words.set(key, w);
    }
    // a known word is not one step from another: only its confusion group offers another word
    if (chars.length >= 2 && !words.has(k))
      for (const [v, printed] of words) {
        const vc = [...v];
        // the same first or second character (the parts of the words the search page loads for
        // them), and a character typed wrong or left out (never one added: 保険所 is not a typo
        // of 保険)
        if (
          (vc[0] === chars[0] || (vc[1] !== undefined && vc[1] === chars[1])) &&
          vc.length >= chars.length &&
          !(chars.length === 2 && vc.length !== 2) &&
          oneEdit(chars, vc)
        )
          out.push(printed);
      }
    return [...new Set(out)].slice(0, PER_WORD);
  }

  /** The corrections of a plan's words, with the documents' words `more`. */
  function typos(p: Plan, more: readonly string[]): Alternative[] {
    if (p.english) return [];
    const withWord = (i: number, w: string) => p.words.map((x, k) => (k === i ? w : x));
    return p.words.flatMap((w, i) =>
      corrections(w, more).map((c) => alternative('typo', withWord(i, c), [[w, c]])),
    );
  }

  function plan(input: string): Plan {
    const q = input
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(\d),(?=\d{3}\b)/gu, '$1')
      .trim();
    const alternatives: Alternative[] = [];
    if (isEnglish(q)) {
      const ws = q
        .split(/[\s/&]+/u)
        .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/gu, ''))
        .filter(Boolean);
      alternatives.push(alternative('exact', ws));
      // the longest table phrases, left to right; a word one step from a table word counts as it
      const parts: { typed: string; ja: string[] }[] = [];
      for (let i = 0; i < ws.length;) {
        let taken = 0;
        for (let n = Math.min(longestEnglish, ws.length - i); n >= 1 && taken === 0; n--) {
          const phrase = ws.slice(i, i + n).join(' ');
          const ja = english.get(englishKey(phrase)) ?? english.get(phrase.replace(/s$/u, ''));
          if (ja) {
            parts.push({ typed: phrase, ja });
            taken = n;
          }
        }
        if (taken === 0) {
          const w = ws[i]!;
          const near =
            w.length >= 4
              ? [...english.keys()].find(
                  // the same first letter: the table's part the search page has loaded for the word
                  (k) => k[0] === w[0] && !k.includes(' ') && oneEdit([...w], [...k]),
                )
              : undefined;
          parts.push({ typed: w, ja: near ? english.get(near)! : [] });
          taken = 1;
        }
        i += taken;
      }
      const mapped = parts.filter((p) => p.ja.length > 0);
      if (mapped.length > 0) {
        for (let choice = 0; choice < PER_WORD; choice++) {
          if (choice > 0 && !mapped.some((p) => p.ja.length > choice)) break;
          const words = mapped.map((p) => p.ja[Math.min(choice, p.ja.length - 1)]!);
          alternatives.push(
            alternative(
              'english',
              words,
              mapped.map((p, k) => [p.typed, words[k]!]),
              // the words as typed first (dmat, ai are printed so); English only if they find little
              true,
            ),
          );
        }
      }
      return { words: ws, english: mapped.length > 0, alternatives, partial: partialOf(ws) };
    }
    const words = splitJapanese(q);
    if (words.length === 0) return { words, english: false, alternatives, partial: [] };
    alternatives.push(alternative('exact', words));
    const withWord = (i: number, w: string) => words.map((x, k) => (k === i ? w : x));
    words.forEach((w, i) => {
      for (const o of (synonyms.get(baseNormalize(w)) ?? []).slice(0, PER_WORD))
        alternatives.push(alternative('synonym', withWord(i, o), [[w, o]]));
    });
    // an everyday word inside a longer one (医者不足): the official word beside the rest
    /** Each word's first replacement by an official word (whole, or inside it), for the alternative of all together. */
    const first: (string[] | null)[] = words.map((w) => {
      const o = synonyms.get(baseNormalize(w))?.[0];
      return o ? [o] : null;
    });
    words.forEach((w, i) => {
      const k = baseNormalize(w);
      if (synonyms.has(k) || HIRAGANA.test(w)) return;
      // at a boundary of scripts or of the word, never cutting a katakana word (介護ロボ|ット)
      const katakana = (c: string | undefined) => c !== undefined && /[\u30a1-\u30ffー]/u.test(c);
      const bounded = (key: string) => {
        const at = k.indexOf(key);
        const end = at + key.length;
        return (
          !(katakana(k[at]) && katakana(k[at - 1])) && !(katakana(k[end - 1]) && katakana(k[end]))
        );
      };
      const inside = [...synonyms.keys()]
        .filter((key) => [...key].length >= 2 && key !== k && k.includes(key) && bounded(key))
        .sort((a, b) => b.length - a.length)[0];
      if (!inside) return;
      const at = k.indexOf(inside);
      const cs = [...w];
      const before = cs.slice(0, [...k.slice(0, at)].length).join('');
      const after = cs.slice([...k.slice(0, at + inside.length)].length).join('');
      first[i] = [before, synonyms.get(inside)![0]!, after].filter(Boolean);
      for (const o of synonyms.get(inside)!.slice(0, PER_WORD)) {
        const replaced = [...words.slice(0, i), before, o, after, ...words.slice(i + 1)].filter(
          Boolean,
        );
        alternatives.push(
          alternative('synonym', replaced, [
            [cs.slice([...before].length, cs.length - [...after].length).join(''), o],
          ]),
        );
      }
    });
    // a word readers confuse with another (保険事業 for 保健事業): the other too, ranked lower
    words.forEach((w, i) => {
      const others = terms.confusions.flatMap((g) =>
        g.flatMap((m) =>
          w.includes(m) ? g.filter((o) => o !== m).map((o) => w.replace(m, o)) : [],
        ),
      );
      for (const o of [...new Set(others)].slice(0, PER_WORD))
        alternatives.push(alternative('confusion', withWord(i, o), [[w, o]]));
    });
    if (first.filter(Boolean).length > 1)
      alternatives.push(
        alternative(
          'synonym',
          words.flatMap((w, i) => first[i] ?? [w]),
          words.flatMap((w, i) => (first[i] ? [[w, first[i]!.join('')] as [string, string]] : [])),
        ),
      );

    const kana = words.map((w, i) => (KANA_WORD.test(w) ? i : -1)).filter((i) => i >= 0);
    // a katakana word is mostly printed as typed (ワクチン): its reading only if that finds little
    const late = (i: number) => !HIRAGANA.test(words[i]!);
    for (const i of kana)
      alternatives.push(
        alternative(
          'reading',
          withWord(i, readingOf(words[i]!)),
          [[words[i]!, words[i]!]],
          late(i),
        ),
      );
    if (kana.length > 1)
      alternatives.push(
        alternative(
          'reading',
          words.map((w, i) => (kana.includes(i) ? readingOf(w) : w)),
          [],
          kana.every(late),
        ),
      );
    return { words, english: false, alternatives, partial: partialOf(words) };
  }

  /** Every query with one word left out (two words: each alone). */
  function partialOf(words: readonly string[]): Alternative[] {
    if (words.length < 2) return [];
    return words.map((_, i) =>
      alternative(
        'partial',
        words.filter((__, k) => k !== i),
      ),
    );
  }

  return { plan, typos, split: splitJapanese, fold };
}

export type Planner = ReturnType<typeof makePlanner>;

/** Is a query in English (Latin letters, no Japanese)? Its plan needs the English table. */
export function isEnglish(q: string): boolean {
  const t = q.normalize('NFKC').toLowerCase().trim();
  return LATIN_QUERY.test(t) && /[a-z]{2}/u.test(t);
}

/**
 * The search page loads the synonym, variant and English tables in parts,
 * one per first character of their keys (dist/search/terms/<part>.json):
 * every key that can match a query starts with one of the query's
 * characters, so a query loads only the parts of its own characters, and
 * gets the same plan as with the whole tables.
 */
export type TermsPart = Pick<SearchTerms, 'synonyms' | 'variants' | 'english'>;

/** The part of a key: its first character's code point, in hex. */
export const partOf = (key: string) => key.codePointAt(0)!.toString(16);

/** The tables, in parts. */
export function splitTerms(terms: TermsPart): Map<string, TermsPart> {
  const parts = new Map<string, TermsPart>();
  const part = (key: string) => {
    const id = partOf(key);
    if (!parts.has(id)) parts.set(id, { synonyms: [], variants: [], english: [] });
    return parts.get(id)!;
  };
  for (const e of terms.synonyms) part(e[0]).synonyms.push(e);
  for (const e of terms.variants) part(e[0]).variants.push(e);
  for (const e of terms.english) part(e[0]).english.push(e);
  return parts;
}

/** The parts a query needs: those of its characters (as typed and with the character table applied). */
export function partsFor(q: string, chars: SearchTerms['chars']): string[] {
  const base = baseNormalize(q);
  const map = new Map(chars);
  const all = new Set<string>();
  for (const c of base) if (!/\s/u.test(c)) all.add(c).add(map.get(c) ?? c);
  return [...all].map(partOf).sort();
}

/**
 * The documents' words in parts by their first and by their second character (a word is in
 * both), each part most frequent first: a query word with a wrong first or second character
 * still finds the right word in the part of the other.
 */
export function splitWords(words: readonly string[]): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const w of words) {
    const cs = [...baseNormalize(w)];
    for (const c of new Set(cs.slice(0, 2))) {
      const id = partOf(c);
      if (!parts.has(id)) parts.set(id, []);
      parts.get(id)!.push(w);
    }
  }
  return parts;
}

/** Where the search finds its tables: what the page carries, and the parts it loads. */
export interface TermsSource {
  base: Pick<SearchTerms, 'chars' | 'confusions' | 'vocabulary'>;
  /** The table parts of these ids (ids without a part are left out). */
  terms: (ids: readonly string[]) => Promise<TermsPart[]>;
  /** The document words of these ids, each part most frequent first. */
  words: (ids: readonly string[]) => Promise<string[][]>;
}

/** A source with the whole tables in memory (tests and developer scripts: the same plans as the page's). */
export function memorySource(terms: SearchTerms): TermsSource {
  const parts = splitTerms(terms);
  const words = splitWords(terms.words);
  return {
    base: terms,
    terms: async (ids) => ids.flatMap((id) => (parts.has(id) ? [parts.get(id)!] : [])),
    words: async (ids) => ids.flatMap((id) => (words.has(id) ? [words.get(id)!] : [])),
  };
}

/** Search `q`: its table parts loaded, planned, run; the documents' words only if corrections are tried. */
export async function searchWith(
  q: string,
  source: TermsSource,
  search: SearchFn,
  options: { byScore?: boolean } = {},
): Promise<Outcome> {
  const ids = partsFor(q, source.base.chars);
  const planner = makePlanner({ ...source.base, ...joinTerms(await source.terms(ids)), words: [] });
  const plan = planner.plan(q);
  return runPlan(plan, search, {
    ...options,
    typos: async () => planner.typos(plan, (await source.words(ids)).flat()),
  });
}

/** Parts put together again. */
export function joinTerms(parts: readonly TermsPart[]): TermsPart {
  return {
    synonyms: parts.flatMap((p) => p.synonyms),
    variants: parts.flatMap((p) => p.variants),
    english: parts.flatMap((p) => p.english),
  };
}

/**
 * Run a plan with `search` (see the module comment for the order). With
 * `byScore` false (results sorted by amount by the index), each step's
 * results keep the index's order.
 */
export async function runPlan(
  plan: Plan,
  search: SearchFn,
  {
    byScore = true,
    typos = async () => [],
  }: {
    byScore?: boolean;
    /** The corrections to try when little was found (loaded only then). */
    typos?: () => Promise<Alternative[]>;
  } = {},
): Promise<Outcome> {
  const best = new Map<string, Ranked>();
  const order: Ranked[] = [];
  const used: Outcome['used'] = [];
  const marks = new Set(plan.words);
  let suggestion: string | null = null;
  const add = (list: Ranked[]) => {
    if (byScore) list.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    for (const r of list)
      if (!best.has(r.id)) {
        best.set(r.id, r);
        order.push(r);
      }
  };
  const checked = new Map<string, Promise<Set<string>>>();
  const pagesOf = (check: string) => {
    if (!checked.has(check))
      checked.set(
        check,
        search(check).then((r) => new Set(r.map((x) => x.id))),
      );
    return checked.get(check)!;
  };
  const run = async (alts: Alternative[], weight: (a: Alternative) => number) => {
    const found: Ranked[] = [];
    for (const a of alts) {
      if (a.query === '') continue;
      const sets: Set<string>[] = [];
      for (const c of a.checks) {
        sets.push(await pagesOf(c));
        if (sets[sets.length - 1]!.size === 0) break;
      }
      if (sets.some((x) => x.size === 0)) continue;
      const results = (await search(a.query)).filter((r) => sets.every((x) => x.has(r.id)));
      if (results.length > 0 && a.replaced.length > 0) {
        used.push({ kind: a.kind, replaced: a.replaced });
        for (const [, to] of a.replaced) marks.add(to);
      }
      // a score is a sum over the query's terms: per term, alternatives of more or fewer terms compare
      const terms = Math.max(1, a.query.split(' ').length);
      for (const r of results)
        found.push({ id: r.id, score: (r.score / terms) * weight(a), kind: a.kind });
    }
    // one entry per page: its best score
    const top = new Map<string, Ranked>();
    for (const r of found) if (!top.has(r.id) || top.get(r.id)!.score < r.score) top.set(r.id, r);
    return [...top.values()];
  };
  const weight = (a: Alternative) =>
    a.kind === 'exact' ? 1 : a.kind === 'confusion' ? CONFUSED : REPLACED;
  // the words as typed first; when they find many pages, the other words would add little but
  // bytes (each word is index chunks to load), so they are searched only when fewer were found
  const exact = await run(
    plan.alternatives.filter((a) => a.kind === 'exact'),
    weight,
  );
  const others = plan.alternatives.filter((a) => !a.late && a.kind !== 'exact');
  add([...exact, ...(exact.length < MANY ? await run(others, weight) : [])]);
  if (order.length < FEW)
    add(
      await run(
        plan.alternatives.filter((a) => a.late),
        weight,
      ),
    );
  if (order.length < FEW) {
    const before = order.length;
    for (const a of await typos()) {
      const r = await run([a], () => 1);
      if (r.length > 0 && suggestion === null && before === 0) suggestion = a.words.join(' ');
      add(r);
    }
  }
  let partial = false;
  if (order.length === 0 && plan.partial.length > 0) {
    add(await run(plan.partial, () => 1));
    partial = order.length > 0;
  }
  return { results: order, marks: [...marks], used, suggestion, partial };
}
