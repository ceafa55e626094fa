/**
 * npm run bench — a benchmark, not a test (takes several minutes).
 *
 * Builds the real sources (1×) and synthetic corpora of 4× and 16× the
 * measures, each in a temporary copy of the project, and prints a table per
 * size: time of each stage (extraction, MDX and data generation, Astro build,
 * Pagefind), peak memory of each process, dist/ size and search index size.
 * The synthetic corpora are copies of the real documents with every title
 * and amount perturbed, so they extract, match ids and index like new
 * documents would.
 *
 *   npm run bench [-- --sizes 1,4,16] [-- --lighthouse]
 *
 * With --lighthouse, also runs Lighthouse (Debian's Chromium) on one page of
 * each type of the 1× build, served by `astro preview`.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { extractAll, loadSources } from '../src/pipeline/index.ts';
import type { MeasureRecord } from '../src/pipeline/types.ts';
import { GENERATED_DIR, readGenerated } from '../src/schemas/generated.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const SIZES = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]! : '1,4,16')
  .split(',')
  .map(Number);

function size(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((t, n) => t + size(join(path, n)), 0) : s.size;
}
const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

/** A copy of the project without generated files or registries, sharing node_modules. */
function project(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-'));
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'public', 'scripts'])
    cpSync(join(ROOT, name), join(tmp, name), { recursive: true });
  cpSync(join(ROOT, 'src'), join(tmp, 'src'), {
    recursive: true,
    filter: (from) => relative(ROOT, from) !== 'src/generated',
  });
  mkdirSync(join(tmp, 'content/sources'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'content')))
    if (f.endsWith('.yaml')) cpSync(join(ROOT, 'content', f), join(tmp, 'content', f));
  // the benchmark measures what happens beyond the build's own limit too
  const site = join(tmp, 'content/site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8').replace(/^max_measures: \d+$/mu, 'max_measures: 1000000'),
  );
  mkdirSync(join(tmp, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules')))
    if (!name.startsWith('.'))
      symlinkSync(join(ROOT, 'node_modules', name), join(tmp, 'node_modules', name));
  return tmp;
}

/** Copy `copy` of a document: every title gets a suffix, every amount a different first digit. */
function perturb(text: string, measures: readonly MeasureRecord[], copy: number): string {
  const lines = text.split('\n');
  for (const m of measures) {
    if (m.title_line !== null && lines[m.title_line - 1]!.includes(m.title)) {
      lines[m.title_line - 1] = lines[m.title_line - 1]!.replace(
        m.title,
        `${m.title}（試算${copy}）`,
      );
    }
    if (m.amount.kind === 'own' && m.amount_line !== null) {
      const line = lines[m.amount_line - 1]!;
      const figure = /[0-9０-９](?=[0-9０-９,，.．]*\s*(?:億|百万|千万|万)円)/u.exec(line);
      if (figure) {
        const digit = Number(figure[0].normalize('NFKC'));
        lines[m.amount_line - 1] =
          line.slice(0, figure.index) +
          String(((digit + copy) % 9) + 1) +
          line.slice(figure.index + 1);
      }
    }
  }
  return lines.join('\n');
}

/** Sources for `k` times the real documents. */
function corpus(tmp: string, k: number): number {
  const real = join(ROOT, 'content/sources');
  const { sources } = loadSources(real);
  const { results } = extractAll(sources);
  const dest = join(tmp, 'content/sources');
  for (const s of sources) {
    const metaText = readFileSync(join(real, s.metaFile), 'utf8');
    cpSync(join(real, s.metaFile), join(dest, s.metaFile));
    cpSync(join(real, s.meta.file), join(dest, s.meta.file));
    const measures = results.find((r) => r.meta.id === s.meta.id)?.measures ?? [];
    for (let c = 1; c < k; c++) {
      const meta = parseYaml(metaText) as Record<string, unknown>;
      const file = s.meta.file.replace(/\.txt$/, `-x${c}.txt`);
      writeFileSync(
        join(dest, s.metaFile.replace(/\.meta\.yaml$/, `-x${c}.meta.yaml`)),
        JSON.stringify({ ...meta, id: `${s.meta.id}-x${c}`, file }),
      );
      writeFileSync(join(dest, file), perturb(s.text, measures, c));
    }
  }
  return sources.length * k;
}

interface Stage {
  ms: number;
  peakKb: number;
  out: string;
}

/** Run a node script under GNU time: wall time, peak RSS and its output. */
function timed(cwd: string, argv: string[]): Stage {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  if (r.status !== 0)
    throw new Error(
      `${argv.join(' ')} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`,
    );
  const peakKb = Number(r.stderr.trim().split('\n').pop());
  return { ms, peakKb, out: r.stdout };
}

async function lighthouse(tmp: string): Promise<void> {
  const { default: run } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const port = 4331;
  const preview = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/astro/astro.js'),
      'preview',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    { cwd: tmp, stdio: 'pipe' },
  );
  await new Promise<void>((ok) =>
    preview.stdout.on('data', (d: Buffer) => d.toString().includes(String(port)) && ok()),
  );
  const records = readGenerated(join(tmp, GENERATED_DIR), 'measures');
  const nav = readGenerated(join(tmp, GENERATED_DIR), 'navigation');
  const measure = records.find(
    (r) => r.budget.kind === 'supplementary' && r.amount.kind === 'own',
  )!;
  const pages: Record<string, string> = {
    home: '/',
    budget: `/budgets/${measure.source.document}/`,
    measure: measure.url,
    bureau: `/bureaus/${nav.bureaus[0]!.slug}/`,
    tag: '/tags/',
    glossary: '/glossary/',
    search: '/search/?q=%E8%AA%8D%E7%9F%A5%E7%97%87',
  };
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    console.log('\nLighthouse 12 (mobile preset, simulated throttling), `astro preview`:');
    console.log('| page | performance | accessibility | best practices | SEO |');
    console.log('|---|---|---|---|---|');
    for (const [name, path] of Object.entries(pages)) {
      const result = await run(`http://127.0.0.1:${port}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const c = result!.lhr.categories;
      const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
      console.log(
        `| ${name} (${path}) | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
      );
    }
  } finally {
    await chrome.kill();
    preview.kill();
  }
}

async function main(): Promise<void> {
  console.log(
    '| size | documents | measures | pages | extraction | MDX + data | Astro build (without Pagefind) | Pagefind | peak memory (extract / astro) | dist/ | search index |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  let forLighthouse: string | null = null;
  for (const k of SIZES) {
    const tmp = project();
    const documents = corpus(tmp, k);
    const extract = timed(tmp, [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/build.ts',
      '--data-only',
    ]);
    const build = timed(tmp, [join(ROOT, 'node_modules/astro/astro.js'), 'build']);
    const measures = readGenerated(join(tmp, GENERATED_DIR), 'measures').length;
    const [, exMs, mdxMs] =
      /timings: extraction (\d+) ms, MDX and data generation (\d+) ms/.exec(extract.out) ?? [];
    const pfMs = Number(
      /pagefind: \d+ search records indexed in (\d+) ms/.exec(build.out)?.[1] ?? 0,
    );
    const pages = Number(/(\d+) page\(s\) built/.exec(build.out)?.[1] ?? 0);
    console.log(
      `| ${k}× | ${documents} | ${measures} | ${pages} | ${(Number(exMs) / 1000).toFixed(1)} s | ${(Number(mdxMs) / 1000).toFixed(1)} s | ${((build.ms - pfMs) / 1000).toFixed(1)} s | ${(pfMs / 1000).toFixed(1)} s | ${(extract.peakKb / 1024).toFixed(0)} MiB / ${(build.peakKb / 1024).toFixed(0)} MiB | ${mib(size(join(tmp, 'dist')))} | ${mib(size(join(tmp, 'dist/pagefind')))} |`,
    );
    if (k === 1 && args.includes('--lighthouse')) forLighthouse = tmp;
    else rmSync(tmp, { recursive: true, force: true });
  }
  if (forLighthouse) {
    await lighthouse(forLighthouse);
    rmSync(forLighthouse, { recursive: true, force: true });
  }
}

await main();
