/**
 * Astro integration: sitemap.xml after the build, listing every page that may be indexed (not
 * redirects, not tombstones), and only when the site has a public address: a sitemap holds
 * absolute URLs, and none is invented.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/links.ts';
import { sitemapXml } from '../site/publish-files.ts';

/** A page that asks not to be indexed, or only redirects. */
const NOINDEX = /<meta name="robots" content="noindex"/;

export function sitemap(): AstroIntegration {
  let base = '/';
  let site: string | null = null;
  return {
    name: 'sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? null;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (site === null) return;
        const out = fileURLToPath(dir);
        const origin = site;
        const indexable = pages
          .map((p) => p.pathname)
          .filter((pathname) => {
            const file = join(out, pathname, 'index.html');
            return existsSync(file) && !NOINDEX.test(readFileSync(file, 'utf8'));
          })
          .map((pathname) => new URL(withBase(base, `/${pathname}`), origin).href);
        writeFileSync(join(out, 'sitemap.xml'), sitemapXml(indexable));
        logger.info(`sitemap.xml: ${indexable.length} pages`);
      },
    },
  };
}
