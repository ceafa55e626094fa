/**
 * Search in Chromium against the index of the built site: the query set of
 * test/search/queries.yaml (every query must have all expected measures in
 * the top 3), the citizens' queries of test/search/citizen-queries.yaml (≥ 90 %
 * of each category must have an expected measure in the top 3), both through
 * the search page's own query plan (src/site/search/plan.ts), full-/half-width pairs giving the same results, and the search
 * page by keyboard, with its live count, ?q= in the URL, filters, sorting,
 * no-JavaScript message, and hosting under a sub-path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';
import { memorySource } from '../../src/site/search/plan.ts';
import { openIndex, topMeasures } from '../helpers/search-run.ts';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/static-server.ts';

interface Query {
  q: string;
  kind: string;
  expect: string[];
  pair?: string;
}
interface CitizenQuery {
  q: string;
  category: string;
  expect: string[];
}
const read = <T>(name: string) =>
  (parse(readFileSync(join(import.meta.dirname, '../search', name), 'utf8')) as { queries: T[] })
    .queries;
const QUERIES = read<Query>('queries.yaml');
/** Citizens' words (issue 15): variants, readings, synonyms, phrases, English, typos. */
const CITIZEN = read<CitizenQuery>('citizen-queries.yaml');
const CATEGORIES = ['variant', 'reading', 'synonym', 'phrase', 'english', 'typo'];
const { dist, distRoot, tmp } = inject('site');
/** The search page's own tables, whole, as the built site carries them. */
const source = memorySource(readGenerated(join(tmp, GENERATED_DIR), 'curated').search);

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

const indexPage = () => openIndex(browser, root.url);
const top = (page: Page, q: string, n = 3) => topMeasures(page, source, q, n);

describe('search quality', () => {
  it(`finds the expected measures in the top 3 for every one of ${QUERIES.length} queries`, async () => {
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
    expect(misses).toEqual([]);
  }, 180_000);

  it(`finds an expected measure in the top 3 for at least 90 % of the citizen queries of each category (${CITIZEN.length} queries)`, async () => {
    const page = await indexPage();
    const lines: string[] = [];
    const rates: Record<string, number> = {};
    for (const category of CATEGORIES) {
      const queries = CITIZEN.filter((q) => q.category === category);
      expect(queries.length, category).toBeGreaterThanOrEqual(20);
      let hits = 0;
      for (const q of queries) {
        const got = await top(page, q.q);
        if (q.expect.some((id) => got.includes(id))) hits++;
        else
          lines.push(
            `  ${category} 「${q.q}」 → ${got.join(', ')} (expected ${q.expect.join(' or ')})`,
          );
      }
      rates[category] = hits / queries.length;
    }
    await page.close();
    console.log(
      `citizen search: ${CATEGORIES.map((c) => `${c} ${(rates[c]! * 100).toFixed(0)}%`).join(', ')}\n${lines.join('\n')}`,
    );
    for (const c of CATEGORIES) expect(rates[c], c).toBeGreaterThanOrEqual(0.9);
  }, 180_000);

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
