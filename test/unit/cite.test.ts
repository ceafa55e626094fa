import { describe, expect, it } from 'vitest';
import { pageOfLine, pdfPageStarts } from '../../src/pipeline/extract/rules/pages.ts';
import { sourceMetaSchema } from '../../src/schemas/source-meta.ts';
import { bibtex, citationText, cslJson, whereInSource } from '../../src/site/cite.ts';
import { makeRecord } from '../fixtures/records.ts';

const META = {
  publisher: '厚生労働省',
  title: '令和6年度厚生労働省補正予算案の主要施策集',
  date: '2024-11-29',
  url: 'https://example.org/a.pdf',
};
const URL = 'https://example.org/measures/r6-hosei-050/';

describe('counting the PDF pages of a text', () => {
  const lines = [
    '表紙',
    ' 目次', // page 2: one space
    ' - 入れ子の項目', // a list item, not a page
    '本文',
    '  二字下げ', // not a page
    '３', // a page number alone ends page 2
    '',
    '次のページ', // page 3
  ];
  it('starts a page at a line with one space and after a page number, never at a list item', () => {
    expect(pdfPageStarts(lines)).toEqual([1, 2, 8]);
    expect([1, 2, 5, 7, 8].map((l) => pageOfLine([1, 2, 8], l))).toEqual([1, 2, 2, 2, 3]);
  });
});

describe('where a measure is and its citation', () => {
  const m = makeRecord({
    id: 'r6-hosei-050',
    name: '医薬品安定供給支援事業',
    source: { document: 'r6-hosei', lines: [3410, 3463], pages: [55, 56] },
  });
  it('names the pages and the lines, or the lines alone without page breaks', () => {
    expect(whereInSource(m.source)).toBe('資料の55〜56ページ（テキストの3410〜3463行目）');
    expect(whereInSource({ ...m.source, pages: null })).toBe('資料のテキストの3410〜3463行目');
  });
  it('cites publisher, document, date, page, name, amount, permanent URL and access date in one line', () => {
    const text = citationText(m, META, URL, '2026-12-02');
    expect(text).not.toContain('\n');
    expect(text).toMatch(
      /^厚生労働省「令和6年度厚生労働省補正予算案の主要施策集」（2024年11月29日公表）55〜56ページ（テキストの3410〜3463行目）、施策「医薬品安定供給支援事業」（.+）。厚生労働省 予算施策ガイド（非公式） https:\/\/example\.org\/measures\/r6-hosei-050\/（2026年12月2日閲覧）$/u,
    );
    expect(citationText(m, { ...META, date: null }, URL, null)).toContain('（閲覧日を記入）');
    // a name that quotes something nests its quotes
    expect(citationText({ ...m, name: '「女性の健康」センター事業' }, META, URL, null)).toContain(
      '施策「『女性の健康』センター事業」',
    );
  });
  it('escapes hostile text in BibTeX and keeps CSL-JSON valid', () => {
    const hostile = { ...m, name: '施策} @misc{x, title={%&$#_~^\\' };
    const bib = bibtex(hostile, META, URL);
    const title = /^ {2}title = \{(.*)\},$/mu.exec(bib)![1]!;
    // no unescaped brace can close the field early
    expect(
      title
        .replace(/\\[{}]/gu, '')
        .replace(/\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}/gu, ''),
    ).not.toMatch(/[{}]/u);
    expect(bib).toContain('  pages = {55--56},');
    expect(bib).toContain(`  url = {${URL}},`);
    const [item] = JSON.parse(cslJson(hostile, META, URL));
    expect(item).toMatchObject({
      id: 'r6-hosei-050',
      title: hostile.name,
      page: '55-56',
      URL,
      issued: { 'date-parts': [[2024, 11, 29]] },
    });
    const noPages = JSON.parse(
      cslJson({ ...m, source: { ...m.source, pages: null } }, META, URL),
    )[0];
    expect(noPages.page).toBeUndefined();
    expect(noPages.note).toContain('lines 3410-3463 of the text');
  });
});

describe('document metadata: a URL only with the date it was checked', () => {
  const base = {
    id: 'r6-hosei',
    file: 'a.txt',
    title: 'x',
    publisher: '厚生労働省',
    fiscal_year: 2024,
    kind: 'supplementary',
    budgets: [{ label: '令和6年度補正予算案', fiscal_year: 2024, kind: 'supplementary' }],
  };
  it('refuses a URL without url_checked, a check date without URL, and a date not written YYYY-MM-DD', () => {
    const issues = (extra: object) => {
      const r = sourceMetaSchema.safeParse({ ...base, ...extra });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(
      issues({ url: 'https://example.org/a.pdf', url_checked: '2026-12-02', date: '2024-11-29' }),
    ).toEqual([]);
    expect(issues({ url: 'https://example.org/a.pdf' })).toEqual([
      'url_checked: url and url_checked go together: record a URL only with the date it was checked',
    ]);
    expect(issues({ url_checked: '2026-12-02' })).toHaveLength(1);
    expect(issues({ date: '令和6年11月' })).toEqual(['date: must be a date written YYYY-MM-DD']);
  });
});
