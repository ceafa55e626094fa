/**
 * Search in Chromium against the index of the built site: the query set of
 * test/search/queries.yaml (≥ 95 % must have all expected measures in the
 * top 3), full-/half-width pairs giving the same results, and the search
 * page by keyboard, with its live count, ?q= in the URL, filters, sorting,
 * no-JavaScript message, and hosting under a sub-path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { searchQuery } from '../../src/site/search/text.ts';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/static-server.ts';

interface Query {
  q: string;
  kind: string;
  expect: string[];
  pair?: string;
}
const QUERIES = (
  parse(readFileSync(join(import.meta.dirname, '../search/queries.yaml'), 'utf8')) as {
    queries: Query[];
  }
).queries;
const { dist, distRoot } = inject('site');

let browser: Browser;
let root: Served;
let sub: Served;

beforeAll(async () => {
  root = await serve(distRoot, '/');
  sub = await serve(dist, '/sub/');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await root?.close();
  await sub?.close();
});

/** A page with Pagefind loaded from the built site, for running raw index queries. */
async function indexPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${root.url}search/`);
  // a string, so that Vitest does not rewrite the browser's import()
  await page.evaluate(
    "import('/pagefind/pagefind.js').then(async (pf) => { await pf.init(); window.pf = pf; })",
  );
  return page;
}

/** Measure ids of the top results of a query. */
async function top(page: Page, q: string, n = 3): Promise<string[]> {
  return page
    .evaluate(
      async ({ query, n }) => {
        const pf = (
          window as unknown as {
            pf: {
              search: (
                q: string,
              ) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
            };
          }
        ).pf;
        const r = await pf.search(query);
        const data = await Promise.all(r.results.slice(0, n).map((x) => x.data()));
        return data.map((d) => d.url);
      },
      { query: searchQuery(q), n },
    )
    .then((urls) => urls.map((u) => /^\/measures\/([^/]+)\//.exec(u)?.[1] ?? u));
}

describe('search quality', () => {
  it(`finds the expected measures in the top 3 for at least 95 % of ${QUERIES.length} queries`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(60);
    const page = await indexPage();
    const misses: string[] = [];
    for (const q of QUERIES) {
      const got = await top(page, q.q);
      if (!q.expect.every((id) => got.includes(id)))
        misses.push(`${q.kind} 「${q.q}」 → ${got.join(', ')} (expected ${q.expect.join(', ')})`);
    }
    await page.close();
    const rate = (QUERIES.length - misses.length) / QUERIES.length;
    console.log(
      `search quality: ${QUERIES.length - misses.length}/${QUERIES.length} queries with all expected measures in the top 3 (${(rate * 100).toFixed(1)}%)\n${misses.join('\n')}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('gives the same results for full-width and half-width forms', async () => {
    const page = await indexPage();
    const pairs = new Map<string, Query[]>();
    for (const q of QUERIES) if (q.pair) pairs.set(q.pair, [...(pairs.get(q.pair) ?? []), q]);
    expect(pairs.size).toBeGreaterThanOrEqual(5);
    for (const [name, [a, b]] of pairs) {
      expect(await top(page, a!.q, 10), name).toEqual(await top(page, b!.q, 10));
    }
    for (const [wide, narrow] of [
      ['ＤＭＡＴ', 'DMAT'],
      ['１，３１１億円', '1311億円'],
      ['ＡＩ', 'ai'],
    ]) {
      expect(await top(page, wide!, 10)).toEqual(await top(page, narrow!, 10));
    }
    await page.close();
  });
});

describe('the search page', () => {
  it('searches by keyboard, announces the count, keeps the query in the URL and shows title, budget, amount and a marked snippet', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}`);
    await page.locator('#site-search-q').fill('ドクターヘリ');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('#search-results li').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('ドクターヘリ');
    expect(await page.locator('#search-status').getAttribute('role')).toBe('status');
    expect(await page.locator('#search-status').innerText()).toMatch(
      /^「ドクターヘリ」の検索結果: \d+件$/,
    );
    const first = page.locator('#search-results li').first();
    expect(await first.locator('a').getAttribute('href')).toMatch(/^\/measures\/[a-z0-9-]+\/$/);
    expect(await first.locator('.result-meta').innerText()).toMatch(/施策・.+・.+円/);
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    // a new query from the page's own box, by keyboard
    await page.locator('#search-q').fill('828億円');
    await page.locator('#search-q').press('Enter');
    await expect
      .poll(() => page.locator('#search-status').innerText())
      .toMatch(/^「828億円」の検索結果/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('828億円');
    await page.close();
  });

  it('filters by budget and sorts by amount, and both are kept in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}search/?q=${encodeURIComponent('介護')}`);
    await page.locator('#search-results li').first().waitFor();
    const all = Number(/(\d+)件/.exec(await page.locator('#search-status').innerText())![1]);
    const budget = page.locator('select[data-filter="budget"]');
    const option = await budget.locator('option').nth(1).getAttribute('value');
    await budget.selectOption(option!);
    await expect
      .poll(async () =>
        (await page.locator('#search-results li .result-meta').allInnerTexts()).every((t) =>
          t.includes(option!),
        ),
      )
      .toBe(true);
    const filtered = Number(/(\d+)件/.exec(await page.locator('#search-status').innerText())![1]);
    expect(filtered).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('budget')).toBe(option);
    await page.locator('#search-sort').selectOption('amount');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('amount');
    await page.locator('#search-results li').first().waitFor();
    await page.close();
  });

  it('says without JavaScript that it needs it, and links to the lists', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${root.url}search/?q=test`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('この検索にはJavaScriptが必要です');
    expect(await page.locator('main noscript a, main .notice a').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#search-app').isVisible()).toBe(false); // nojs.css, loaded in <noscript>
    await ctx.close();
  });

  it('works when the site is hosted under a sub-path', async () => {
    const page = await browser.newPage();
    await page.goto(`${sub.url}search/?q=${encodeURIComponent('ＤＭＡＴ')}`);
    await page.locator('#search-results li').first().waitFor();
    const href = await page.locator('#search-results li a').first().getAttribute('href');
    expect(href).toMatch(/^\/sub\/measures\//);
    const response = await page.goto(new URL(href!, page.url()).href);
    expect(response?.status()).toBe(200);
    await page.close();
  });
});
