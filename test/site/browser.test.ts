/**
 * Browser tests in Debian's Chromium (playwright-core) against the site built
 * by global-setup.ts, served over HTTP as a static host would: accessibility
 * (axe-core) of every page type, the furigana toggle, glossary terms by
 * keyboard, the copy-link button and print media (320 px phones: every page
 * type in journeys.test.ts).
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, describeViolations, launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/static-server.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';
import { compareDocuments, comparePairs } from '../../src/site/compare.ts';

const { tmp, distRoot } = inject('site');
const records = readGenerated(join(tmp, GENERATED_DIR), 'measures');
const nav = readGenerated(join(tmp, GENERATED_DIR), 'navigation');

/** One real measure per budget kind, the package with children, and the hostile fixture. */
const byKind = (kind: string) =>
  records.find(
    (r) => r.budget.kind === kind && r.amount.kind === 'own' && r.sections.purpose !== '',
  )!;
/** The comparison page of the two documents that share the most programs. */
function busiestPair(): string {
  const documents = readGenerated(join(tmp, GENERATED_DIR), 'documents');
  const programOf = (id: string) => nav.measures[id]?.program ?? null;
  const [best] = comparePairs(documents)
    .map(({ a, b }) => ({
      path: `/compare/${a.meta.id}/${b.meta.id}/`,
      both: compareDocuments(a.meta.id, b.meta.id, records, nav.programs, programOf).both.length,
    }))
    .sort((x, y) => y.both - x.both);
  return best!.path;
}

const PAGES: Record<string, string> = {
  home: '/',
  budget: `/budgets/${records[0]!.source.document}/`,
  'budget by amount': `/budgets/${records[0]!.source.document}/by-amount/`,
  packages: `/budgets/${nav.packages[0]!.document}/packages/`,
  'measure (supplementary)': byKind('supplementary').url,
  'measure (request)': byKind('request').url,
  'measure (package)': `/measures/${nav.packages[0]!.id}/`,
  'measure (part of a fund)': records.find(
    (r) => r.amount.kind === 'part_of' && r.source.document !== 'fixture',
  )!.url,
  'measure (hostile fixture text)': '/measures/fixture-5/',
  tombstone: '/measures/retired-001/',
  bureaus: '/bureaus/',
  bureau: `/bureaus/${nav.bureaus[0]!.slug}/`,
  division: `/bureaus/${nav.bureaus[0]!.slug}/${nav.bureaus[0]!.divisions[0]!.slug}/`,
  tags: '/tags/',
  tag: `/tags/${nav.tags[0]!.slug}/`,
  glossary: '/glossary/',
  'open data': '/data/',
  search: '/search/?q=%E8%AA%8D%E7%9F%A5%E7%97%87',
  explorer: '/explore/',
  'explorer (filtered and sorted)': '/explore/?tag=new&sort=change&order=desc',
  'source text': `/sources/${[...new Set(records.map((r) => r.source.document))].pop()}/`,
  programs: '/programs/',
  program: `/programs/${nav.programs[0]!.slug}/`,
  compare: '/compare/',
  'compare two budgets': busiestPair(),
  corrections: '/corrections/',
};

let browser: Browser;
let context: BrowserContext;
let server: Served;

beforeAll(async () => {
  server = await serve(distRoot, '/');
  browser = await launch();
  context = await browser.newContext({ locale: 'ja-JP' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width = 1000): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  const response = await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('accessibility', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    it(`axe finds no violation on the ${name} page`, async () => {
      const page = await open(path);
      const violations = await axe(page);
      await page.close();
      expect(describeViolations(violations)).toEqual([]);
    });
  }

  it('uses a base font size of at least 16 px and wraps headings between phrases', async () => {
    const longest = records
      .filter((r) => r.source.document !== 'fixture')
      .reduce((a, b) => (b.title.length > a.title.length ? b : a));
    const page = await open(longest.url);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).wordBreak),
    ).toBe('keep-all');
    expect(await page.locator('h1 wbr').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the first screen on a phone (375×812)', () => {
  it("shows every measure page type's title, amount and budget kind without scrolling, the header and trail in few lines", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    // (not the hostile fixture: its title is eight lines of hostile text on purpose)
    const types = Object.entries(PAGES).filter(
      ([name]) => name.startsWith('measure') && !name.includes('hostile'),
    );
    expect(types.length).toBeGreaterThanOrEqual(4);
    for (const [name, path] of types) {
      await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
      const bottom = async (sel: string) => {
        const b = await page.locator(sel).first().boundingBox();
        expect(b, `${name}: ${sel}`).not.toBeNull();
        return b!.y + b!.height;
      };
      expect(await bottom('.site-header'), name).toBeLessThanOrEqual(90);
      // one line of trail
      expect(
        await page.locator('.breadcrumbs').evaluate((e) => e.getBoundingClientRect().height),
        name,
      ).toBeLessThanOrEqual(32);
      expect(await bottom('h1'), name).toBeLessThan(812);
      expect(await bottom('.amount-big'), name).toBeLessThan(812);
      expect(await bottom('.summary-facts dt:nth-of-type(2)'), `${name}: budget kind`).toBeLessThan(
        812,
      );
      // the card's key facts follow: 実施主体, 対象 and 国の負担 (the 5th fact)
      expect(await page.locator('.summary-facts dt:nth-of-type(5)').innerText(), name).toBe(
        '国の負担',
      );
      expect(await bottom('.summary-facts dd:nth-of-type(5)'), `${name}: key facts`).toBeLessThan(
        812,
      );
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        name,
      ).toBeLessThanOrEqual(375);
    }
    await page.close();
  });

  it('squeezes no table cell to one character per line and overflows on no page type', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
      // every table shown, the chart data folded in <details> too
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      );
      const squeezed = await page.evaluate(() =>
        [...document.querySelectorAll('td, th')].flatMap((cell) => {
          const text = (cell.textContent ?? '').trim();
          if ([...text].length < 3 || cell.closest('table.stack thead')) return [];
          const range = document.createRange();
          range.selectNodeContents(cell);
          const tops = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          return tops.size >= 3 && tops.size >= [...text].length * 0.6 ? [text.slice(0, 30)] : [];
        }),
      );
      expect(squeezed, name).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        name,
      ).toBeLessThanOrEqual(375);
    }
    await page.close();
  });

  it('shows search results before the filters, which open behind one 絞り込み button', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(new URL(PAGES.search!.replace(/^\//, ''), server.url).href);
    await page.locator('#search-results li').first().waitFor();
    const toggle = page.locator('#filter-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#search-filters').isVisible()).toBe(false);
    const first = await page.locator('#search-results li').first().boundingBox();
    expect(first!.y).toBeLessThan(812);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('select[data-filter="budget"]').isVisible()).toBe(true);
    // on a wide screen there is no button: the filters always show
    await page.setViewportSize({ width: 1000, height: 800 });
    expect(await toggle.isVisible()).toBe(false);
    expect(await page.locator('#search-filters').isVisible()).toBe(true);
    await page.close();
  });
});

describe('furigana', () => {
  it('is off by default, toggles by keyboard, is announced as pressed, and is remembered', async () => {
    const page = await open(PAGES['measure (supplementary)']!);
    const toggle = page.locator('#ruby-toggle');
    const rt = page.locator('h1 rt').first();
    expect(await rt.isVisible()).toBe(false);
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await rt.isVisible()).toBe(true);
    const reading = await rt.evaluate((e) => getComputedStyle(e, '::before').content);
    // drawn from data-r, with an empty alternative text so screen readers do not read it twice
    expect(reading).toBe(`"${await rt.getAttribute('data-r')}" / ""`);
    // the readings are not text: copying and search see the printed words only
    const h1 = await page.locator('h1').innerText();
    expect(h1.replace(/\s/g, '')).toBe(
      records.find((r) => r.url === PAGES['measure (supplementary)'])!.title.replace(/\s/g, ''),
    );
    await page.reload();
    expect(await page.locator('#ruby-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('h1 rt').first().isVisible()).toBe(true);
    await page.locator('#ruby-toggle').press('Enter');
    expect(await page.locator('h1 rt').first().isVisible()).toBe(false);
    await page.close();
  });
});

describe('glossary terms', () => {
  it('can be reached by keyboard, are described to screen readers, and explain in place', async () => {
    const page = await open(PAGES['measure (supplementary)']!);
    const term = page.locator('a.term').first();
    expect(await term.count()).toBe(1);
    // Tab from the top of the page until the first term link has focus
    let focused = false;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await term.evaluate((e) => e === document.activeElement);
    }
    expect(focused).toBe(true);
    const describedBy = (await term.getAttribute('aria-describedby'))!;
    const description = await page.locator(`#${describedBy}`).innerText();
    expect(description.length).toBeGreaterThan(5);
    await page.keyboard.press('Enter');
    const slug = describedBy.replace('term-short-', '');
    expect(new URL(page.url()).hash).toBe(`#term-${slug}`);
    expect(await page.locator(`#term-${slug}`).isVisible()).toBe(true);
    // the definition links to the glossary page entry, which exists
    const href = await page.locator(`#term-${slug} a`).getAttribute('href');
    await page.goto(new URL(href!, page.url()).href);
    expect(await page.locator(`#${slug}`).isVisible()).toBe(true);
    await page.close();
  });
});

describe('sharing and printing', () => {
  it('copies the address the page is served at (no query or fragment), prints the same, and says so', async () => {
    const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    const served = new URL(PAGES['measure (request)']!.slice(1), server.url).href;
    await page.goto(`${served}?from=mail#L3`);
    await page.locator('#copy-link').click();
    await expect
      .poll(() => page.locator('#copy-link ~ .tool-status').innerText())
      .toBe('URLをコピーしました。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(served);
    // the 出典 box, the citation and the line printed on paper
    const printed = await page.locator('[data-permalink]').allTextContents();
    expect(printed).toEqual([served, served, served]);
    await ctx.close();
  });

  it('copies a one-line citation with the served address and the reader’s date', async () => {
    const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    const served = new URL(PAGES['measure (supplementary)']!.slice(1), server.url).href;
    await page.goto(served);
    await page.locator('#copy-citation').click();
    await expect
      .poll(() => page.locator('#copy-citation ~ .tool-status').innerText())
      .toBe('引用文をコピーしました。');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日閲覧`;
    });
    expect(copied).toBe(await page.locator('#citation').innerText());
    expect(copied).not.toContain('\n');
    expect(copied).toContain(served);
    expect(copied.endsWith(`（${today}）`)).toBe(true);
    await ctx.close();
  });

  it('prints the content with its URL and source, without navigation or buttons', async () => {
    const page = await open(PAGES['measure (request)']!);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.site-header',
      '.page-tools',
      '.prev-next',
      '.breadcrumbs',
      '.site-footer',
    ]) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    for (const shown of ['h1', '.summary-card', '.source', '.permalink', '.print-only']) {
      expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
    }
    expect(await page.locator('.print-only').innerText()).toContain('/measures/');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});

describe('comparing two budgets', () => {
  it('sorts the programs in both by a column, marks it, and keeps rows without a number last', async () => {
    const page = await open(PAGES['compare two budgets']!);
    const table = page.locator('table[data-sortable]');
    const values = () =>
      table
        .locator('tbody tr td:nth-child(4)')
        .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.value ?? ''));
    const before = await values();
    expect(before.length).toBeGreaterThan(5);
    const header = table.locator('thead th').nth(3);
    await header.getByRole('button').press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const up = await values();
    const numbers = up.filter((v) => v !== '').map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(up.slice(numbers.length).every((v) => v === '')).toBe(true);
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect((await values()).filter((v) => v !== '').map(Number)).toEqual(
      [...numbers].sort((a, b) => b - a),
    );
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('shows every chart on the home, budget, bureau and measure pages', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    for (const path of [PAGES.home!, PAGES.budget!, PAGES.bureau!, PAGES['measure (request)']!]) {
      const page = await ctx.newPage();
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
      const charts = page.locator('figure.chart');
      expect(await charts.count(), path).toBeGreaterThan(0);
      for (const svg of await page.locator('figure.chart svg[role="img"]').all()) {
        if (await svg.isVisible())
          expect((await svg.boundingBox())!.height, path).toBeGreaterThan(20);
      }
      await page.close();
    }
    await ctx.close();
  });
});
