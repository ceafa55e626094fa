/**
 * Astro integration: the Pagefind search index (dist/pagefind/) after the build, from the
 * records (src/site/search/records.ts says what each record holds), not from the HTML.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { getTokenizer } from '../site/reading-aids/japanese.ts';
import { readingTerms } from '../site/search/readings.ts';
import { searchRecords } from '../site/search/records.ts';
import { makeFold } from '../site/search/text.ts';
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
        const curated = readGenerated(data, 'curated');
        const tokenize = await getTokenizer();
        const count = await writeSearchIndex(
          join(fileURLToPath(dir), 'pagefind'),
          searchRecords({
            records: readGenerated(data, 'measures'),
            nav: readGenerated(data, 'navigation'),
            documents: readGenerated(data, 'documents'),
            ...curated,
            fold: makeFold(curated.search),
            readings: (text) => readingTerms(text, tokenize, curated.readings),
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
  compactFragments(join(outputPath, 'fragment'));
  return records.length;
}

/** Pagefind's mark of an uncompressed fragment, before its JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * A fragment (what a result loads when it is shown) stores the record's
 * whole content for Pagefind's excerpts: here the ASCII token text, three
 * quarters of every fragment and of no use to a reader (the search page
 * shows `meta.text`, a plain-text snippet). Store that snippet as the
 * content instead: a shown result loads a quarter of the bytes. The index
 * (which words are where) is untouched, so results and ranking are the same.
 */
export function compactFragment(gzipped: Buffer): Buffer {
  const raw = gunzipSync(gzipped).toString('utf8');
  if (!raw.startsWith(FRAGMENT_SIGNATURE))
    throw new Error('pagefind: a fragment without its signature (a new Pagefind format?)');
  const fragment = JSON.parse(raw.slice(FRAGMENT_SIGNATURE.length)) as {
    content: string;
    meta: Record<string, string>;
  };
  fragment.content = fragment.meta.text ?? '';
  return gzipSync(FRAGMENT_SIGNATURE + JSON.stringify(fragment), { level: 9 });
}

function compactFragments(dir: string): void {
  for (const name of readdirSync(dir))
    writeFileSync(join(dir, name), compactFragment(readFileSync(join(dir, name))));
}
