/**
 * The extraction of content/sources/ against the hand-checked measure
 * references: test/reference/measures-*.jsonl (shared, part of the
 * documents) and test/reference/own/measures-*.jsonl (read for the rest by
 * helper sessions; see test/reference/README.md). Prints the match rates
 * and fails under the floors below.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAll, loadSources } from '../../src/pipeline/index.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { titleKey } from '../../src/lib/normalise.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REFERENCE_DIR = resolve(ROOT, 'test/reference');

interface RefMeasure {
  seed: string;
  title: string | null;
  title_line: number | null;
  amount_line: number | null;
  amount_yen: number | null;
  amount_kind: string;
  prior_amount_yen: number | null;
  bureau: string | null;
  purpose_start: string | null;
}

const compact = (s: string) => s.replace(/\s+/gu, '');

/** The extracted measure a reference entry stands for: same amount line (and title when a line holds several), else same title line. */
function findMatch(ref: RefMeasure, measures: readonly MeasureRecord[]): MeasureRecord | undefined {
  if (ref.amount_line !== null) {
    const onLine = measures.filter((m) => m.amount_line === ref.amount_line);
    if (onLine.length <= 1) return onLine[0];
    return onLine.find((m) => ref.title !== null && titleKey(m.title) === titleKey(ref.title));
  }
  return measures.find(
    (m) =>
      m.title_line === ref.title_line ||
      (ref.title !== null &&
        m.amount.kind === 'none' &&
        titleKey(m.title) === titleKey(ref.title) &&
        m.amount_line === null),
  );
}

describe('extraction against the hand-checked reference', () => {
  let refs: RefMeasure[] = [];
  let byFile = new Map<string, MeasureRecord[]>();

  beforeAll(() => {
    expect(existsSync(REFERENCE_DIR), `reference folder ${REFERENCE_DIR} is missing`).toBe(true);
    const files = [
      ...readdirSync(REFERENCE_DIR)
        .filter((f) => /^measures-.*\.jsonl$/u.test(f))
        .map((f) => join(REFERENCE_DIR, f)),
      ...readdirSync(join(REFERENCE_DIR, 'own'))
        .filter((f) => /^measures-.*\.jsonl$/u.test(f))
        .map((f) => join(REFERENCE_DIR, 'own', f)),
    ].sort();
    refs = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as RefMeasure),
    );
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
      const m = findMatch(ref, measures!);
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
    expect(counts.found / n).toBeGreaterThanOrEqual(0.98);
    expect(counts.amount / n).toBeGreaterThanOrEqual(0.98);
    expect(counts.prior / n).toBeGreaterThanOrEqual(0.98);
    expect(counts.bureau / n).toBeGreaterThanOrEqual(0.95);
    expect(counts.title / n).toBeGreaterThanOrEqual(0.95);
    expect(counts.purpose / n).toBeGreaterThanOrEqual(0.92);
  });
});
