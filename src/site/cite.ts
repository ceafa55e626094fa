/**
 * Citing a measure: the one-line citation a page offers to copy, and the BibTeX and CSL-JSON
 * files for researchers (/measures/<id>/cite.bib, cite.json). Pure functions of the record, its
 * document's metadata and the page's permanent address. Document text is untrusted: BibTeX
 * fields are escaped, CSL-JSON is written by JSON.stringify.
 */
import type { MeasureRecord } from '../schemas/measure.ts';
import type { SourceMeta } from '../schemas/source-meta.ts';
import { formatAmountShort, formatDate, formatLineSpan, innerQuote } from '../lib/format.ts';
import { SITE_NAME } from './site-name.ts';

/** 「12ページ」 or 「12〜13ページ」. */
export function pageRangeText([first, last]: readonly [number, number]): string {
  return first === last ? `${first}ページ` : `${first}〜${last}ページ`;
}

/**
 * Where in the document a measure is, in words: 資料の12ページ（テキストの120〜160行目）, or only the
 * text's lines when the text keeps no page breaks.
 */
export function whereInSource(source: MeasureRecord['source']): string {
  return `資料の${placeInSource(source)}`;
}

/** The same without 資料の, as a citation gives it after the document's title. */
function placeInSource(source: MeasureRecord['source']): string {
  const lines = `テキストの${formatLineSpan(source.lines)}`;
  return source.pages ? `${pageRangeText(source.pages)}（${lines}）` : lines;
}

/** The amount as cited: 令和7年度概算要求額 8.7億円 (the kind of figure for 内数 and none). */
function amountText(m: MeasureRecord): string {
  return `${m.budget.label} ${formatAmountShort(m.amount)}`;
}

/**
 * The citation in one line. `accessed` is the reader's date (YYYY-MM-DD); without it the
 * line asks for one (the page fills it in with script: the build has no "today").
 */
export function citationText(
  m: MeasureRecord,
  meta: Pick<SourceMeta, 'publisher' | 'title' | 'date'>,
  permanent: string,
  accessed: string | null,
): string {
  return `${citationLead(m, meta)}${permanent}（${accessed ? `${formatDate(accessed)}閲覧` : NO_ACCESS_DATE}）`;
}

/** What the citation says where the script has not set the reader's date. */
export const NO_ACCESS_DATE = '閲覧日を記入';

/** The citation up to the page's address (the page prints the address and date in their own elements). */
export function citationLead(
  m: MeasureRecord,
  meta: Pick<SourceMeta, 'publisher' | 'title' | 'date'>,
): string {
  const published = meta.date ? `（${formatDate(meta.date)}公表）` : '';
  return `${meta.publisher}「${innerQuote(meta.title)}」${published}${placeInSource(m.source)}、施策「${innerQuote(m.name)}」（${amountText(m)}）。${SITE_NAME} `;
}

const range = ([first, last]: readonly [number, number], dash: string) =>
  first === last ? `${first}` : `${first}${dash}${last}`;

/** Where the measure is when its text keeps no page breaks: the lines of the site's text. */
const linesText = (m: MeasureRecord) => `lines ${range(m.source.lines, '-')} of the text`;

/** A BibTeX field value: the characters BibTeX and LaTeX treat specially, escaped. */
function bib(value: string): string {
  return value
    .replace(/[\r\n]+/gu, ' ')
    .replace(/\\/gu, '\\textbackslash{}')
    .replace(/([{}&%$#_])/gu, '\\$1')
    .replace(/~/gu, '\\textasciitilde{}')
    .replace(/\^/gu, '\\textasciicircum{}');
}

/** A URL field (read verbatim by biblatex): only braces, which would end the field, are encoded. */
const verbatim = (url: string) => url.replace(/[{}\s]/gu, (c) => encodeURIComponent(c));

/** The BibTeX entry (@misc, keyed by the measure id). */
export function bibtex(
  m: MeasureRecord,
  meta: Pick<SourceMeta, 'publisher' | 'title' | 'date' | 'url'>,
  permanent: string,
): string {
  const pages = m.source.pages;
  // the publisher in double braces: an institution, not a person's family and given names
  const fields: [string, string][] = [
    ['title', bib(m.name)],
    ['author', `{${bib(meta.publisher)}}`],
    ['howpublished', bib(meta.title)],
    ...(meta.date ? ([['year', meta.date.slice(0, 4)]] as [string, string][]) : []),
    ...(pages ? ([['pages', range(pages, '--')]] as [string, string][]) : []),
    ['note', bib(`${amountText(m)}. ${pages ? '' : `${linesText(m)}. `}${SITE_NAME}`)],
    ['url', verbatim(permanent)],
    ...(meta.url ? ([['source', verbatim(meta.url)]] as [string, string][]) : []),
  ];
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@misc{${m.id},\n${body}\n}\n`;
}

/** The CSL-JSON item (an array of one, as reference managers import it). */
export function cslJson(
  m: MeasureRecord,
  meta: Pick<SourceMeta, 'publisher' | 'title' | 'date' | 'url'>,
  permanent: string,
): string {
  const pages = m.source.pages;
  const item = {
    id: m.id,
    type: 'document',
    title: m.name,
    author: [{ literal: meta.publisher }],
    publisher: meta.publisher,
    'container-title': meta.title,
    ...(meta.date
      ? { issued: { 'date-parts': [meta.date.split('-').map((n) => Number(n))] } }
      : {}),
    ...(pages ? { page: range(pages, '-') } : {}),
    note: pages ? amountText(m) : `${amountText(m)}. ${linesText(m)}`,
    URL: permanent,
    ...(meta.url ? { source: meta.url } : {}),
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}
