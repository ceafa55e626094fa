// Developer aid: the extraction against every measure reference (shared and
// own): found, amounts, titles, subtitles, parents, bureaus, purpose starts.
//   tsx scripts/dev/measures.ts [--verbose] [--only <file-substring>] [--field title]
import { join, resolve } from 'node:path';
import { extractAll, loadSources } from '../../src/pipeline/index.ts';
import { titleKey } from '../../src/lib/normalise.ts';
import { findReferenced, readMeasureReferences } from '../../test/helpers/measure-reference.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const arg = (n: string) =>
  process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : undefined;
const verbose = process.argv.includes('--verbose');
const only = arg('--only');
const field = arg('--field');
const { sources } = loadSources(join(ROOT, 'content/sources'));
const { results, ids } = extractAll(sources);
void ids;
const byFile = new Map(results.map((r) => [r.meta.file, r]));
const refs = readMeasureReferences(join(ROOT, 'test/reference')).filter(
  (r) => !only || r.from.includes(only),
);
const compact = (s: string | null) => (s ?? '').replace(/\s+/gu, '');
const counts: Record<string, number> = {
  found: 0,
  amount: 0,
  prior: 0,
  title: 0,
  subtitle: 0,
  parent: 0,
  bureau: 0,
  purpose: 0,
};
const misses: string[] = [];
for (const ref of refs) {
  const r = byFile.get(ref.seed)!;
  const ms = r.measures;
  const m = findReferenced(ref, ms);
  const where = `${ref.seed.slice(0, 3)}:${ref.amount_line ?? ref.title_line}`;
  if (!m) {
    misses.push(`${where} found: missing ${ref.title}`);
    continue;
  }
  counts.found!++;
  const check = (name: string, ok: boolean, got: unknown, want: unknown) => {
    if (ok) counts[name]!++;
    else
      misses.push(
        `${where} ${m.id || ''} ${name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`,
      );
  };
  check(
    'amount',
    m.amount.kind === ref.amount_kind && m.amount.yen === ref.amount_yen,
    [m.amount.kind, m.amount.yen],
    [ref.amount_kind, ref.amount_yen],
  );
  check(
    'prior',
    m.amount.prior_yen === ref.prior_amount_yen,
    m.amount.prior_yen,
    ref.prior_amount_yen,
  );
  check(
    'title',
    ref.title === null || titleKey(m.title) === titleKey(ref.title),
    m.title,
    ref.title,
  );
  check(
    'subtitle',
    titleKey(m.subtitle ?? '') === titleKey(ref.subtitle ?? ''),
    m.subtitle,
    ref.subtitle,
  );
  const i = ms.indexOf(m);
  const p = r.parentIndex[i];
  const parentTitle = p === null || p === undefined ? null : ms[p]!.title;
  check(
    'parent',
    (parentTitle === null) === (ref.parent === null) &&
      (ref.parent === null ||
        titleKey(parentTitle!).startsWith(titleKey(ref.parent).slice(0, 8)) ||
        titleKey(ref.parent).startsWith(titleKey(parentTitle!).slice(0, 8))),
    parentTitle,
    ref.parent,
  );
  check('bureau', (m.bureau ?? null) === ref.bureau, m.bureau, ref.bureau);
  const start = compact(ref.purpose_start).slice(0, 15);
  check(
    'purpose',
    start === '' || compact(m.sections.purpose).includes(start),
    m.sections.purpose.slice(0, 25),
    ref.purpose_start,
  );
}
const n = refs.length;
console.log(
  `${n} reference measures: ` +
    Object.entries(counts)
      .map(([k, v]) => `${k} ${v} (${((100 * v) / n).toFixed(1)}%)`)
      .join(', '),
);
if (verbose || field)
  console.log(misses.filter((l) => !field || l.includes(` ${field}:`)).join('\n'));
