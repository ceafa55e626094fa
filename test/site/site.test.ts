/**
 * Checks of the built site (built once by global-setup.ts, at the root and
 * under /sub/): pages, links, sitemap, URL contract, navigation.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, inject, it } from 'vitest';
import { checkDist } from '../../scripts/check-links.ts';
import { describePackageSum, formatYen, formatYenExact } from '../../src/lib/format.ts';
import { whereInSource } from '../../src/site/cite.ts';
import { BASE, SITE } from './global-setup.ts';
import { GENERATED, GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';

const { tmp, dist, distRoot, successorId } = inject('site');
const generated = join(tmp, GENERATED_DIR);
const records = readGenerated(generated, 'measures');
const urls = readGenerated(generated, 'urls');
const nav = readGenerated(generated, 'navigation');
const generatedJson = readFileSync(join(generated, GENERATED.measures.file), 'utf8');

/** dist file for a site path (without base). */
function fileFor(path: string, dir = dist): string {
  const file = join(dir, decodeURIComponent(path));
  return path.endsWith('/') ? join(file, 'index.html') : file;
}
const page = (path: string) => readFileSync(fileFor(path), 'utf8');

/** Text of some HTML (parsed, so every character reference is decoded; no script or style text). */
function textOf(html: string): string {
  const walk = (n: HastNode): string =>
    n.type === 'text'
      ? n.value
      : 'children' in n &&
          !(n.type === 'element' && ['script', 'style', 'title'].includes(n.tagName))
        ? n.children.map(walk).join('')
        : '';
  return walk(fromHtml(html, { fragment: !/^<!doctype/i.test(html) }));
}
type HastNode = ReturnType<typeof fromHtml> | ReturnType<typeof fromHtml>['children'][number];

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

  it('has lang="ja" on every page, no inline script and no event handler attribute', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(records.length);
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      expect(html, f).toMatch(/<html lang="ja"/);
      // only the site's own bundled modules, as files under the base
      for (const tag of markup(html).match(/<script[^>]*>/gi) ?? [])
        expect(tag, f).toBe('<script type="" src="">');
      for (const [, src] of html.matchAll(/<script[^>]*src="([^"]*)"/g))
        expect(src, f).toMatch(/^\/sub\/_astro\/[\w.-]+\.js$/);
      expect(markup(html), f).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('has no broken internal link, asset, fragment or redirect, at the root and under a sub-path', () => {
    for (const [dir, base, site] of [
      [distRoot, '/', null],
      [dist, BASE, SITE],
    ] as const) {
      const check = checkDist(dir, base, site);
      expect(check.problems, `${base}`).toEqual([]);
      expect(check.pages).toBeGreaterThan(records.length);
      expect(check.checked).toBeGreaterThan(check.pages * 5);
      console.log(
        `link check under ${base}: ${check.pages} pages, ${check.checked} internal references, ${check.sitemapUrls} sitemap URLs, ${check.problems.length} problems`,
      );
    }
  });

  it('finds a broken link when there is one', () => {
    const broken = join(distRoot, 'broken-test');
    mkdirSync(broken);
    const html =
      '<!doctype html><html lang="ja"><head><title>x</title></head><body><a href="/measures/no-such-id/">x</a><a href="/#nowhere">y</a></body></html>';
    writeFileSync(join(broken, 'index.html'), html);
    writeFileSync(join(distRoot, 'sitemap.xml'), '<urlset></urlset>');
    const check = checkDist(distRoot, '/', null);
    rmSync(broken, { recursive: true });
    rmSync(join(distRoot, 'sitemap.xml'));
    expect(check.problems).toEqual(
      expect.arrayContaining([
        'broken-test/index.html: /measures/no-such-id/ (a[href]): no such file in dist/',
        'broken-test/index.html: /#nowhere (a[href]): no element with id "nowhere" in index.html',
        'sitemap.xml: written although the site has no public address',
      ]),
    );
  });

  it('links only under the base when built under a sub-path', () => {
    for (const f of htmlFiles()) {
      const html = readFileSync(f, 'utf8');
      for (const [, href] of html.matchAll(/(?:href|src)="(\/[^"]*)"/g))
        expect(href, relative(dist, f)).toMatch(/^\/sub\//);
    }
  });

  it('shows amount, exact yen, printed text, prior year, parent and source lines on a measure page', () => {
    const child = records.find((r) => r.id === 'fixture-2')!;
    const html = page(child.url);
    const text = textOf(html);
    expect(textOf(/<h1[^>]*>.*?<\/h1>/s.exec(html)![0])).toBe(child.title);
    expect(text).toContain(formatYen(child.amount.yen!));
    expect(text).toContain(formatYenExact(child.amount.yen!));
    expect(text).toContain(`資料の表記「${child.amount.text}」`);
    expect(text).toContain(`前年度当初予算額 ${formatYen(child.amount.prior_yen!)}`);
    expect(html).toContain(
      `href="/sub/sources/fixture/?lines=${child.amount_line}-${child.amount_line}#L${child.amount_line}"`,
    );
    expect(text).toContain(whereInSource(child.source));
    expect(html).toContain('href="/sub/measures/fixture-1/"');
    expect(html).toContain('href="/sub/budgets/fixture/"');
    const headings = [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/gs)].map((m) => textOf(m[1]!));
    for (const heading of ['目的', '概要・スキーム', '成果']) expect(headings).toContain(heading);
  });

  it('lists children on a package page and explains part_of and none', () => {
    const pkg = page('/measures/fixture-1/');
    expect(pkg).toContain('href="/sub/measures/fixture-2/"');
    expect(pkg).toContain('href="/sub/measures/fixture-3/"');
    expect(textOf(page('/measures/fixture-3/'))).toContain(
      '「地域医療介護総合確保基金」の一部から支出されます。',
    );
    expect(textOf(page('/measures/fixture-4/'))).toContain('金額の記載なし');
  });

  it('renders hostile document text as text', () => {
    const html = page('/measures/fixture-5/');
    const text = textOf(html);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('{globalThis.__pwned = true}');
    expect(text).toContain('import fs from "node:fs"');
    expect(text).toContain('[リンク](https://example.com/)');
    expect(markup(html)).not.toMatch(/<(foo|b|i|em)\b/i);
    expect(html).not.toContain('href="https://example.com');
    expect(html).not.toContain('href="http://www.example.com');
    const body = markup(html.split('<div class="measure-body"')[1]!.split('</div>')[0]!);
    // only glossary links (<a class="term">) and furigana are added to the section text
    expect(body.replace(/<a class="" href="" id="" aria-describedby="">/g, '')).not.toMatch(
      /<(code|pre|blockquote|table|strong|del|img|hr|a)\b/,
    );
  });

  it('has a budget page in source order and one by amount', () => {
    // links of the measure table only (the charts above it link measures too)
    const ids = (html: string) =>
      [
        ...html
          .split('id="measures-table-caption"')[1]!
          .matchAll(/href="\/sub\/measures\/(fixture-\d)\/"/g),
      ].map((m) => m[1]);
    expect(ids(page('/budgets/fixture/'))).toEqual([
      'fixture-1',
      'fixture-2',
      'fixture-3',
      'fixture-4',
      'fixture-5',
    ]);
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

  it('writes sitemap.xml with absolute URLs of every indexable page, and no redirects or tombstones', () => {
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}/sub/measures/fixture-1/</loc>`);
    expect(sitemap).toContain(`<loc>${SITE}/sub/bureaus/</loc>`);
    expect(sitemap).not.toContain('/measures/retired-001/');
    const moved = urls.find((u) => u.status === 'moved')!;
    expect(sitemap).not.toContain(`/measures/${moved.id}/`);
  });
});

describe('public address', () => {
  const allFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? allFiles(p) : [p];
    });
  const textFiles = (dir: string) =>
    allFiles(dir).filter((f) =>
      /\.(?:html|json|xml|txt|csv|js|css)$|_redirects$|_headers$/u.test(f),
    );

  it('writes no invented host when none is configured: no localhost, no canonical, no og:url, no sitemap', () => {
    const hits = textFiles(distRoot).filter((f) =>
      /localhost|127\.0\.0\.1/u.test(readFileSync(f, 'utf8')),
    );
    expect(hits).toEqual([]);
    expect(existsSync(join(distRoot, 'sitemap.xml'))).toBe(false);
    const measure = readFileSync(join(distRoot, 'measures', records[0]!.id, 'index.html'), 'utf8');
    expect(measure).not.toContain('rel="canonical"');
    expect(measure).not.toContain('og:url');
    expect(readFileSync(join(distRoot, 'robots.txt'), 'utf8')).not.toContain('Sitemap:');
    const published = JSON.parse(readFileSync(join(distRoot, 'data/urls.json'), 'utf8')) as {
      site: string | null;
      ids: { url?: string; path: string }[];
    };
    expect(published.site).toBeNull();
    expect(published.ids.every((u) => u.url === undefined && u.path.startsWith('/measures/'))).toBe(
      true,
    );
  });

  it('puts the configured address in canonical, og:url, the sitemap, robots.txt and urls.json', () => {
    const r = records[0]!;
    const measure = readFileSync(join(dist, 'measures', r.id, 'index.html'), 'utf8');
    expect(measure).toContain(`<link rel="canonical" href="${SITE}/sub/measures/${r.id}/">`);
    expect(measure).toContain(`<meta property="og:url" content="${SITE}/sub/measures/${r.id}/">`);
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).toContain(
      `<loc>${SITE}/sub/measures/${r.id}/</loc>`,
    );
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${SITE}/sub/sitemap.xml`,
    );
    const published = JSON.parse(readFileSync(join(dist, 'data/urls.json'), 'utf8')) as {
      site: string;
      ids: { id: string; url: string }[];
    };
    expect(published.site).toBe(`${SITE}/sub/`);
    expect(published.ids.find((u) => u.id === r.id)?.url).toBe(`${SITE}/sub/measures/${r.id}/`);
    expect(textFiles(dist).filter((f) => /localhost/u.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('links the favicon on every page, redirect pages included', () => {
    const pages = allFiles(dist).filter((f) => f.endsWith('.html'));
    expect(pages.filter((f) => !readFileSync(f, 'utf8').includes('rel="icon"'))).toEqual([]);
  });
});

describe('stable URLs', () => {
  it('publishes urls.json with every registered id, its path, absolute URL and status', () => {
    const published = JSON.parse(readFileSync(join(dist, 'data/urls.json'), 'utf8')) as {
      ids: {
        id: string;
        status: string;
        url: string;
        redirect_to: string | null;
        successor: string | null;
      }[];
    };
    expect(published.ids.map((u) => u.id)).toEqual(urls.map((u) => u.id));
    for (const u of published.ids) expect(u.url).toBe(`${SITE}/sub/measures/${u.id}/`);
    expect(published.ids.find((u) => u.id === 'retired-001')).toMatchObject({
      status: 'gone',
      successor: `/sub/measures/${successorId}/`,
    });
    expect(published.ids.find((u) => u.id === 'retired-002')).toMatchObject({
      status: 'moved',
      redirect_to: `/sub/measures/retired-001/`,
    });
    const counts = new Map<string, number>();
    for (const u of published.ids) counts.set(u.status, (counts.get(u.status) ?? 0) + 1);
    console.log(`urls.json: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });

  it('gives every id a page: the measure, a tombstone or a redirect', () => {
    for (const u of urls) expect(existsSync(fileFor(u.path)), u.id).toBe(true);
    const tomb = page('/measures/retired-001/');
    expect(tomb).toContain('現在このサイトが扱う予算資料には掲載されていません');
    expect(tomb).toContain('<meta name="robots" content="noindex">');
    expect(tomb).toContain(`href="/sub/measures/${successorId}/"`);
    const alias = urls.find((u) => u.status === 'moved' && u.document !== 'retired')!;
    const redirect = page(alias.path);
    expect(redirect).toContain(
      `<meta http-equiv="refresh" content="0; url=/sub/measures/${alias.target}/">`,
    );
    expect(redirect).toContain(
      `<link rel="canonical" href="${SITE}/sub/measures/${alias.target}/">`,
    );
  });

  it('writes _redirects with a permanent redirect per moved id, under the base', () => {
    const lines = readFileSync(join(dist, '_redirects'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    const moved = urls.filter((u) => u.status === 'moved');
    expect(lines).toHaveLength(moved.length);
    expect(lines).toContain('/sub/measures/retired-002/ /sub/measures/retired-001/ 301');
    expect(readFileSync(join(distRoot, '_redirects'), 'utf8')).toContain(
      '\n/measures/retired-002/ /measures/retired-001/ 301',
    );
  });
});

describe('navigation', () => {
  it('shows breadcrumbs home → budget → package → measure, and previous/next within the budget', () => {
    const html = page('/measures/fixture-2/');
    const crumbs = /<nav class="breadcrumbs"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1]!;
    expect([...crumbs.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '/sub/',
      '/sub/budgets/fixture/',
      '/sub/measures/fixture-1/',
    ]);
    // PrevNext's scoped style adds a data-astro-cid-* attribute after rel
    expect(html).toMatch(/<a href="\/sub\/measures\/fixture-1\/" rel="prev"[\s>]/);
    expect(html).toMatch(/<a href="\/sub\/measures\/fixture-3\/" rel="next"[\s>]/);
  });

  it('links the same program in other budgets both ways, with the amounts side by side', () => {
    const pairs = Object.entries(nav.measures).filter(([, m]) => m.related.length > 0);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [id, m] of pairs) {
      const html = page(`/measures/${id}/`);
      for (const other of m.related) {
        const r = records.find((x) => x.id === other)!;
        expect(html, `${id} → ${other}`).toContain(`href="/sub/measures/${other}/"`);
        expect(html).toContain(r.budget.label);
      }
    }
  });

  it('has a page per bureau, division and tag listing their measures, with totals that say what they include', () => {
    expect(nav.bureaus.length).toBeGreaterThan(5);
    for (const b of nav.bureaus) {
      const html = page(`/bureaus/${b.slug}/`);
      for (const id of b.measures) expect(html, b.slug).toContain(`href="/sub/measures/${id}/"`);
      for (const d of b.divisions) {
        const dh = page(`/bureaus/${b.slug}/${d.slug}/`);
        for (const id of d.measures) expect(dh).toContain(`href="/sub/measures/${id}/"`);
      }
      expect(html).toContain('の合計。');
      // one section per budget with its count; a long list folds after its first 20 rows
      const perBudget = new Map<string, number>();
      for (const id of b.measures) {
        const label = records.find((r) => r.id === id)!.budget.label;
        perBudget.set(label, (perBudget.get(label) ?? 0) + 1);
      }
      for (const [label, n] of perBudget) {
        expect(textOf(html), b.slug).toContain(`${label}（${n}件）`);
        if (n > 20) expect(textOf(html), b.slug).toContain(`残りの${n - 20}件を表示`);
      }
    }
    expect(nav.bureaus.some((b) => b.measures.length > 20)).toBe(true);
    const bureaus = page('/bureaus/');
    for (const id of nav.no_bureau) expect(bureaus).toContain(`href="/sub/measures/${id}/"`);
    expect(nav.unknown_units.map((u) => u.text)).toContain('<b>局</b>');
    expect(textOf(bureaus)).toContain('<b>局</b>');
    expect(markup(bureaus)).not.toMatch(/<b>/);
    for (const t of nav.tags) {
      const html = page(`/tags/${t.slug}/`);
      for (const id of t.measures) expect(html).toContain(`href="/sub/measures/${id}/"`);
    }
    expect(markup(page(`/tags/${nav.tags.find((t) => t.name === '<tag>')!.slug}/`))).not.toMatch(
      /<tag>/,
    );
  });

  it('lists packages with their sub-measures and whether they add up', () => {
    const html = page('/budgets/fixture/packages/');
    expect(html).toContain('href="/sub/measures/fixture-2/"');
    expect(html).toContain('href="/sub/measures/fixture-3/"');
    expect(html).toContain(describePackageSum(nav.packages.find((p) => p.id === 'fixture-1')!));
    const equal = nav.packages.find((p) => p.difference === 0)!;
    expect(page(`/budgets/${equal.document}/packages/`)).toContain(describePackageSum(equal));
    expect(page(`/measures/${equal.id}/`)).toContain(describePackageSum(equal));
    expect(describePackageSum(equal)).toMatch(/一致します/);
  });
});

describe('hostile source document', () => {
  it('builds its pages with every attack as text, and reports its problems with file and line', () => {
    const summary = readFileSync(join(tmp, 'summary.txt'), 'utf8');
    expect(summary).toMatch(
      /hostile\.txt:\d+: control or bidirectional characters removed \(U\+0007, U\+0085, U\+202E, U\+2066, U\+2069\)/,
    );
    const pages = records.filter((r) => r.source.document === 'hostile');
    expect(pages.length).toBeGreaterThan(3);
    for (const r of pages) {
      const html = page(r.url);
      expect(markup(html)).not.toMatch(/<(img|iframe|svg onload|style>body)/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(textOf(html)).toContain(r.title.slice(0, 20));
    }
  });
});
