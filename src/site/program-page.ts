/**
 * What a program's page (/programs/<slug>/) and the programs list show, from the generated data:
 * its appearances oldest budget first, its timeline chart, and how the stated purpose changed
 * from one appearance to the next, sentence by sentence.
 */
import { sentenceChanges } from '../lib/sentences.ts';
import type { MeasureRecord } from '../schemas/measure.ts';
import type { ProgramNav } from '../schemas/programs.ts';
import { chart } from './charts/index.ts';
import { compareDocuments } from './compare.ts';
import { documentById, measureRecords, measuresByIds, navigation } from './data.ts';

export interface Appearance {
  record: MeasureRecord;
  document: string;
  /** How its purpose differs from the appearance before it (null for the first). */
  changes: { added: string[]; removed: string[] } | null;
}

export function programPageData(p: ProgramNav) {
  const records = measuresByIds(p.measures);
  const appearances: Appearance[] = records.map((record, i) => ({
    record,
    document: documentById(record.source.document)?.meta.title ?? record.source.document,
    changes:
      i === 0 ? null : sentenceChanges(records[i - 1]!.sections.purpose, record.sections.purpose),
  }));
  return { p, appearances, timeline: chart(`program-${p.slug}-timeline`) };
}

/** Every program, for getStaticPaths and the list. */
export const programs: readonly ProgramNav[] = navigation.programs;

/** The comparison of two documents of this build (src/site/compare.ts), for its page, its CSV and the list. */
export function comparisonOf(a: string, b: string) {
  return compareDocuments(
    a,
    b,
    measureRecords,
    programs,
    (id) => navigation.measures[id]?.program ?? null,
  );
}

/** The program a measure is an appearance of, if any. */
export function programOf(id: string): ProgramNav | undefined {
  const slug = navigation.measures[id]?.program;
  return slug ? programs.find((p) => p.slug === slug) : undefined;
}
