/**
 * Astro integration: after the build, write sitemap.xml (every page that
 * may be indexed: not redirects, not tombstones) and `_redirects` (moved
 * ids) into dist/. Both are derived from what the build produced.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { UrlEntry } from '../lib/ids.ts';
import { withBase } from '../lib/links.ts';
import { redirectsFile, sitemapXml } from '../lib/publish.ts';

/** A page that asks not to be indexed, or only redirects. */
const NOINDEX = /<meta name="robots" content="noindex"/;

export function siteFiles(): AstroIntegration {
  let base = '/';
  let site = 'http://localhost:4321';
  let root = '.';
  return {
    name: 'site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, pages }) => {
        const out = fileURLToPath(dir);
        const indexable = pages
          .map((p) => p.pathname)
          .filter((pathname) => {
            const file = join(out, pathname, 'index.html');
            return existsSync(file) && !NOINDEX.test(readFileSync(file, 'utf8'));
          })
          .map((pathname) => new URL(withBase(base, `/${pathname}`), site).href);
        writeFileSync(`${out}/sitemap.xml`, sitemapXml(indexable));
        const urls = JSON.parse(readFileSync(join(root, 'src/generated/urls.json'), 'utf8')) as UrlEntry[];
        writeFileSync(`${out}/_redirects`, redirectsFile(urls, base));
      },
    },
  };
}
