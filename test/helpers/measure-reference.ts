/**
 * The hand-checked measure references (test/reference/measures-*.jsonl and
 * test/reference/own/measures-*.jsonl, see test/reference/README.md): their
 * shape, how to read them, and which extracted measure an entry stands for.
 * Used by test/integration/reference.test.ts and scripts/dev/measures.ts.
 */
import { join } from 'node:path';
import type { MeasureRecord } from '../../src/schemas/measure.ts';
import { titleKey } from '../../src/lib/normalise.ts';
import { readJsonl } from './section-score.ts';

/** One reference line (README.shared.md lists the fields). */
export interface RefMeasure {
  seed: string;
  title: string | null;
  subtitle: string | null;
  parent: string | null;
  title_line: number | null;
  amount_line: number | null;
  amount_yen: number | null;
  amount_kind: string;
  prior_amount_yen: number | null;
  bureau: string | null;
  purpose_start: string | null;
}

/** Every measure reference, shared ones first, each with the file it came from. */
export function readMeasureReferences(referenceDir: string): (RefMeasure & { from: string })[] {
  return [
    ...readJsonl<RefMeasure>(referenceDir, /^measures-.*\.jsonl$/u),
    ...readJsonl<RefMeasure>(join(referenceDir, 'own'), /^measures-.*\.jsonl$/u),
  ];
}

/** The extracted measure a reference entry stands for: same amount line (and title when a line holds several), else same title line. */
export function findReferenced(
  ref: RefMeasure,
  measures: readonly MeasureRecord[],
): MeasureRecord | undefined {
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
