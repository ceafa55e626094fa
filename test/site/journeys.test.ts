/**
 * Whole journeys in Chromium, with the site's Content-Security-Policy
 * (public/_headers) served as a header: no page type may trigger a CSP
 * violation, with JavaScript on (search, furigana, treemap) or off; and
 * without JavaScript every measure is still reachable by links from the
 * home page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPage } from '../../src/checks/linkcheck.ts';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/static-server.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';

const { tmp, distRoot } = inject('site');
const records = readGenerated(join(tmp, GENERATED_DIR), 'measures');

/** The headers of public/_headers for every path (/*). */
function shippedHeaders(): Record<string, string> {
  const text = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
  const block = text.split(/^\/\*\s*$/m)[1]!;
  return Object.fromEntries(
    block
      .split('\n')
      .map((l) => /^\s+([\w-]+):\s*(.+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!.trim()]),
  );
}
const HEADERS = shippedHeaders();

let browser: Browser;
let server: Served;
beforeAll(async () => {
  server = await serve(distRoot, '/', HEADERS);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records CSP violations and script errors. */
async function watched(ctx: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}
const go = (page: Page, path: string) =>
  page.goto(new URL(path.replace(/^\//, ''), server.url).href);

describe('Content-Security-Policy', () => {
  it('is shipped with the other security headers', () => {
    expect(HEADERS['Content-Security-Policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(HEADERS['Content-Security-Policy']).not.toMatch(/unsafe-inline/);
    expect(HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(HEADERS['Referrer-Policy']).toBeTruthy();
  });

  it('is not violated on any page type, nor by search, furigana, the treemap or the explorer CSV', async () => {
    const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, problems } = await watched(ctx);
    const measure = records.find((r) => r.budget.kind === 'request' && r.amount.kind === 'own')!;
    for (const path of [
      '/',
      `/budgets/${measure.source.document}/`,
      `/budgets/${measure.source.document}/packages/`,
      measure.url,
      '/measures/retired-001/',
      '/bureaus/',
      '/tags/',
      '/glossary/',
      '/explore/?sort=amount&order=desc',
      `/sources/${measure.source.document}/?lines=10-20#L10`,
      '/measures/fixture-5/',
    ]) {
      const response = await go(page, path);
      expect(response?.headers()['content-security-policy'], path).toBe(
        HEADERS['Content-Security-Policy'],
      );
    }
    await go(page, measure.url);
    await page.locator('#ruby-toggle').click();
    await page.locator('#copy-link').click();
    await go(page, '/search/?q=%E8%AA%8D%E7%9F%A5%E7%97%87');
    await page.locator('#search-results li').first().waitFor();
    await go(page, '/');
    await page.locator('svg.treemap g.cell').first().click();
    await page.waitForURL(/\/measures\//);
    await go(page, '/explore/?sort=amount');
    const download = page.waitForEvent('download');
    await page.locator('#explore-csv').click();
    await download;
    expect(problems).toEqual([]);
    await ctx.close();
  });
});

describe('journeys', () => {
  it('home → budget → package → measure → its source lines', async () => {
    const ctx = await browser.newContext();
    const { page, problems } = await watched(ctx);
    const pkg = records.find((r) => r.children.length > 0 && r.source.document !== 'fixture')!;
    const child = records.find((r) => r.id === pkg.children[0])!;
    await go(page, '/');
    await page.locator(`.doc-list a[href="/budgets/${pkg.source.document}/"]`).click();
    await page.locator(`table:has(#measures-table-caption) a[href="${pkg.url}"]`).click();
    await page.locator(`#children-table-caption ~ tbody a[href="${child.url}"]`).click();
    expect(new URL(page.url()).pathname).toBe(child.url);
    expect(await page.locator('.breadcrumbs a').allInnerTexts()).toContain(pkg.title);
    await page.locator('.source a', { hasText: '資料の本文' }).click();
    expect(new URL(page.url()).hash).toBe(`#L${child.source.lines[0]}`);
    expect(
      await page.locator(`#L${child.source.lines[0]}`).evaluate((e) => e.classList.contains('hl')),
    ).toBe(true);
    expect(await page.locator('li.hl').count()).toBe(
      child.source.lines[1] - child.source.lines[0] + 1,
    );
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('search → result → measure', async () => {
    const ctx = await browser.newContext();
    const { page } = await watched(ctx);
    await go(page, '/');
    await page.locator('#site-search-q').fill('ドクターヘリ');
    await page.locator('#site-search-q').press('Enter');
    const first = page.locator('#search-results li a').first();
    await first.waitFor();
    const href = await first.getAttribute('href');
    await first.click();
    expect(new URL(page.url()).pathname).toBe(href);
    expect(await page.locator('h1').innerText()).toMatch(/ドクター/);
    await ctx.close();
  });

  it('at 320 px no page type scrolls sideways', async () => {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    const measure = records.find((r) => r.children.length > 0 && r.source.document !== 'fixture')!;
    for (const path of [
      '/',
      `/budgets/${measure.source.document}/`,
      `/budgets/${measure.source.document}/by-amount/`,
      `/budgets/${measure.source.document}/packages/`,
      measure.url,
      '/measures/fixture-5/',
      '/measures/retired-001/',
      '/bureaus/',
      `/bureaus/${readdirSync(join(distRoot, 'bureaus')).find((n) => !n.includes('.'))}/`,
      '/tags/',
      '/glossary/',
      '/search/?q=%E4%BB%8B%E8%AD%B7',
      '/explore/',
      `/sources/${measure.source.document}/`,
    ]) {
      await go(page, path);
      await page.waitForLoadState('networkidle');
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll, path).toBeLessThanOrEqual(client);
    }
    await ctx.close();
  });
});

describe('without JavaScript', () => {
  it('reaches every measure by following links from the home page', () => {
    // breadth-first over the built pages' links: what a reader without JavaScript can follow
    const file = (path: string) => join(distRoot, decodeURIComponent(path), 'index.html');
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      let html: string;
      try {
        if (!statSync(file(path)).isFile()) continue;
        html = readFileSync(file(path), 'utf8');
      } catch {
        continue;
      }
      for (const { url } of readPage(html).refs) {
        const target = new URL(url, `http://site${path}`);
        if (target.host !== 'site' || !target.pathname.endsWith('/') || seen.has(target.pathname))
          continue;
        seen.add(target.pathname);
        queue.push(target.pathname);
      }
    }
    const unreachable = records.filter((r) => !seen.has(r.url)).map((r) => r.id);
    expect(unreachable).toEqual([]);
  });

  it('follows home → budget → measure in a browser with JavaScript off', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const r = records.find((x) => x.source.document !== 'fixture' && x.parent === null)!;
    await go(page, '/');
    await page.locator(`.doc-list a[href="/budgets/${r.source.document}/"]`).click();
    await page.locator(`table:has(#measures-table-caption) a[href="${r.url}"]`).click();
    expect(new URL(page.url()).pathname).toBe(r.url);
    expect(await page.locator('.summary-card').isVisible()).toBe(true);
    await ctx.close();
  });
});
