// Developer aid: the search test's two query sets against the checkout's dist/ (npm run build
// first), through the search page's plan, in Chromium: the rates, and every miss.
//   tsx scripts/dev/search-eval.ts [--only <category>]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';
import { memorySource } from '../../src/site/search/plan.ts';
import { launch } from '../../test/helpers/browser.ts';
import { openIndex, topMeasures } from '../../test/helpers/search-run.ts';
import { serve } from '../../test/helpers/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : undefined;
const read = (name: string) =>
  (
    parse(readFileSync(join(ROOT, 'test/search', name), 'utf8')) as {
      queries: { q: string; kind?: string; category?: string; expect: string[] }[];
    }
  ).queries;
const source = memorySource(readGenerated(join(ROOT, GENERATED_DIR), 'curated').search);
const server = await serve(join(ROOT, 'dist'), '/');
const browser = await launch();
const page = await openIndex(browser, server.url);
for (const [name, all] of [
  ['official (all expected)', read('queries.yaml')],
  ['citizen (one expected)', read('citizen-queries.yaml')],
] as const) {
  const groups = new Map<string, { hits: number; n: number }>();
  for (const q of all) {
    const group = q.category ?? 'all';
    if (only && group !== only) continue;
    const got = await topMeasures(page, source, q.q);
    const ok = q.category
      ? q.expect.some((id) => got.includes(id))
      : q.expect.every((id) => got.includes(id));
    const g = groups.get(group) ?? { hits: 0, n: 0 };
    g.n++;
    if (ok) g.hits++;
    else
      console.log(
        `  miss ${group} 「${q.q}」 → ${got.join(', ')} (expected ${q.expect.join(', ')})`,
      );
    groups.set(group, g);
  }
  console.log(`${name}: ${[...groups].map(([k, g]) => `${k} ${g.hits}/${g.n}`).join(', ')}`);
}
await browser.close();
await server.close();
