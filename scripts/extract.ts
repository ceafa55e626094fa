/**
 * npm run extract: content/sources/ → src/content/measures/*.mdx,
 * src/generated/measures.json and documents.json, and the build summary.
 *
 *   tsx scripts/extract.ts [--sources <dir>] [--root <project dir>]
 *
 * Problems with single documents are printed as `file: what is wrong` and
 * that document is skipped. Exits non-zero only when no document could be
 * read (or on an internal error such as duplicate ids).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildOutputs, extractAll, loadSources, type Outputs } from '../src/lib/pipeline.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Write the generated files under `root`, replacing earlier ones. */
export function writeOutputs(root: string, outputs: Outputs): void {
  const measuresDir = join(root, 'src', 'content', 'measures');
  const generatedDir = join(root, 'src', 'generated');
  rmSync(measuresDir, { recursive: true, force: true });
  mkdirSync(measuresDir, { recursive: true });
  for (const { file, content } of outputs.mdx) writeFileSync(join(measuresDir, file), content);
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(join(generatedDir, 'measures.json'), outputs.measuresJson);
  writeFileSync(join(generatedDir, 'documents.json'), outputs.documentsJson);
}

function parseArgs(argv: string[]): { sources: string; root: string } {
  const args = { sources: join(PROJECT_ROOT, 'content', 'sources'), root: PROJECT_ROOT };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--sources' || flag === '--root') && value !== undefined) {
      args[flag === '--sources' ? 'sources' : 'root'] = resolve(value);
      i += 1;
    } else {
      throw new Error(`unknown argument: ${flag}\nusage: tsx scripts/extract.ts [--sources <dir>] [--root <project dir>]`);
    }
  }
  return args;
}

function main(): number {
  const { sources: sourcesDir, root } = parseArgs(process.argv.slice(2));
  const loaded = loadSources(sourcesDir);
  const extracted = extractAll(loaded.sources);
  for (const { file, message } of [...loaded.errors, ...extracted.errors]) console.error(`${file}: ${message}`);
  if (extracted.results.length === 0) {
    console.error(`no document could be read from ${sourcesDir}`);
    return 1;
  }
  const outputs = buildOutputs(extracted.results);
  writeOutputs(root, outputs);
  process.stdout.write(outputs.summary);
  console.log(`wrote ${outputs.mdx.length} MDX files and src/generated/{measures,documents}.json`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
