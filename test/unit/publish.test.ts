import { describe, expect, it } from 'vitest';
import type { UrlEntry } from '../../src/pipeline/ids/assign.ts';
import { checkSite, readPage } from '../../src/checks/linkcheck.ts';
import { publicUrls, redirectsFile, sitemapXml } from '../../src/site/publish-files.ts';

const entry = (id: string, status: UrlEntry['status'], over: Partial<UrlEntry> = {}): UrlEntry => ({
  id,
  path: `/measures/${id}/`,
  status,
  document: 'd',
  title: `t-${id}`,
  target: null,
  successor: null,
  amount: null,
  ...over,
});
const URLS = [
  entry('d-001', 'live'),
  entry('d-002', 'gone', { successor: 'd-001' }),
  entry('d-abc', 'moved', { target: 'd-001' }),
];

describe('publicUrls', () => {
  it('gives paths under the base and, with a public address, absolute URLs; redirect targets and successors as paths', () => {
    const out = publicUrls(URLS, '/sub/', 'https://example.org');
    expect(out.site).toBe('https://example.org/sub/');
    expect(out.ids).toEqual([
      {
        id: 'd-001',
        status: 'live',
        path: '/sub/measures/d-001/',
        url: 'https://example.org/sub/measures/d-001/',
        title: 't-d-001',
        document: 'd',
        redirect_to: null,
        successor: null,
      },
      {
        id: 'd-002',
        status: 'gone',
        path: '/sub/measures/d-002/',
        url: 'https://example.org/sub/measures/d-002/',
        title: 't-d-002',
        document: 'd',
        redirect_to: null,
        successor: '/sub/measures/d-001/',
      },
      {
        id: 'd-abc',
        status: 'moved',
        path: '/sub/measures/d-abc/',
        url: 'https://example.org/sub/measures/d-abc/',
        title: 't-d-abc',
        document: 'd',
        redirect_to: '/sub/measures/d-001/',
        successor: null,
      },
    ]);
  });
  it('writes no absolute URL when the site has no public address', () => {
    const out = publicUrls(URLS, '/', null);
    expect(out.site).toBeNull();
    expect(out.ids.map((u) => u.url)).toEqual([undefined, undefined, undefined]);
    expect(out.ids.map((u) => u.path)).toEqual([
      '/measures/d-001/',
      '/measures/d-002/',
      '/measures/d-abc/',
    ]);
    expect(JSON.stringify(out)).not.toMatch(/https?:/u);
  });
});

describe('redirectsFile', () => {
  it('has one 301 line per moved id, with the base', () => {
    expect(
      redirectsFile(URLS, '/sub/')
        .split('\n')
        .filter((l) => !l.startsWith('#') && l),
    ).toEqual(['/sub/measures/d-abc/ /sub/measures/d-001/ 301']);
    expect(redirectsFile(URLS, '/')).toContain('\n/measures/d-abc/ /measures/d-001/ 301\n');
  });
});

describe('sitemapXml', () => {
  it('sorts, de-duplicates and escapes', () => {
    expect(sitemapXml(['https://e.org/b/', 'https://e.org/a/?x=1&y=2', 'https://e.org/b/'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://e.org/a/?x=1&amp;y=2</loc></url>\n  <url><loc>https://e.org/b/</loc></url>\n</urlset>\n',
    );
  });
});

describe('link check', () => {
  it('reads links, assets, refresh targets, ids and noindex', () => {
    const page = readPage(
      '<html><head><meta http-equiv="refresh" content="0; url=/x/"><meta name="robots" content="noindex"><link rel="stylesheet" href="/a.css"></head>' +
        '<body><h1 id="top">x</h1><a href="#top">t</a><img src="/i.png" alt=""></body></html>',
    );
    expect(page.noindex).toBe(true);
    expect([...page.ids]).toEqual(['top']);
    expect(page.refs.map((r) => `${r.attr} ${r.url}`).sort()).toEqual([
      'a[href] #top',
      'img[src] /i.png',
      'link[href] /a.css',
      'meta[refresh] /x/',
    ]);
  });

  it('reports missing files, missing fragments, links outside the base and javascript: URLs, and ignores other sites', () => {
    const pages = new Map([
      [
        'index.html',
        '<a href="/sub/a/">ok</a><a href="a/#sec">ok</a><a href="/sub/a/#nope">x</a><a href="/other/">x</a><a href="javascript:alert(1)">x</a><a href="https://elsewhere.org/">ext</a><a href="https://example.org/sub/missing.css">x</a>',
      ],
      ['a/index.html', '<h2 id="sec">s</h2>'],
    ]);
    const { problems, checked } = checkSite(
      pages,
      (f) => pages.has(f),
      '/sub/',
      'https://example.org',
    );
    expect(problems.map((p) => `${p.url}: ${p.message}`)).toEqual([
      '/sub/a/#nope: no element with id "nope" in a/index.html',
      '/other/: outside the base /sub/',
      'javascript:alert(1): javascript: URL',
      'https://example.org/sub/missing.css: no such file in dist/',
    ]);
    expect(checked).toBe(5);
  });
});
