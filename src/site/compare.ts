/**
 * Comparing two budget documents (/compare/<a>/<b>/): the programs in both with their amounts
 * side by side and the difference, and the measures only in one of them. Pure over the
 * generated data; the page, its CSV and the tests use the same rows.
 */
import type { DocumentSummary } from '../schemas/document-summary.ts';
import type { MeasureRecord } from '../schemas/measure.ts';
import type { ProgramNav } from '../schemas/programs.ts';

/** Every pair of documents once, the older (fiscal year, then metadata order) first. */
export function comparePairs(documents: readonly DocumentSummary[]) {
  const sorted = documents
    .map((d, i) => ({ d, i }))
    .sort((x, y) => x.d.meta.fiscal_year - y.d.meta.fiscal_year || x.i - y.i)
    .map(({ d }) => d);
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => ({ a, b })));
}

export interface BothRow {
  program: ProgramNav;
  a: MeasureRecord[];
  b: MeasureRecord[];
  /** The sum of the own amounts, null when an appearance has none (内数, no figure). */
  yenA: number | null;
  yenB: number | null;
  /** yenB − yenA when both are known. */
  difference: number | null;
}

const ownSum = (records: readonly MeasureRecord[]): number | null =>
  records.every((r) => r.amount.kind === 'own' && r.amount.yen !== null)
    ? records.reduce((s, r) => s + r.amount.yen!, 0)
    : null;

/** The rows of one comparison: programs in both documents, then the measures only in a or only in b. */
export function compareDocuments(
  a: string,
  b: string,
  records: readonly MeasureRecord[],
  programs: readonly ProgramNav[],
  programOf: (id: string) => string | null,
) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const both: BothRow[] = [];
  for (const program of programs) {
    const members = program.measures.map((id) => byId.get(id)!).filter(Boolean);
    const inA = members.filter((m) => m.source.document === a);
    const inB = members.filter((m) => m.source.document === b);
    if (inA.length === 0 || inB.length === 0) continue;
    const yenA = ownSum(inA);
    const yenB = ownSum(inB);
    both.push({
      program,
      a: inA,
      b: inB,
      yenA,
      yenB,
      difference: yenA !== null && yenB !== null ? yenB - yenA : null,
    });
  }
  const shared = new Set(both.flatMap((r) => [...r.a, ...r.b].map((m) => m.id)));
  const only = (doc: string) =>
    records.filter((r) => r.source.document === doc && !shared.has(r.id));
  return { both, onlyA: only(a), onlyB: only(b), programOf };
}

/** The CSV rows of a comparison (header first): one row per program in both, then each measure only in one. */
export function compareCsvRows(
  a: string,
  b: string,
  rows: ReturnType<typeof compareDocuments>,
): (string | number | null)[][] {
  const names = (ms: readonly MeasureRecord[]) => ms.map((m) => m.name).join('／');
  const ids = (ms: readonly MeasureRecord[]) => ms.map((m) => m.id).join(';');
  return [
    [
      'status',
      'program',
      `id_${a}`,
      `name_${a}`,
      `yen_${a}`,
      `id_${b}`,
      `name_${b}`,
      `yen_${b}`,
      'difference_yen',
    ],
    ...rows.both.map((r) => [
      'both',
      r.program.slug,
      ids(r.a),
      names(r.a),
      r.yenA,
      ids(r.b),
      names(r.b),
      r.yenB,
      r.difference,
    ]),
    ...rows.onlyA.map((m) => [
      `only_${a}`,
      rows.programOf(m.id),
      m.id,
      m.name,
      ownSum([m]),
      null,
      null,
      null,
      null,
    ]),
    ...rows.onlyB.map((m) => [
      `only_${b}`,
      rows.programOf(m.id),
      null,
      null,
      null,
      m.id,
      m.name,
      ownSum([m]),
      null,
    ]),
  ];
}
