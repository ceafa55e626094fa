/**
 * Searching a built site's index as its search page does, from a test or a
 * developer script: Pagefind loaded in a Chromium page of the site, each
 * index query of the page's plan (src/site/search/plan.ts) run there, the
 * same merge.
 */
import type { Browser, Page } from 'playwright-core';
import { searchWith, type TermsSource } from '../../src/site/search/plan.ts';

/** A page of the site served at `siteUrl`, with Pagefind loaded. */
export async function openIndex(browser: Browser, siteUrl: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}search/`);
  // a string, so that Vitest does not rewrite the browser's import()
  await page.evaluate(
    "import('../pagefind/pagefind.js').then(async (pf) => { await pf.init(); window.pf = pf; })",
  );
  return page;
}

type Found = Map<string, { data: () => Promise<{ url: string }> }>;

/** Measure ids of the top `n` results of `q` (glossary and document results left out). */
export async function topMeasures(
  page: Page,
  source: TermsSource,
  q: string,
  n = 3,
): Promise<string[]> {
  const outcome = await searchWith(q, source, (query) =>
    page.evaluate(async (query) => {
      const w = window as unknown as {
        pf: { search: (q: string) => Promise<{ results: { id: string; score: number }[] }> };
        found?: Found;
      };
      w.found ??= new Map();
      const r = await w.pf.search(query);
      for (const x of r.results) w.found.set(x.id, x as never);
      return r.results.map((x) => ({ id: x.id, score: x.score }));
    }, query),
  );
  const urls = await page.evaluate(
    (ids) =>
      Promise.all(
        ids.map((id) =>
          (window as unknown as { found: Found }).found
            .get(id)!
            .data()
            .then((d) => d.url),
        ),
      ),
    outcome.results.slice(0, n + 12).map((r) => r.id),
  );
  return urls
    .map((u) => /\/measures\/([^/]+)\//.exec(u)?.[1])
    .filter((id): id is string => id !== undefined)
    .slice(0, n);
}
