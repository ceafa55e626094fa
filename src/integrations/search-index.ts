/**
 * Astro integration: the Pagefind search index (dist/pagefind/) after the build, from the
 * records (src/site/search/records.ts says what each record holds), not from the HTML.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchRecords } from '../site/search/records.ts';
import { parseShard } from '../site/shard.ts';
import { generatedDir, readGenerated } from '../schemas/generated.ts';

/** Pagefind's own UI bundles: the site has its own search page. */
const PAGEFIND_UI = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\./;

export function searchIndex(): AstroIntegration {
  let root = '.';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // a document shard leaves the index to the shared build, which indexes every document
        if (parseShard(process.env.SITE_SHARD).kind === 'documents') {
          logger.info('pagefind: no index in a document shard (SITE_SHARD)');
          return;
        }
        const data = generatedDir(root);
        const started = performance.now();
        const count = await writeSearchIndex(
          join(fileURLToPath(dir), 'pagefind'),
          searchRecords({
            records: readGenerated(data, 'measures'),
            nav: readGenerated(data, 'navigation'),
            documents: readGenerated(data, 'documents'),
            ...readGenerated(data, 'curated'),
          }),
        );
        logger.info(
          `pagefind: ${count} search records indexed in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}

async function writeSearchIndex(
  outputPath: string,
  records: ReturnType<typeof searchRecords>,
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0)
        throw new Error(`pagefind: ${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  for (const name of readdirSync(outputPath))
    if (PAGEFIND_UI.test(name)) rmSync(join(outputPath, name));
  return records.length;
}
