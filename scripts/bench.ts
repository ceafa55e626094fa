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
 *   npm run bench -- --compare <git ref> [--runs 3]
 *
 * With --compare, builds the five documents with `npm run build` in a copy
 * of the working tree and in a checkout of the ref (its own dependencies,
 * installed with `npm ci` when its lockfile differs), alternately, from
 * cold caches, and prints each run, the medians of wall time and peak
 * memory, their ratios, and where the working tree's build spends its time.
 *
 * With --lighthouse, also runs Lighthouse (Debian's Chromium) on one page of
 * each type of the 1× build, served by `astro preview`.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { extractAll, loadSources } from '../src/pipeline/index.ts';
import type { MeasureRecord } from '../src/pipeline/types.ts';
import { GENERATED_DIR, readGenerated } from '../src/schemas/generated.ts';
import { buildProfile, formatProfile } from './lib/build-profile.ts';
import { linkNodeModules, scratchProject } from './lib/scratch.ts';

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

/** A copy of the project without sources or registries (corpus() writes the sources). */
function project(): string {
  const tmp = scratchProject(ROOT, 'bench-', ['content/sources', 'content/registry']);
  mkdirSync(join(tmp, 'content/sources'), { recursive: true });
  // the benchmark measures what happens beyond the build's own limit too
  const site = join(tmp, 'content/site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8').replace(/^max_measures: \d+$/mu, 'max_measures: 1000000'),
  );
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

/** Run a command under GNU time: wall time, peak RSS (of its largest process) and its output. */
function timed(cwd: string, command: string[], extraEnv: NodeJS.ProcessEnv = {}): Stage {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...command], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  if (r.status !== 0)
    throw new Error(
      `${command.join(' ')} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`,
    );
  const peakKb = Number(r.stderr.trim().split('\n').pop());
  return { ms, peakKb, out: `${r.stdout}\n${r.stderr}` };
}

const node = (...argv: string[]) => [process.execPath, ...argv];

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

/**
 * A checkout of `ref` in the temporary directory (kept between runs of the
 * benchmark, one per commit), with dependencies: links to the working
 * tree's when the lockfiles are the same, else installed by `npm ci`.
 */
function checkout(ref: string): string {
  const git = (...a: string[]) =>
    spawnSync('git', ['-C', ROOT, ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const sha = git('rev-parse', '--verify', `${ref}^{commit}`).stdout.trim();
  if (!sha) throw new Error(`--compare: ${ref} is not a commit of this repository`);
  const dir = join(tmpdir(), `bench-ref-${sha.slice(0, 12)}`);
  if (existsSync(join(dir, '.bench-ready'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${ROOT}" archive ${sha} | tar -x -C "${dir}"`]);
  if (archive.status !== 0) throw new Error(`git archive ${sha} failed`);
  const lock = git('show', `${sha}:package-lock.json`).stdout;
  if (lock === readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) linkNodeModules(ROOT, dir);
  else {
    console.log(`installing the dependencies of ${sha.slice(0, 12)} (npm ci) …`);
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    if (ci.status !== 0) throw new Error(`npm ci at ${sha} failed`);
  }
  writeFileSync(join(dir, '.bench-ready'), sha);
  return dir;
}

/** `npm run build` from cold caches (no .astro/, no Vite or content-layer cache in node_modules/, no previous output). */
function coldBuild(dir: string): Stage {
  for (const made of [
    '.astro',
    'dist',
    '.build',
    'node_modules/.vite',
    'node_modules/.astro',
    'src/generated',
  ])
    rmSync(join(dir, made), { recursive: true, force: true });
  return timed(dir, ['npm', 'run', 'build', '--silent'], { BUDGET_PROFILE: '1' });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const cell = (s: Stage) => `${(s.ms / 1000).toFixed(1)} s, ${(s.peakKb / 1024).toFixed(0)} MiB`;

/** --compare: the five documents built at `ref` and in the working tree, alternately. */
function compare(ref: string, runs: number): void {
  const refDir = checkout(ref);
  const curDir = scratchProject(ROOT, 'bench-cur-');
  const times = { ref: [] as Stage[], cur: [] as Stage[] };
  console.log(`| run | ${ref} | working tree |\n|---|---|---|`);
  for (let i = 1; i <= runs; i++) {
    const a = coldBuild(refDir);
    const b = coldBuild(curDir);
    times.ref.push(a);
    times.cur.push(b);
    console.log(`| ${i} | ${cell(a)} | ${cell(b)} |`);
  }
  const wall = (k: 'ref' | 'cur') => median(times[k].map((s) => s.ms));
  const peak = (k: 'ref' | 'cur') => median(times[k].map((s) => s.peakKb));
  console.log(
    `\nmedian of ${runs}: ${ref} ${(wall('ref') / 1000).toFixed(1)} s, ${(peak('ref') / 1024).toFixed(0)} MiB; ` +
      `working tree ${(wall('cur') / 1000).toFixed(1)} s, ${(peak('cur') / 1024).toFixed(0)} MiB\n` +
      `ratio (working tree / ${ref}): time ${(wall('cur') / wall('ref')).toFixed(2)}, ` +
      `peak memory ${(peak('cur') / peak('ref')).toFixed(2)}`,
  );
  const byTime = [...times.cur].sort((a, b) => a.ms - b.ms);
  console.log(`\nwhere the working tree's build spends its time (median run):\n`);
  console.log(formatProfile(buildProfile(byTime[Math.floor((byTime.length - 1) / 2)]!.out)));
  rmSync(curDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (args.includes('--compare')) {
    const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
    compare(args[args.indexOf('--compare') + 1]!, runs);
    return;
  }
  console.log(
    '| size | documents | measures | pages | extraction | MDX + data | Astro build (without Pagefind) | Pagefind | peak memory (extract / astro) | dist/ | search index |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  let forLighthouse: string | null = null;
  for (const k of SIZES) {
    const tmp = project();
    const documents = corpus(tmp, k);
    const extract = timed(
      tmp,
      node(join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--data-only'),
    );
    const build = timed(tmp, node(join(ROOT, 'node_modules/astro/astro.js'), 'build'));
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
