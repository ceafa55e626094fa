/**
 * npm run shards — the proof of the sharded build (docs/scaling.md); a
 * demonstration with its own checks, not a test (four Astro builds).
 *
 * 1. A scratch copy of the project; `scripts/build.ts --data-only` writes
 *    src/generated/ for every document (extraction is cheap: it runs whole
 *    on every shard's machine, so every shard sees every document's data).
 * 2. Two document shards, each `astro build` in its own copy of the project
 *    (as on separate CI runners): SITE_SHARD=documents:<ids>, the measure
 *    and source pages of its documents. Then the shared pages
 *    (SITE_SHARD=shared) with the one search index of every document.
 * 3. Merge: the shared build's dist/, plus measures/, sources/ and _astro/
 *    of each shard.
 * 4. Checks: the link check of the merged dist/ (every link, asset,
 *    redirect); the merged dist/ against a one-process build of the same
 *    data, file by file; in Chromium, the search page finds a measure of
 *    each shard by its title.
 *
 *   npm run shards [-- --shard-a <id>,<id>]
 *
 * Without --shard-a the documents are split in two shards of about as many
 * measures each (largest document first, each to the smaller shard).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GENERATED_DIR, readGenerated } from '../src/schemas/generated.ts';
import { launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/static-server.ts';
import { checkDist } from './check-links.ts';
import { scratchProject } from './lib/scratch.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const GIVEN_A = args.includes('--shard-a') ? args[args.indexOf('--shard-a') + 1]!.split(',') : null;

/** Two shards of about as many measures each: largest document first, each to the smaller shard. */
function balancedShards(counts: ReadonlyMap<string, number>): [string[], string[]] {
  const shards: [string[], string[]] = [[], []];
  const sizes: [number, number] = [0, 0];
  for (const [doc, n] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const i = sizes[0] <= sizes[1] ? 0 : 1;
    shards[i].push(doc);
    sizes[i] += n;
  }
  return shards;
}

function run(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return performance.now() - started;
}

/** `astro build` of the project `dir` (its src/generated/) for one shard; milliseconds. */
function astroBuild(dir: string, shard: string | null): number {
  return run(
    dir,
    [join(ROOT, 'node_modules/astro/astro.js'), 'build'],
    shard ? { SITE_SHARD: shard } : {},
  );
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const hashes = (dir: string) =>
  new Map(
    files(dir).map((f) => [
      relative(dir, f),
      createHash('sha256').update(readFileSync(f)).digest('hex'),
    ]),
  );

async function main(): Promise<void> {
  const data = scratchProject(ROOT, 'shards-data-');
  const extractMs = run(data, [
    join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
    'scripts/build.ts',
    '--data-only',
  ]);
  const generated = join(data, GENERATED_DIR);
  const summaries = readGenerated(generated, 'documents');
  const documents = summaries.map((d) => d.meta.id);
  const [shardA, shardB] = GIVEN_A
    ? [GIVEN_A, documents.filter((d) => !GIVEN_A.includes(d))]
    : balancedShards(new Map(summaries.map((d) => [d.meta.id, d.counts.measures])));
  const copy = (prefix: string) => {
    const dir = scratchProject(ROOT, prefix);
    cpSync(generated, join(dir, GENERATED_DIR), { recursive: true });
    return dir;
  };
  const builds = [
    { name: `shard A (${shardA.join(', ')})`, shard: `documents:${shardA.join(',')}` },
    { name: `shard B (${shardB.join(', ')})`, shard: `documents:${shardB.join(',')}` },
    { name: 'shared pages and the search index', shard: 'shared' },
    { name: 'the whole site in one process (for comparison)', shard: null },
  ].map((b) => {
    const dir = copy('shards-');
    const ms = astroBuild(dir, b.shard);
    const pages = files(join(dir, 'dist')).filter((f) => f.endsWith('.html')).length;
    console.log(`${b.name}: ${(ms / 1000).toFixed(1)} s, ${pages} HTML files`);
    return { ...b, dir };
  });
  console.log(
    `(extraction of all ${documents.length} documents: ${(extractMs / 1000).toFixed(1)} s)`,
  );

  // merge: the shared build, then each shard's own folders
  const [a, b, shared, whole] = [builds[0]!, builds[1]!, builds[2]!, builds[3]!];
  const merged = join(data, 'dist-merged');
  cpSync(join(shared.dir, 'dist'), merged, { recursive: true });
  for (const s of [a, b])
    for (const folder of ['measures', 'sources', '_astro'])
      if (existsSync(join(s.dir, 'dist', folder)))
        cpSync(join(s.dir, 'dist', folder), join(merged, folder), { recursive: true });

  const check = checkDist(merged, '/', null);
  console.log(
    `\nlink check of the merged dist/: ${check.pages} pages, ${check.checked} internal references: ${check.problems.length} problems`,
  );
  for (const p of check.problems.slice(0, 20)) console.log(`  ${p}`);

  const [m, w] = [hashes(merged), hashes(join(whole.dir, 'dist'))];
  const onlyMerged = [...m.keys()].filter((f) => !w.has(f));
  const onlyWhole = [...w.keys()].filter((f) => !m.has(f));
  const differ = [...m].filter(([f, h]) => w.has(f) && w.get(f) !== h).map(([f]) => f);
  console.log(
    `merged against the one-process build: ${m.size} files; ${differ.length} differ, ${onlyMerged.length} only merged, ${onlyWhole.length} only one-process`,
  );
  for (const f of [...differ, ...onlyMerged, ...onlyWhole].slice(0, 20)) console.log(`  ${f}`);

  // search: one measure of each shard, found by its title on the search page
  const records = readGenerated(generated, 'measures');
  const server = await serve(merged, '/');
  const browser = await launch();
  let found = 0;
  try {
    for (const ids of [shardA, shardB]) {
      const r = records.find((x) => ids.includes(x.source.document) && x.amount.kind === 'own')!;
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(r.name)}`);
      const first = page.locator('#search-results a').first();
      await first.waitFor({ timeout: 15_000 });
      const href = await first.getAttribute('href');
      const ok = href === r.url;
      found += ok ? 1 : 0;
      console.log(
        `search 「${r.name}」 (${r.source.document}): first result ${href} ${ok ? 'is' : 'is not'} ${r.url}`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const dir of [data, ...builds.map((x) => x.dir)])
    rmSync(dir, { recursive: true, force: true });
  if (check.problems.length > 0 || found < 2) process.exitCode = 1;
}

await main();
