/**
 * npm run check-links: check the internal links of a built site.
 *
 *   SITE_BASE=/sub/ SITE_URL=https://example.org tsx scripts/check-links.ts [dist]
 *
 * Use the same SITE_BASE and SITE_URL as the build. Checks every link,
 * asset, redirect and canonical URL of every page, that sitemap.xml lists
 * exactly the indexable pages, and that every `_redirects` target exists.
 * Prints each problem as `page: url (attribute): what is wrong`; exits 1 if any.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSite, fileForPath } from '../src/lib/linkcheck.ts';

export interface DistCheck {
  problems: string[];
  pages: number;
  checked: number;
  sitemapUrls: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Check a dist/ folder built with `base` and `site` (origin). */
export function checkDist(dist: string, base: string, site: string): DistCheck {
  const files = new Set(walk(dist).map((f) => relative(dist, f).split('\\').join('/')));
  const pages = new Map([...files].filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(dist, f), 'utf8')]));
  const exists = (f: string) => files.has(f);
  const result = checkSite(pages, exists, base, site);
  const problems = result.problems.map((p) => `${p.page}: ${p.url} (${p.attr}): ${p.message}`);

  const origin = new URL(site).origin;
  const sitemapFile = join(dist, 'sitemap.xml');
  const listed = existsSync(sitemapFile) ? [...readFileSync(sitemapFile, 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')) : [];
  if (!existsSync(sitemapFile)) problems.push('sitemap.xml: missing');
  const expected = new Set(result.indexable.map((p) => `${origin}${p}`));
  for (const url of listed) if (!expected.has(url)) problems.push(`sitemap.xml: ${url}: not an indexable page of this build`);
  const listedSet = new Set(listed);
  for (const url of expected) if (!listedSet.has(url)) problems.push(`sitemap.xml: ${url}: page missing from the sitemap`);

  const redirects = join(dist, '_redirects');
  if (existsSync(redirects)) {
    const root = base.endsWith('/') ? base : `${base}/`;
    for (const [i, line] of readFileSync(redirects, 'utf8').split('\n').entries()) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const [from, to] = line.split(/\s+/);
      for (const path of [from!, to!]) {
        if (!path.startsWith(root)) problems.push(`_redirects:${i + 1}: ${path}: outside the base ${root}`);
        else if (fileForPath(path.slice(root.length - 1), exists) === null) problems.push(`_redirects:${i + 1}: ${path}: no such page`);
      }
    }
  }
  return { problems, pages: pages.size, checked: result.checked, sitemapUrls: listed.length };
}

function main(): number {
  const dist = resolve(process.argv[2] ?? 'dist');
  const base = process.env.SITE_BASE || '/';
  const site = process.env.SITE_URL || 'http://localhost:4321';
  const { problems, pages, checked, sitemapUrls } = checkDist(dist, base, site);
  for (const p of problems) console.error(p);
  console.log(`${pages} pages, ${checked} internal references, ${sitemapUrls} sitemap URLs checked under ${base}: ${problems.length} problems`);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
