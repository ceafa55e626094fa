/**
 * Builds the whole site once and checks the output. The build runs in a
 * temporary copy of the project (node_modules linked entry by entry, so
 * Astro's and Vite's caches stay separate) with the real sources plus a
 * fixture document, under the sub-path /sub/. The working tree is not touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../scripts/extract.ts';
import { formatLineRange, formatYen, formatYenExact } from '../../src/lib/format.ts';
import { buildOutputs, extractAll, loadSources } from '../../src/lib/pipeline.ts';
import type { MeasureRecord } from '../../src/lib/types.ts';
import { fixtureDocument } from '../fixtures/records.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BASE = '/sub/';
const tmp = mkdtempSync(join(tmpdir(), 'site-'));
const dist = join(tmp, 'dist');
let records: MeasureRecord[] = [];
let generatedJson = '';

/** A copy of the project without generated files, sharing node_modules. */
function makeProject(): void {
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'public']) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(tmp, name), { recursive: true });
  }
  cpSync(join(ROOT, 'src'), join(tmp, 'src'), {
    recursive: true,
    filter: (from) => !['src/content/measures', 'src/generated'].includes(relative(ROOT, from)),
  });
  mkdirSync(join(tmp, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(tmp, 'node_modules', name));
  }
}

/**
 * The environment without what Vitest adds (BASE_URL, MODE, NODE_ENV=test,
 * …): Astro would take those over its own config.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const vitestKeys = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !vitestKeys.has(key) && !key.startsWith('VITEST')),
  );
}

beforeAll(() => {
  makeProject();
  const { results } = extractAll(loadSources(join(ROOT, 'content/sources')).sources);
  const outputs = buildOutputs([...results, fixtureDocument()]);
  writeOutputs(tmp, outputs);
  records = outputs.records;
  generatedJson = outputs.measuresJson;
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...buildEnv(), SITE_BASE: BASE, SITE_URL: 'https://example.org', ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 200_000,
  });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** dist file for a site path (without base). */
function fileFor(path: string): string {
  const file = join(dist, decodeURIComponent(path));
  return path.endsWith('/') ? join(file, 'index.html') : file;
}
const page = (path: string) => readFileSync(fileFor(path), 'utf8');

/** Markup only: attribute values emptied (text in them cannot open a tag). */
const markup = (html: string) => html.replace(/="[^"]*"/g, '=""');

function htmlFiles(dir = dist): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

describe('built site', () => {
  it('has a page for every record at its url', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(existsSync(fileFor(r.url)), r.url).toBe(true);
  });

  it('has lang="ja" on every page and no script', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(records.length);
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      expect(html, f).toMatch(/<html lang="ja"/);
      expect(markup(html), f).not.toMatch(/<script/i);
    }
  });

  it('links internally only under the base, to pages that exist', () => {
    for (const f of htmlFiles()) {
      const html = readFileSync(f, 'utf8');
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
        if (!href!.startsWith('/')) continue;
        expect(href, `${relative(dist, f)}: ${href}`).toMatch(/^\/sub\//);
        const path = href!.slice(BASE.length - 1).replace(/#.*$/, '');
        expect(existsSync(fileFor(path)), `${relative(dist, f)}: ${href}`).toBe(true);
      }
    }
  });

  it('shows amount, exact yen, printed text, prior year, parent and source lines on a measure page', () => {
    const child = records.find((r) => r.id === 'fixture-2')!;
    const html = page(child.url);
    expect(html).toContain(`<h1>${child.title}</h1>`);
    expect(html).toContain(formatYen(child.amount.yen!));
    expect(html).toContain(formatYenExact(child.amount.yen!));
    expect(html).toContain(`資料の表記: ${child.amount.text}`);
    expect(html).toContain('前年度予算額');
    expect(html).toContain(formatYen(child.amount.prior_yen!));
    expect(html).toContain(formatLineRange(child.source.lines));
    expect(html).toContain('href="/sub/measures/fixture-1/"');
    expect(html).toContain('href="/sub/budgets/fixture/"');
    for (const heading of ['金額', '目的', '概要・スキーム', '成果']) expect(html).toContain(`>${heading}</h2>`);
  });

  it('lists children on a package page and explains part_of and none', () => {
    const pkg = page('/measures/fixture-1/');
    expect(pkg).toContain('href="/sub/measures/fixture-2/"');
    expect(pkg).toContain('href="/sub/measures/fixture-3/"');
    expect(page('/measures/fixture-3/')).toContain('地域医療介護総合確保基金の内数');
    expect(page('/measures/fixture-4/')).toContain('金額の記載なし');
  });

  it('renders hostile document text as text', () => {
    const html = page('/measures/fixture-5/');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{globalThis.__pwned = true}');
    expect(html).toContain('import fs from &quot;node:fs&quot;');
    expect(html).toContain('[リンク](https://example.com/)');
    expect(markup(html)).not.toMatch(/<(foo|b|i|em)\b/i);
    expect(html).not.toContain('href="https://example.com');
    expect(html).not.toContain('href="http://www.example.com');
    const body = markup(html.split('<div class="measure-body">')[1]!.split('</div>')[0]!);
    expect(body).not.toMatch(/<(code|pre|blockquote|table|strong|del|img|hr|a)\b/);
  });

  it('has a budget page in source order and one by amount', () => {
    const ids = (html: string) => [...html.matchAll(/href="\/sub\/measures\/(fixture-\d)\/"/g)].map((m) => m[1]);
    expect(ids(page('/budgets/fixture/'))).toEqual(['fixture-1', 'fixture-2', 'fixture-3', 'fixture-4', 'fixture-5']);
    // the by-amount table also links parents; keep the first link of each row
    const byAmount = [...new Set(ids(page('/budgets/fixture/by-amount/')))];
    expect(byAmount).toEqual(['fixture-1', 'fixture-2', 'fixture-5', 'fixture-3', 'fixture-4']);
  });

  it('lists every document on the home page', () => {
    const home = page('/');
    expect(home).toContain('href="/sub/budgets/fixture/"');
    expect(home).toContain(formatYen(131_172_000_000));
  });

  it('publishes measures.json identical to src/generated/measures.json', () => {
    expect(readFileSync(join(dist, 'data/measures.json'), 'utf8')).toBe(generatedJson);
  });

  it('publishes measures.csv with a BOM and one row per record', () => {
    const csv = readFileSync(join(dist, 'data/measures.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(records.length + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(records.map((r) => r.id));
  });

  it('writes a sitemap with absolute URLs under the base', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/sub/measures/fixture-1/</loc>');
  });
});
