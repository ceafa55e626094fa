/**
 * The extraction of content/sources/ against the hand-checked measure
 * references: test/reference/measures-*.jsonl (shared, part of the
 * documents) and test/reference/own/measures-*.jsonl (read for the rest by
 * helper sessions; see test/reference/README.md). Prints the match rates
 * and fails under the floors below.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAll, loadSources } from '../../src/pipeline/index.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { titleKey } from '../../src/lib/normalise.ts';
import {
  findReferenced,
  readMeasureReferences,
  type RefMeasure,
} from '../helpers/measure-reference.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REFERENCE_DIR = resolve(ROOT, 'test/reference');

const compact = (s: string) => s.replace(/\s+/gu, '');

describe('extraction against the hand-checked reference', () => {
  let refs: RefMeasure[] = [];
  let byFile = new Map<string, MeasureRecord[]>();

  beforeAll(() => {
    expect(existsSync(REFERENCE_DIR), `reference folder ${REFERENCE_DIR} is missing`).toBe(true);
    refs = readMeasureReferences(REFERENCE_DIR);
    const { sources, errors } = loadSources(join(ROOT, 'content/sources'));
    expect(errors).toEqual([]);
    const { results } = extractAll(sources);
    byFile = new Map(results.map((r) => [r.meta.file, r.measures]));
  });

  it('finds the reference measures with their amounts, prior amounts, bureaus and purposes', () => {
    expect(refs.length).toBeGreaterThan(0);
    const counts = { found: 0, amount: 0, prior: 0, title: 0, bureau: 0, purpose: 0 };
    const misses: string[] = [];
    for (const ref of refs) {
      const measures = byFile.get(ref.seed);
      expect(measures, `no extraction for ${ref.seed}`).toBeDefined();
      const m = findReferenced(ref, measures!);
      const where = `${ref.seed}:${ref.amount_line ?? ref.title_line}`;
      if (!m) {
        misses.push(`${where}: not found (${ref.title})`);
        continue;
      }
      counts.found++;
      if (m.amount.kind === ref.amount_kind && m.amount.yen === ref.amount_yen) counts.amount++;
      else
        misses.push(
          `${where}: amount ${m.amount.kind} ${m.amount.yen} ≠ ${ref.amount_kind} ${ref.amount_yen}`,
        );
      if (m.amount.prior_yen === ref.prior_amount_yen) counts.prior++;
      else misses.push(`${where}: prior ${m.amount.prior_yen} ≠ ${ref.prior_amount_yen}`);
      // a name printed with a bracketed part: one reading splits it off as the sub-name, another keeps it
      if (
        ref.title === null ||
        titleKey(m.title) === titleKey(ref.title) ||
        titleKey(`${m.title}（${m.subtitle}）`) === titleKey(ref.title)
      )
        counts.title++;
      else misses.push(`${where}: title ${m.title} ≠ ${ref.title}`);
      if ((m.bureau ?? null) === ref.bureau) counts.bureau++;
      else misses.push(`${where}: bureau ${m.bureau} ≠ ${ref.bureau}`);
      const start = compact(ref.purpose_start ?? '').slice(0, 15);
      if (start === '' || compact(m.sections.purpose).includes(start)) counts.purpose++;
      else misses.push(`${where}: purpose does not contain "${ref.purpose_start}"`);
    }
    const n = refs.length;
    const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
    console.log(
      `reference match over ${n} measures: found ${counts.found} (${pct(counts.found)}), amounts exact ${counts.amount} (${pct(counts.amount)}), ` +
        `prior exact ${counts.prior} (${pct(counts.prior)}), titles ${counts.title} (${pct(counts.title)}), bureaus ${counts.bureau} (${pct(counts.bureau)}), purpose starts ${counts.purpose} (${pct(counts.purpose)})`,
    );
    if (misses.length) console.log(misses.join('\n'));
    expect(counts.found / n).toBeGreaterThanOrEqual(0.99);
    expect(counts.amount / n).toBeGreaterThanOrEqual(0.99);
    expect(counts.prior / n).toBeGreaterThanOrEqual(0.99);
    expect(counts.bureau / n).toBeGreaterThanOrEqual(0.98);
    expect(counts.title / n).toBeGreaterThanOrEqual(0.98);
    expect(counts.purpose / n).toBeGreaterThanOrEqual(0.95);
  });
});
