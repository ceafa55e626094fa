/**
 * npm run check-links: check the internal links of a built site.
 *
 *   [SITE_BASE=/sub/ SITE_URL=https://example.org] tsx scripts/check-links.ts [dist]
 *
 * Reads the site configuration as the build does (content/site.yaml,
 * SITE_URL, SITE_BASE): use the same settings as the build. Checks every link,
 * asset, redirect and canonical URL of every page, that sitemap.xml lists
 * exactly the indexable pages, and that every `_redirects` target exists.
 * Prints each problem as `page: url (attribute): what is wrong`; exits 1 if any.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkSite, fileForPath } from '../src/checks/linkcheck.ts';
import { siteConfigOrThrow } from '../src/lib/site-config.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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

/** Check a dist/ folder built with `base` and `site` (the public origin; null: none configured, so no sitemap). */
export function checkDist(dist: string, base: string, site: string | null): DistCheck {
  const files = new Set(walk(dist).map((f) => relative(dist, f).split('\\').join('/')));
  const pages = new Map(
    [...files]
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, readFileSync(join(dist, f), 'utf8')]),
  );
  const exists = (f: string) => files.has(f);
  // without a public address, relative links resolve against a host no page names
  const result = checkSite(pages, exists, base, site ?? 'http://site.invalid');
  const problems = result.problems.map((p) => `${p.page}: ${p.url} (${p.attr}): ${p.message}`);

  const sitemapFile = join(dist, 'sitemap.xml');
  const listed = existsSync(sitemapFile)
    ? [...readFileSync(sitemapFile, 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) =>
        m[1]!.replace(/&amp;/g, '&'),
      )
    : [];
  if (site === null) {
    if (existsSync(sitemapFile))
      problems.push('sitemap.xml: written although the site has no public address');
  } else {
    const origin = new URL(site).origin;
    if (!existsSync(sitemapFile)) problems.push('sitemap.xml: missing');
    const expected = new Set(result.indexable.map((p) => `${origin}${p}`));
    for (const url of listed)
      if (!expected.has(url))
        problems.push(`sitemap.xml: ${url}: not an indexable page of this build`);
    const listedSet = new Set(listed);
    for (const url of expected)
      if (!listedSet.has(url)) problems.push(`sitemap.xml: ${url}: page missing from the sitemap`);
  }

  const redirects = join(dist, '_redirects');
  if (existsSync(redirects)) {
    const root = base.endsWith('/') ? base : `${base}/`;
    for (const [i, line] of readFileSync(redirects, 'utf8').split('\n').entries()) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const [from, to] = line.split(/\s+/);
      for (const path of [from!, to!]) {
        if (!path.startsWith(root))
          problems.push(`_redirects:${i + 1}: ${path}: outside the base ${root}`);
        else if (fileForPath(path.slice(root.length - 1), exists) === null)
          problems.push(`_redirects:${i + 1}: ${path}: no such page`);
      }
    }
  }
  return { problems, pages: pages.size, checked: result.checked, sitemapUrls: listed.length };
}

function main(): number {
  const dist = resolve(process.argv[2] ?? 'dist');
  const { origin: site, base } = siteConfigOrThrow(PROJECT_ROOT);
  const { problems, pages, checked, sitemapUrls } = checkDist(dist, base, site);
  for (const p of problems) console.error(p);
  console.log(
    `${pages} pages, ${checked} internal references, ${sitemapUrls} sitemap URLs checked under ${base}${site ? ` for ${site}` : ' (no public address)'}: ${problems.length} problems`,
  );
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
