/**
 * The explorer page (/explore/): the built HTML holds the whole table with JavaScript off (one
 * row per live measure, linking its page, under the base), and in Chromium a filter narrows the
 * rows, the URL keeps it through a reload, the headers sort, and the CSV download holds exactly
 * the rows shown, in their order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/static-server.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';
import { CSV_HEADER } from '../../src/site/explore-view.ts';

const { tmp, dist, distRoot } = inject('site');
const records = readGenerated(join(tmp, GENERATED_DIR), 'measures');
const nav = readGenerated(join(tmp, GENERATED_DIR), 'navigation');

const toText = (n: Root | RootContent): string =>
  n.type === 'text' ? n.value : 'children' in n ? n.children.map(toText).join('') : '';

function* elements(n: Root | RootContent): Generator<Element> {
  if (n.type === 'element') yield n;
  if (n.type === 'element' || n.type === 'root') for (const c of n.children) yield* elements(c);
}

describe('the explorer without JavaScript (the built HTML)', () => {
  // the sub-path build: every link carries the base
  const tree = fromHtml(readFileSync(join(dist, 'explore/index.html'), 'utf8'));
  const all = [...elements(tree)];
  const table = all.find((e) => e.properties.id === 'explore-table')!;
  const rows = [...elements(table)].filter(
    (e) => e.tagName === 'tr' && e.properties.dataBudget !== undefined,
  );

  it('has one row per live measure, in document order, each linking its page', () => {
    expect(rows).toHaveLength(records.length);
    const hrefs = rows.map((tr) => {
      const a = [...elements(tr)].find((e) => e.tagName === 'a')!;
      return a.properties.href;
    });
    expect(hrefs).toEqual(records.map((r) => `/sub${r.url}`));
  });

  it('shows hostile document text as text', () => {
    const hostile = rows.find((tr) =>
      [...elements(tr)].some(
        (e) => e.tagName === 'td' && e.properties.dataLabel === '担当' && toText(e) === '<b>局</b>',
      ),
    );
    expect(hostile).toBeDefined();
    expect(all.filter((e) => e.tagName === 'b')).toEqual([]);
  });

  it('has a caption, stacks on phones, and ships the controls hidden, with no dead buttons in the table', () => {
    expect([...elements(table)].some((e) => e.tagName === 'caption')).toBe(true);
    expect(table.properties.className).toContain('stack');
    const tools = all.find((e) => e.properties.id === 'explore-tools')!;
    expect(tools.properties.hidden).toBe(true);
    expect([...elements(table)].filter((e) => e.tagName === 'button')).toEqual([]);
    // every cell but the name is led by its column's name when stacked
    for (const tr of rows.slice(0, 20))
      for (const td of tr.children.filter((c): c is Element => c.type === 'element').slice(1))
        expect(td.properties.dataLabel).toBeTruthy();
  });
});

describe('the explorer in Chromium', () => {
  let browser: Browser;
  let server: Served;
  beforeAll(async () => {
    server = await serve(distRoot, '/');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;
  /** The ids of the rows shown, in order (from their links). */
  const shownIds = (page: Page) =>
    page
      .locator('#explore-table tbody tr td:first-child a')
      .evaluateAll((as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').at(-2)!),
      );

  it('shows the full table with JavaScript off, and no filters', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(url('/explore/'));
    expect(await page.locator('#explore-table tbody tr').count()).toBe(records.length);
    expect(await page.locator('#explore-tools').isVisible()).toBe(false);
    await ctx.close();
  });

  it('narrows the rows by a filter, keeps it in the URL through a reload, and saves exactly the rows shown as CSV', async () => {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(url('/explore/'));
    const status = page.locator('#explore-status');
    await expect
      .poll(() => status.innerText())
      .toBe(`${records.length}件を表示（全${records.length}件）`);
    const tag = nav.tags.find((t) => t.measures.length > 1 && t.measures.length < records.length)!;
    await page.locator('select[data-filter="tag"]').selectOption(tag.slug);
    const rows = page.locator('#explore-table tbody tr');
    await expect.poll(() => rows.count()).toBe(tag.measures.length);
    for (const tags of await rows.evaluateAll((trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.tags ?? ''),
    ))
      expect(tags.split(' ')).toContain(tag.slug);
    expect(new Set(await shownIds(page))).toEqual(new Set(tag.measures));
    expect(await status.innerText()).toBe(
      `${tag.measures.length}件を表示（全${records.length}件）`,
    );
    expect(new URL(page.url()).searchParams.get('tag')).toBe(tag.slug);

    // sort by amount, largest first, from the keyboard
    const amount = page.locator('th[data-sort="amount"]');
    await amount.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await amount.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('th[aria-sort]').count()).toBe(1);
    const yens = await page
      .locator('#explore-table tbody td[data-label="金額"]')
      .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.yen ?? null));
    const known = yens.filter((y) => y !== null).map(Number);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    // rows without an amount come last
    expect(yens.slice(known.length).every((y) => y === null)).toBe(true);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('amount');

    // a reload keeps the filter and the order
    const before = await shownIds(page);
    await page.reload();
    await expect.poll(() => rows.count()).toBe(tag.measures.length);
    expect(await page.locator('select[data-filter="tag"]').inputValue()).toBe(tag.slug);
    expect(await page.locator('th[data-sort="amount"]').getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(await shownIds(page)).toEqual(before);

    // the text filter narrows further
    const word = records.find((r) => tag.measures.includes(r.id))!.name.slice(0, 2);
    await page.locator('#explore-q').fill(word);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(word);
    const names = await page.locator('#explore-table tbody tr td:first-child a').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain(word);

    const download = page.waitForEvent('download');
    await page.locator('#explore-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('explore.csv');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const csv: string[][] = parseCsv(text.slice(1));
    expect(csv[0]).toEqual([...CSV_HEADER]);
    const shown = await shownIds(page);
    expect(csv.slice(1).map((r) => r[0])).toEqual(shown);
    expect(csv.slice(1).map((r) => r[1])).toEqual(names);
    await ctx.close();
  });

  it('drops a filter value the page does not offer, and undoes every filter and the sort', async () => {
    const page = await browser.newPage();
    await page.goto(url('/explore/?bureau=no-such-bureau&sort=name'));
    const rows = page.locator('#explore-table tbody tr');
    await expect.poll(() => page.locator('#explore-status').innerText()).toContain('件を表示');
    expect(await rows.count()).toBe(records.length);
    expect(new URL(page.url()).searchParams.has('bureau')).toBe(false);
    expect(await page.locator('th[data-sort="name"]').getAttribute('aria-sort')).toBe('ascending');
    await page.locator('#explore-reset').click();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('th[aria-sort]').count()).toBe(0);
    expect(await shownIds(page)).toEqual(records.map((r) => r.id));
    await page.close();
  });
});
