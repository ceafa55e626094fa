/**
 * npm run build: content/ → src/generated/ → dist/, all or nothing.
 *
 *   tsx scripts/build.ts [--allow-removals] [--data-only]
 *
 * 1. Take the checkout's build lock (a second build stops with a message;
 *    a killed build's leftovers are rolled back first).
 * 2. Check the site configuration (content/site.yaml, SITE_URL, SITE_BASE).
 * 3. Read every source, registry, curated file and the ledger of published
 *    URLs; extract every document.
 * 4. Stop, listing every problem as `file:line: message`, when anything
 *    would cost a URL: a source that cannot be read or yields nothing, a
 *    registered document without its source, a published id or alias no
 *    longer registered, more removals than the configured share, more
 *    measures than the build can hold. Nothing is written.
 * 5. Write src/generated/ (swapped in whole), run `astro build` into a
 *    staging directory, give every published page it no longer makes a
 *    tombstone, swap the staging directory in as dist/, then write the
 *    changed registry files and the ledger.
 * Any failure on the way (a bad page, out of memory, a kill) leaves
 * content/registry/, src/generated/ and dist/ as they were.
 *
 * --data-only (npm run extract, npm run dev): steps 1–4 and src/generated/
 * only; registry changes are shown, not saved (a full build saves them).
 * --allow-removals: accept a document losing more than the configured
 * share of its ids (the measures really left it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CuratedError, formatProblem } from '../src/pipeline/load/checked-yaml.ts';
import { assignIds } from '../src/pipeline/ids/assign.ts';
import {
  buildOutputs,
  extractDocuments,
  loadCurated,
  loadRegistries,
  loadSources,
} from '../src/pipeline/index.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import {
  LEDGER_FILE,
  aliasOwners,
  formatLedger,
  lostUrls,
  parseLedger,
  removals,
  type Ledger,
} from '../src/pipeline/ids/contract.ts';
import { writeGenerated } from '../src/pipeline/write/generated.ts';
import { GENERATED_DIR } from '../src/schemas/generated.ts';
import { fillTombstones, publishedPaths } from '../src/pipeline/write/tombstones.ts';
import { LockedError, Transaction } from '../src/pipeline/write/transaction.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  allowRemovals: boolean;
  dataOnly: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { allowRemovals: false, dataOnly: false };
  for (const a of argv) {
    if (a === '--allow-removals') args.allowRemovals = true;
    else if (a === '--data-only') args.dataOnly = true;
    else
      throw new Error(
        `unknown argument: ${a}\nusage: tsx scripts/build.ts [--allow-removals] [--data-only]`,
      );
  }
  return args;
}

/** The build stops: every problem, and that nothing was written. */
class Stop extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

function readLedger(file: string, label: string): Ledger {
  if (!existsSync(file)) return { items: [] };
  const parsed = parseLedger(readFileSync(file, 'utf8'), label);
  if (!parsed.ok) throw new Stop(parsed.problems.map(formatProblem));
  return parsed.ledger;
}

/** `astro build` of the staged data `generated` into `outDir`; throws with its exit status when it fails (a bad page, out of memory, a signal). */
function astroBuild(root: string, outDir: string, generated: string): void {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/astro/astro.js'), 'build', '--outDir', outDir],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, GENERATED_DIR: generated, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  if (r.status !== 0) {
    const why = r.signal
      ? `was stopped by ${r.signal}`
      : r.status === 134
        ? 'ran out of memory (exit 134)'
        : `failed (exit ${r.status ?? r.error?.message})`;
    throw new Stop([`astro build ${why}; see its output above`]);
  }
}

export function build(root: string, args: Args, log: (line: string) => void = console.log): number {
  const label = (p: string) => relative(process.cwd(), p) || '.';
  let t: Transaction;
  try {
    t = Transaction.begin(root);
  } catch (e) {
    if (!(e instanceof LockedError)) throw e;
    console.error(`build refused: ${e.message}`);
    return 1;
  }
  for (const r of t.recovered) log(`recovered: ${r}`);
  const onSignal = (signal: NodeJS.Signals) => {
    t.rollBack();
    console.error(
      `build stopped by ${signal}: content/registry/, src/generated/ and dist/ are as they were`,
    );
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const started = performance.now();
    const site = readSiteConfig(root);
    if (!site.ok) throw new Stop(site.errors);
    const config = site.config;
    const content = join(root, 'content');
    const registryDir = join(content, 'registry');
    const ledgerFile = join(registryDir, LEDGER_FILE);

    const loaded = loadSources(join(content, 'sources'));
    const registries = loadRegistries(registryDir, label(registryDir));
    const curated = loadCurated(content, label(content));
    const ledger = readLedger(ledgerFile, label(ledgerFile));
    const extracted = extractDocuments(loaded.sources);
    const problems = [...loaded.errors, ...extracted.errors].map(formatProblem);
    for (const r of extracted.results) {
      if (r.measures.length === 0) {
        problems.push(
          `${r.meta.file}: no measure found: no line carries a figure after the budget labels (${r.meta.budgets.map((b) => b.label).join(', ')}); check the labels in its metadata`,
        );
      }
    }
    const measures = extracted.results.reduce((n, r) => n + r.measures.length, 0);
    if (measures > config.maxMeasures) {
      problems.push(
        `${measures} measures found, more than this build accepts (max_measures: ${config.maxMeasures} in content/site.yaml): ` +
          'the pages would not fit in memory (README, Scaling). No id was minted. Split the sources, or raise the limit with a larger heap',
      );
    }
    problems.push(
      ...lostUrls(ledger, label(ledgerFile), registries, `${label(registryDir)}/`).map(
        formatProblem,
      ),
    );
    if (problems.length > 0) throw new Stop(problems);

    const ids = assignIds(extracted.results, registries);
    const removed = args.allowRemovals ? [] : removals(ids, registries, config.removalsThreshold);
    if (removed.length > 0) throw new Stop(removed.map(formatProblem));
    const t1 = performance.now();
    const outputs = buildOutputs(extracted.results, ids, curated);
    const t2 = performance.now();

    const generated = t.stage('generated');
    writeGenerated(generated, outputs);
    const timings = `timings: extraction ${Math.round(t1 - started)} ms, MDX and data generation ${Math.round(t2 - t1)} ms, writing ${Math.round(performance.now() - t2)} ms`;
    if (args.dataOnly) {
      t.replace(GENERATED_DIR, generated);
      t.commit();
      log(outputs.summary.trimEnd());
      if (outputs.registries.length > 0)
        log(
          `registry changes (saved by a full \`npm run build\`): ${outputs.registries.map((r) => r.file).join(', ')}`,
        );
      log(`wrote ${GENERATED_DIR}/ (${outputs.mdx.length} measures)`);
      log(timings);
      return 0;
    }

    const stage = t.stage('dist');
    astroBuild(root, stage, generated);
    const previous = existsSync(join(root, 'dist')) ? join(root, 'dist') : null;
    const filled = fillTombstones(stage, ledger, previous);
    const published = publishedPaths(stage);
    // nothing outside .build/ has changed so far; now everything is swapped in
    t.replace(GENERATED_DIR, generated);
    t.replace('dist', stage);
    for (const r of outputs.registries)
      t.writeFile(join('content/registry', basename(r.file)), r.content);
    const ledgerText = formatLedger(ledger, ids.urls, aliasOwners(registries), published);
    const ledgerChanged =
      !existsSync(ledgerFile) || readFileSync(ledgerFile, 'utf8') !== ledgerText;
    if (ledgerChanged) t.writeFile(relative(root, ledgerFile), ledgerText);
    t.commit();

    log(outputs.summary.trimEnd());
    for (const s of loaded.sources)
      if (s.encoding && s.encoding !== 'UTF-8') log(`${s.meta.file}: read as ${s.encoding}`);
    if (filled.pages.length + filled.files.length > 0) {
      log(
        `tombstones for published URLs this build no longer makes: ${[...filled.pages, ...filled.files].join(', ')}`,
      );
    }
    if (config.origin === null)
      log(
        'no public address configured (url in content/site.yaml, or SITE_URL): the pages carry no canonical URL, og:url or sitemap; set it before deploying',
      );
    const saved = [
      ...outputs.registries.map((r) => r.file),
      ...(ledgerChanged ? [label(ledgerFile)] : []),
    ];
    if (saved.length > 0) log(`updated ${saved.join(', ')} (review and commit)`);
    log(timings);
    log(
      `built dist/: ${published.filter((p) => p.page).length} pages${config.origin ? ` for ${config.origin}${config.base}` : ` under ${config.base}`} in ${Math.round(performance.now() - started)} ms`,
    );
    return 0;
  } catch (e) {
    t.rollBack();
    if (e instanceof Stop) {
      for (const p of e.problems) console.error(p);
    } else if (e instanceof CuratedError) {
      console.error(e.message);
    } else {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
    console.error('build stopped: content/registry/, src/generated/ and dist/ are unchanged');
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = build(PROJECT_ROOT, parseArgs(process.argv.slice(2)));
}
