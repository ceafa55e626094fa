/**
 * npm run extract: content/sources/ → src/content/measures/*.mdx and
 * src/generated/*.json, the id registry written back to content/registry/,
 * and the build summary.
 *
 *   tsx scripts/extract.ts [--sources <dir>] [--content <dir>] [--root <project dir>]
 *
 * --content holds the curated files (organisation.yaml, tags.yaml,
 * cross-budget.yaml) and registry/; it defaults to the parent of --sources.
 *
 * Problems with single documents are printed as `file: what is wrong` and
 * that document is skipped. Exits non-zero when no document could be read,
 * or when the registry or a curated file is broken or would let a URL
 * change meaning (two ids on one URL, an id deleted from the registry).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CuratedError } from '../src/lib/curated.ts';
import { buildOutputs, extractAll, loadCurated, loadRegistries, loadSources, type Outputs } from '../src/lib/pipeline.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Write the generated files under `root`, replacing earlier ones, and the changed registries under `content`. */
export function writeOutputs(root: string, outputs: Outputs, content?: string): void {
  const measuresDir = join(root, 'src', 'content', 'measures');
  const generatedDir = join(root, 'src', 'generated');
  rmSync(measuresDir, { recursive: true, force: true });
  mkdirSync(measuresDir, { recursive: true });
  for (const { file, content: text } of outputs.mdx) writeFileSync(join(measuresDir, file), text);
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(join(generatedDir, 'measures.json'), outputs.measuresJson);
  writeFileSync(join(generatedDir, 'documents.json'), outputs.documentsJson);
  writeFileSync(join(generatedDir, 'urls.json'), outputs.urlsJson);
  writeFileSync(join(generatedDir, 'navigation.json'), outputs.navigationJson);
  writeFileSync(join(generatedDir, 'curated.json'), outputs.curatedJson);
  writeFileSync(join(generatedDir, 'sources.json'), outputs.sourcesJson);
  if (content !== undefined && outputs.registries.length > 0) {
    mkdirSync(join(content, 'registry'), { recursive: true });
    for (const { file, content: text } of outputs.registries) writeFileSync(join(content, 'registry', basename(file)), text);
  }
}

interface Args {
  sources: string;
  content: string | null;
  root: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sources: join(PROJECT_ROOT, 'content', 'sources'), content: null, root: PROJECT_ROOT };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--sources' || flag === '--root' || flag === '--content') && value !== undefined) {
      args[flag.slice(2) as 'sources' | 'root' | 'content'] = resolve(value);
      i += 1;
    } else {
      throw new Error(`unknown argument: ${flag}\nusage: tsx scripts/extract.ts [--sources <dir>] [--content <dir>] [--root <project dir>]`);
    }
  }
  return args;
}

function main(): number {
  const { sources: sourcesDir, root, ...rest } = parseArgs(process.argv.slice(2));
  const content = rest.content ?? dirname(sourcesDir);
  const label = (dir: string) => relative(process.cwd(), dir) || '.';
  try {
    const t0 = performance.now();
    const loaded = loadSources(sourcesDir);
    const registries = loadRegistries(join(content, 'registry'), label(join(content, 'registry')));
    const curated = loadCurated(content, label(content));
    const extracted = extractAll(loaded.sources, registries);
    const t1 = performance.now();
    for (const { file, message } of [...loaded.errors, ...extracted.errors]) console.error(`${file}: ${message}`);
    if (extracted.results.length === 0) {
      console.error(`no document could be read from ${sourcesDir}`);
      return 1;
    }
    const outputs = buildOutputs(extracted.results, extracted.ids, curated);
    const t2 = performance.now();
    writeOutputs(root, outputs, content);
    const t3 = performance.now();
    process.stdout.write(outputs.summary);
    const skipped = [...loaded.errors, ...extracted.errors];
    if (skipped.length > 0) console.log(`not built (fix and rebuild):\n${skipped.map((e) => `  ${e.file}: ${e.message}`).join('\n')}`);
    console.log(
      `wrote ${outputs.mdx.length} MDX files and src/generated/{measures,documents,urls,navigation,curated,sources}.json` +
        (outputs.registries.length > 0 ? `; updated ${outputs.registries.map((r) => r.file).join(', ')} (review and commit)` : ''),
    );
    console.log(`timings: extraction ${Math.round(t1 - t0)} ms, MDX and data generation ${Math.round(t2 - t1)} ms, writing ${Math.round(t3 - t2)} ms`);
    return 0;
  } catch (e) {
    if (!(e instanceof CuratedError)) throw e;
    console.error(`${e.message}\nbuild stopped: fix the file(s) above; no output was written`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
