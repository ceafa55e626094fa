/**
 * npm run bench:search — a benchmark, not a test. Needs a built dist/
 * (npm run build) and Debian's Chromium. Prints:
 *
 * - the search index size (dist/pagefind);
 * - on the local preview server (astro preview) in Chromium: bytes
 *   transferred for the first query (Pagefind loaded on demand) and for
 *   later ones, and the time from submitting a query to the first result;
 * - search quality on test/search/queries.yaml: the share of queries with
 *   all expected measures in the top 3, for this site's index and for a
 *   plain Pagefind index of the same measure pages (Pagefind's own Japanese
 *   handling, raw queries): the figure before and after the fix.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { searchQuery } from '../src/site/search/text.ts';
import { launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const PORT = 4329;
const LATER = ['認知症', 'DMAT', '介護 人材', '828億円', 'ワクチン'];

function size(dir: string): number {
  return readdirSync(dir).reduce((s, n) => {
    const p = join(dir, n);
    return s + (statSync(p).isDirectory() ? size(p) : statSync(p).size);
  }, 0);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function preview(): Promise<() => void> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/astro/astro.js'),
      'preview',
      '--port',
      String(PORT),
      '--host',
      '127.0.0.1',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('astro preview did not start')), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes(String(PORT))) {
        clearTimeout(timer);
        ok();
      }
    });
  });
  return () => child.kill();
}

async function transfer(): Promise<void> {
  const stop = await preview();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    const files: { url: string; bytes: number }[] = [];
    // Playwright reports the requests of Pagefind's web worker on the page too
    page.on('requestfinished', (request) => {
      void request.sizes().then((s) => {
        bytes += s.responseBodySize + s.responseHeadersSize;
        files.push({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize });
      });
    });
    /** What a query's bytes were: Pagefind's script, worker, WebAssembly, metadata, index chunks, filters, fragments. */
    const kinds = (list: readonly { url: string; bytes: number }[]) => {
      const by = new Map<string, { n: number; bytes: number }>();
      for (const f of list) {
        const kind =
          /\.pf_(index|fragment|filter|meta)$/u.exec(f.url)?.[1] ??
          (/wasm/u.test(f.url)
            ? 'wasm'
            : /pagefind-worker/u.test(f.url)
              ? 'worker'
              : /pagefind\.js/u.test(f.url)
                ? 'pagefind.js'
                : 'other');
        const k = by.get(kind) ?? { n: 0, bytes: 0 };
        k.n += 1;
        k.bytes += f.bytes;
        by.set(kind, k);
      }
      return [...by].map(([k, v]) => `${k} ${v.n}× ${kb(v.bytes)}`).join(', ');
    };
    await page.goto(`http://127.0.0.1:${PORT}/search/`);
    await page.waitForLoadState('networkidle');
    const pageBytes = bytes;
    const measure = async (q: string) => {
      bytes = 0;
      files.length = 0;
      const t0 = Date.now();
      await page.locator('#search-q').fill(q);
      await page.locator('#search-q').press('Enter');
      await page.waitForFunction(
        (query) =>
          document.querySelector('#search-status')?.textContent?.startsWith(`「${query}」`) &&
          document.querySelector('#search-results li') !== null,
        q,
      );
      const ms = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      await new Promise((r) => setTimeout(r, 300));
      return { ms, bytes, count: files.length, kinds: kinds(files) };
    };
    const first = await measure('ドクターヘリ');
    const later = [];
    for (const q of LATER) later.push({ q, ...(await measure(q)) });
    console.log('\nOn the preview server (Chromium, no throttling):');
    console.log(`  search page itself: ${kb(pageBytes)} transferred`);
    console.log(
      `  first query 「ドクターヘリ」: ${kb(first.bytes)} in ${first.count} requests, first results after ${first.ms} ms (loads Pagefind, its WebAssembly and index chunks)\n    ${first.kinds}`,
    );
    for (const l of later)
      console.log(
        `  later query 「${l.q}」: ${kb(l.bytes)} in ${l.count} requests, results after ${l.ms} ms\n    ${l.kinds}`,
      );
  } finally {
    await browser.close();
    stop();
  }
}

interface Query {
  q: string;
  expect: string[];
}

async function quality(
  dir: string,
  transform: (q: string) => string,
): Promise<{ hits: number; total: number }> {
  const queries = (
    parse(readFileSync(join(ROOT, 'test/search/queries.yaml'), 'utf8')) as { queries: Query[] }
  ).queries;
  const server = await serve(dir, '/');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}pagefind/pagefind-entry.json`);
    await page.evaluate(
      "import('/pagefind/pagefind.js').then(async (pf) => { await pf.init(); window.pf = pf; })",
    );
    let hits = 0;
    for (const q of queries) {
      const urls: string[] = await page.evaluate(
        `window.pf.search(${JSON.stringify(transform(q.q))}).then((r) => Promise.all(r.results.slice(0, 3).map((x) => x.data()))).then((d) => d.map((x) => x.url))`,
      );
      const ids = urls.map((u) => /\/measures\/([^/]+)\//.exec(u)?.[1]);
      if (q.expect.every((id) => ids.includes(id))) hits += 1;
    }
    return { hits, total: queries.length };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const index = join(DIST, 'pagefind');
  const parts = ['index', 'fragment', 'filter']
    .map((d) => `${d} ${kb(size(join(index, d)))}`)
    .join(', ');
  console.log(
    `Search index dist/pagefind: ${kb(size(index))} in all (${parts}; the rest is pagefind.js, the worker and WebAssembly)`,
  );
  await transfer();

  // before: a plain Pagefind index of the measure pages, Pagefind's own Japanese handling
  const tmp = mkdtempSync(join(tmpdir(), 'pagefind-plain-'));
  const { index: plain } = await pagefind.createIndex({
    rootSelector: 'main',
    excludeSelectors: ['nav', 'figure', '.page-tools', '.term-box', 'rt'],
  });
  await plain!.addDirectory({ path: DIST, glob: 'measures/*/index.html' });
  await plain!.writeFiles({ outputPath: join(tmp, 'pagefind') });
  await pagefind.close();
  const before = await quality(tmp, (q) => q);
  rmSync(tmp, { recursive: true, force: true });
  const after = await quality(DIST, searchQuery);
  const pct = (r: { hits: number; total: number }) =>
    `${r.hits}/${r.total} = ${((100 * r.hits) / r.total).toFixed(1)}%`;
  console.log('\nSearch quality, all expected measures in the top 3 (test/search/queries.yaml):');
  console.log(`  plain Pagefind over the measure pages (before): ${pct(before)}`);
  console.log(`  this site's index and query tokens (after):     ${pct(after)}`);
}

await main();
