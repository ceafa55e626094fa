// Developer aid: the page lint over the records of src/generated (what the pages show), before a build.
//   tsx scripts/dev/lint.ts [--verbose] [--rule <name>]
import { resolve } from 'node:path';
import { lintPages, viewOfRecord } from '../../src/checks/page-lint.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';
const ROOT = resolve(import.meta.dirname, '../..');
const records = readGenerated(resolve(ROOT, GENERATED_DIR), 'measures');
const namesake = (r: MeasureRecord) =>
  records.some(
    (o) => o.id !== r.id && o.source.document === r.source.document && o.name === r.name,
  );
const report = lintPages(
  records.map((r) => viewOfRecord(r, namesake(r))),
  records,
);
console.log(
  Object.entries(report.counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', '),
);
const rule = process.argv.includes('--rule')
  ? process.argv[process.argv.indexOf('--rule') + 1]
  : undefined;
if (process.argv.includes('--verbose') || rule)
  for (const p of report.problems)
    if (!rule || p.rule === rule) console.log(`  ${p.rule} ${p.id}: ${p.detail.slice(0, 120)}`);
