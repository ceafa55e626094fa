/**
 * Internal link check of a built site: every link, asset, redirect target
 * and canonical URL that points into the site must resolve to a file in
 * dist/ under the deployment base, and every #fragment to an element id.
 * Pure: the caller passes the files; HTML is parsed with hast (parse5).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { withBase } from '../lib/links.ts';

export interface PageInfo {
  /** Element ids on the page (fragment targets). */
  ids: Set<string>;
  /** URLs the page refers to, with the attribute they came from. */
  refs: { attr: string; url: string }[];
  /** The page asks not to be indexed (tombstones, redirects). */
  noindex: boolean;
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  area: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
};

export function readPage(html: string): PageInfo {
  const tree: Root = fromHtml(html);
  const ids = new Set<string>();
  const refs: PageInfo['refs'] = [];
  let noindex = false;
  visit(tree, 'element', (el: Element) => {
    const p = el.properties;
    if (typeof p.id === 'string') ids.add(p.id);
    for (const attr of URL_ATTRS[el.tagName] ?? []) {
      const v = p[attr];
      if (typeof v === 'string') refs.push({ attr: `${el.tagName}[${attr}]`, url: v });
    }
    if (el.tagName === 'meta') {
      const equiv = String(p.httpEquiv ?? '').toLowerCase();
      const content = typeof p.content === 'string' ? p.content : '';
      if (equiv === 'refresh') {
        const m = /url\s*=\s*(.+)$/i.exec(content);
        if (m) refs.push({ attr: 'meta[refresh]', url: m[1]!.trim() });
      }
      if (p.name === 'robots' && /noindex/i.test(content)) noindex = true;
    }
  });
  return { ids, refs, noindex };
}

/** dist-relative file for a site path without base ('/a/' → 'a/index.html'), given the files that exist. */
export function fileForPath(path: string, exists: (file: string) => boolean): string | null {
  const p = decodeURIComponent(path).replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) return exists(`${p}index.html`) ? `${p}index.html` : null;
  if (exists(p)) return p;
  return exists(`${p}/index.html`) ? `${p}/index.html` : null;
}

export interface LinkProblem {
  page: string;
  attr: string;
  url: string;
  message: string;
}

export interface SiteCheck {
  problems: LinkProblem[];
  /** Internal references checked. */
  checked: number;
  /** Pages that may be indexed, as site paths with base. */
  indexable: string[];
}

/**
 * Check every HTML page of a built site. `pages` maps dist-relative file
 * names ('measures/x/index.html') to their HTML; `exists` tells whether any
 * dist-relative file exists. `origin` is SITE_URL: absolute URLs on it count
 * as internal.
 */
export function checkSite(
  pages: ReadonlyMap<string, string>,
  exists: (file: string) => boolean,
  base: string,
  origin: string,
): SiteCheck {
  const info = new Map([...pages].map(([file, html]) => [file, readPage(html)]));
  const problems: LinkProblem[] = [];
  const root = withBase(base, '/');
  let checked = 0;
  for (const [file, page] of info) {
    const pageUrl = new URL(withBase(base, `/${file.replace(/index\.html$/, '')}`), origin);
    for (const { attr, url } of page.refs) {
      const report = (message: string) => problems.push({ page: file, attr, url, message });
      if (/^\s*javascript:/i.test(url)) {
        report('javascript: URL');
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, pageUrl);
      } catch {
        report('not a valid URL');
        continue;
      }
      if (target.origin !== new URL(origin).origin || !/^https?:$/.test(target.protocol)) continue; // external
      checked += 1;
      if (!target.pathname.startsWith(root)) {
        report(`outside the base ${root}`);
        continue;
      }
      const targetFile = fileForPath(target.pathname.slice(root.length - 1), exists);
      if (targetFile === null) {
        report('no such file in dist/');
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment !== '' && targetFile.endsWith('.html')) {
        const targetInfo = info.get(targetFile);
        if (targetInfo && !targetInfo.ids.has(fragment))
          report(`no element with id "${fragment}" in ${targetFile}`);
      }
    }
  }
  const indexable = [...info]
    .filter(([, page]) => !page.noindex)
    .map(([file]) => withBase(base, `/${file.replace(/index\.html$/, '')}`))
    .sort();
  return { problems, checked, indexable };
}
