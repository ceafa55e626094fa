// Developer aid: extract content/sources/ in memory and score it against every
// section reference in test/reference/ (shared and own), per file.
//   tsx scripts/dev/score.ts [--verbose] [--only <file-substring>]
import { join, resolve } from 'node:path';
import { extractAll, loadSources } from '../../src/pipeline/index.ts';
import {
  formatSummary,
  readJsonl,
  scoreAll,
  type SectionRef,
} from '../../test/helpers/section-score.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const verbose = process.argv.includes('--verbose');
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : undefined;
const { sources } = loadSources(join(ROOT, 'content/sources'));
const { results } = extractAll(sources);
const byFile = new Map(results.map((r) => [r.meta.file, r.measures]));
const refs = [
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/sections'), /\.jsonl$/u),
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/own'), /^sections-.*\.jsonl$/u),
];
const files = [...new Set(refs.map((r) => r.from!))];
for (const f of files) {
  if (only && !f.includes(only)) continue;
  const s = scoreAll(
    refs.filter((r) => r.from === f),
    (seed) => byFile.get(seed) ?? [],
  );
  console.log(`${f.padEnd(26)} ${formatSummary(s)}`);
  if (verbose)
    for (const row of s.rows)
      if (!row.right || row.minor.length)
        console.log(
          `  ${row.measure && 'id' in row.measure ? (row.measure.id as string) : ''} ${row.ref.seed.slice(0, 3)}:${row.ref.amount_line} ${(row.ref.title ?? '').slice(0, 20)}|${(row.ref.subtitle ?? '').slice(0, 12)}: ${row.problems.join('; ')}${row.minor.length ? ` {debris: ${row.minor.join(' | ')}}` : ''}`,
        );
}
const total = scoreAll(
  refs.filter((r) => !only || r.from!.includes(only)),
  (seed) => byFile.get(seed) ?? [],
);
console.log(`${'TOTAL'.padEnd(26)} ${formatSummary(total)}`);
