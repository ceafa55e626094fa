/**
 * The records of the search index (Pagefind custom records): measure pages,
 * glossary entries and document pages. The searchable content is the token
 * text of search-text.ts, never the page HTML, so navigation chrome is never
 * indexed and Japanese compounds and full-/half-width forms are found. The
 * title is repeated to weigh most, the summary next. Pure: data in, records out.
 */
import type { DocumentSummary } from '../../schemas/document-summary.ts';
import { formatAmountShort } from '../../lib/format.ts';
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import { GLOSSARY_PATH, documentPath } from '../../lib/links.ts';
import type { Navigation } from '../../schemas/navigation.ts';
import { makeFold, searchTokens, type Fold } from './text.ts';
import { leadSentences, type Population } from '../lead.ts';
import type { MeasureRecord } from '../../schemas/measure.ts';

export interface SearchRecord {
  /** Site path without the deployment base. */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Weights, as repeats of a field's tokens. */
export const TITLE_WEIGHT = 4;
export const SUMMARY_WEIGHT = 2;
/** Characters of page text kept for the result snippet. */
export const SNIPPET_SOURCE = 400;

/** The index's language tag: the tokens are ASCII words, so no Japanese segmenter may touch them. */
export const INDEX_LANGUAGE = 'en';

const KIND = { own: '金額あり', part_of: '他の予算の内数', none: '金額の記載なし' } as const;

function repeat(t: string, times: number): string {
  return Array.from({ length: times }, () => t).join(' ');
}

export interface SearchInput {
  records: readonly MeasureRecord[];
  nav: Navigation;
  documents: readonly DocumentSummary[];
  glossary: readonly GlossaryTerm[];
  population: Population | null;
  /** The variant folding of the index and the query (default: none curated). */
  fold?: Fold;
  /** The reading terms of a text (readings.ts); none when not given. */
  readings?: (text: string) => string[];
}

export function searchRecords({
  records,
  nav,
  documents,
  glossary,
  population,
  fold = makeFold(),
  readings = () => [],
}: SearchInput): SearchRecord[] {
  const tokens = (text: string, times = 1) => repeat(searchTokens(text, fold).join(' '), times);
  const bureauName = new Map(nav.bureaus.map((b) => [b.slug, b.name]));
  const tagName = new Map(nav.tags.map((t) => [t.slug, t.name]));
  const out: SearchRecord[] = [];
  for (const r of records) {
    const summary = leadSentences(r, population).join('');
    const text = [
      r.sections.purpose,
      r.sections.overview,
      r.sections.scheme,
      r.sections.outcome,
    ].join('\n');
    const navEntry = nav.measures[r.id];
    const bureaus = [
      ...new Set((navEntry?.units ?? []).map((u) => bureauName.get(u.bureau) ?? u.bureau)),
    ];
    out.push({
      url: r.url,
      content: [
        tokens(r.name, TITLE_WEIGHT),
        tokens(r.name === r.title ? '' : r.title),
        tokens(r.subtitle && !r.name.includes(r.subtitle) ? r.subtitle : ''),
        tokens(summary, SUMMARY_WEIGHT),
        tokens(`${r.amount.text} ${r.budget.label} ${r.bureau ?? ''} ${r.tags.join(' ')}`),
        tokens(text),
        // each reading once (a page's length counts in its rank: readings of every occurrence
        // would rank the pages with most kanji below others for the words as typed)
        [...new Set([...readings(r.name), ...readings(text)])].join(' '),
      ]
        .filter((t) => t !== '')
        .join(' '),
      language: INDEX_LANGUAGE,
      meta: {
        title: r.name,
        type: '施策',
        budget: r.budget.label,
        amount: formatAmountShort(r.amount),
        text: `${summary}${text.replace(/\s+/gu, ' ')}`.slice(0, SNIPPET_SOURCE),
      },
      filters: {
        type: ['施策'],
        budget: [r.budget.label],
        bureau: bureaus.length > 0 ? bureaus : ['担当の記載なし'],
        tag: (navEntry?.tags ?? []).map((s) => tagName.get(s) ?? s),
        amount_kind: [KIND[r.amount.kind]],
      },
      sort: { amount: String(r.amount.kind === 'own' && r.amount.yen !== null ? r.amount.yen : 0) },
    });
  }
  for (const t of glossary) {
    out.push({
      url: `${GLOSSARY_PATH}#${t.slug}`,
      content: [
        tokens([t.term, ...t.aliases].join(' '), TITLE_WEIGHT),
        tokens(t.short, SUMMARY_WEIGHT),
        tokens(t.plain),
        readings(t.term).join(' '),
      ]
        .filter((x) => x !== '')
        .join(' '),
      language: INDEX_LANGUAGE,
      meta: {
        title: `${t.term}（用語集）`,
        type: '用語',
        budget: '',
        amount: '',
        text: `${t.short}${t.plain}`.slice(0, SNIPPET_SOURCE),
      },
      filters: { type: ['用語'] },
      sort: { amount: '0' },
    });
  }
  for (const d of documents) {
    out.push({
      url: documentPath(d.meta.id),
      content: [
        tokens(d.meta.title, TITLE_WEIGHT),
        tokens(`${d.meta.publisher} ${d.totals.map((t) => t.label).join(' ')}`),
      ].join(' '),
      language: INDEX_LANGUAGE,
      meta: {
        title: d.meta.title,
        type: '予算資料',
        budget: d.totals.map((t) => t.label).join('・'),
        amount: '',
        text: `${d.meta.publisher}が公表した資料。施策${d.counts.measures}件。`,
      },
      filters: { type: ['予算資料'] },
      sort: { amount: '0' },
    });
  }
  return out;
}
