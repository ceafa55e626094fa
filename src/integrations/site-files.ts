/**
 * Astro integration: after the build, write sitemap.xml (every page that
 * may be indexed: not redirects, not tombstones; only when the site has a
 * public address), `_redirects` (moved ids)
 * and the Pagefind search index (dist/pagefind/, from src/lib/search-index.ts)
 * into dist/. All are derived from what the build produced.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { UrlEntry } from '../lib/ids.ts';
import { withBase } from '../lib/links.ts';
import { redirectsFile, sitemapXml } from '../lib/publish.ts';
import { searchRecords } from '../lib/search-index.ts';
import { generatedDir, readGenerated } from '../schemas/generated.ts';
import * as pagefind from 'pagefind';

/** A page that asks not to be indexed, or only redirects. */
const NOINDEX = /<meta name="robots" content="noindex"/;

export function siteFiles(): AstroIntegration {
  let base = '/';
  let site: string | null = null;
  let root = '.';
  return {
    name: 'site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? null;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, pages }) => {
        const out = fileURLToPath(dir);
        // a sitemap lists absolute URLs: only with a public address (none is invented)
        if (site !== null) {
          const origin = site;
          const indexable = pages
            .map((p) => p.pathname)
            .filter((pathname) => {
              const file = join(out, pathname, 'index.html');
              return existsSync(file) && !NOINDEX.test(readFileSync(file, 'utf8'));
            })
            .map((pathname) => new URL(withBase(base, `/${pathname}`), origin).href);
          writeFileSync(`${out}/sitemap.xml`, sitemapXml(indexable));
        }
        const data = generatedDir(root);
        const urls = readGenerated(data, 'urls');
        writeFileSync(`${out}/_redirects`, redirectsFile(urls, base));
        const started = performance.now();
        const searchRecordsCount = await writeSearchIndex(
          join(out, 'pagefind'),
          searchRecords({
            records: readGenerated(data, 'measures'),
            nav: readGenerated(data, 'navigation'),
            documents: readGenerated(data, 'documents'),
            ...readGenerated(data, 'curated'),
          }),
        );
        console.log(`pagefind: ${searchRecordsCount} search records indexed in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/** Pagefind's own UI bundles: the site has its own search page. */
const PAGEFIND_UI = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\./;

async function writeSearchIndex(outputPath: string, records: ReturnType<typeof searchRecords>): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`pagefind: ${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  for (const name of readdirSync(outputPath)) if (PAGEFIND_UI.test(name)) rmSync(join(outputPath, name));
  return records.length;
}
