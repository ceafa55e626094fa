/**
 * Orderings of a document's measures for the budget tables.
 * Pure functions over records; the input order is the source order.
 */
import type { MeasureRecord } from '../schemas/measure.ts';

export interface TreeRow {
  record: MeasureRecord;
  /** 0 for a top-level measure, 1 for a child of a package, … */
  depth: number;
}

/**
 * Packages followed by their children (in the order of `children`), nested.
 * A measure whose parent is not among `records` counts as top-level; each
 * record appears exactly once even if parent links are inconsistent.
 */
export function hierarchyRows(records: readonly MeasureRecord[]): TreeRow[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const rows: TreeRow[] = [];
  const placed = new Set<string>();
  const visit = (record: MeasureRecord, depth: number) => {
    if (placed.has(record.id)) return;
    placed.add(record.id);
    rows.push({ record, depth });
    for (const childId of record.children) {
      const child = byId.get(childId);
      if (child && child.parent === record.id) visit(child, depth + 1);
    }
  };
  for (const r of records) if (r.parent === null || !byId.has(r.parent)) visit(r, 0);
  for (const r of records) visit(r, 0); // anything left by inconsistent links
  return rows;
}

const KIND_RANK = { own: 0, part_of: 1, none: 2 } as const;

/**
 * Largest own amount first; then part_of, then none; ties keep source order.
 */
export function sortByAmount(records: readonly MeasureRecord[]): MeasureRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => {
      const ka = KIND_RANK[a.record.amount.kind];
      const kb = KIND_RANK[b.record.amount.kind];
      if (ka !== kb) return ka - kb;
      const ya = a.record.amount.yen ?? 0;
      const yb = b.record.amount.yen ?? 0;
      return yb - ya || a.index - b.index;
    })
    .map(({ record }) => record);
}
