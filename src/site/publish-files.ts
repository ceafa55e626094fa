/**
 * Files for hosts and crawlers, derived from the URL table: the public
 * urls.json contract, `_redirects`, and sitemap.xml. Pure functions.
 */
import { measureUrl } from '../lib/links.ts';
import type { PublicUrls } from '../schemas/public-urls.ts';
import type { UrlEntry } from '../schemas/url-entry.ts';
import { withBase } from '../lib/links.ts';

/**
 * The URL contract: every id ever published, its path (and absolute URL
 * when `site` is the public origin; null: none configured, so no absolute
 * URL is written) and status. live = the measure's page; moved = a
 * redirect (`redirect_to`); gone = a page saying the measure is no longer
 * in the documents (`successor` when known).
 */
export function publicUrls(
  urls: readonly UrlEntry[],
  base: string,
  site: string | null,
): PublicUrls {
  const path = (id: string) => withBase(base, measureUrl(id));
  return {
    site: site ? new URL(withBase(base, '/'), site).href : null,
    base: withBase(base, '/'),
    statuses: {
      live: 'the measure is in the current documents; the URL shows its page',
      moved: 'the id was merged or renamed; the URL redirects to redirect_to',
      gone: 'the measure is no longer in the documents; the URL shows a notice and the successor when one is known',
    },
    ids: urls.map((u) => ({
      id: u.id,
      status: u.status,
      path: path(u.id),
      ...(site ? { url: new URL(path(u.id), site).href } : {}),
      title: u.title,
      document: u.document,
      redirect_to: u.status === 'moved' && u.target ? path(u.target) : null,
      successor: u.successor ? path(u.successor) : null,
    })),
  };
}

/** Netlify/Cloudflare-style `_redirects`: one permanent redirect per moved id, paths under the base. */
export function redirectsFile(urls: readonly UrlEntry[], base: string): string {
  const lines = urls
    .filter((u) => u.status === 'moved' && u.target)
    .map((u) => `${withBase(base, measureUrl(u.id))} ${withBase(base, measureUrl(u.target!))} 301`);
  return `# Moved measure ids (generated from content/registry/). Each old URL also has a static redirect page.\n${lines.join('\n')}\n`;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** A sitemap of absolute page URLs, sorted, one <url> each. */
export function sitemapXml(urls: readonly string[]): string {
  const locs = [...new Set(urls)]
    .sort()
    .map((u) => `  <url><loc>${u.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.join('\n')}\n</urlset>\n`;
}
