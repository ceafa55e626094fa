/**
 * The one rule for totals, so that no amount is ever counted twice: within a set of measures,
 * an own amount counts unless one of the measure's packages (its parent, or the parent's
 * parent …) is in the set too with an amount of its own, since that printed amount includes
 * its parts; likewise a measure whose figure another measure's page prints as a breakdown row
 * (`counted_in`) when that measure is in the set. A package that prints no amount includes
 * nothing: its parts count. 内数 (part_of) and missing amounts never count. Every total of the site (a document's budget, a
 * bureau, a division, a tag, a chart) is computed here.
 */
import type { MeasureRecord } from '../../schemas/measure.ts';
import type { SetTotal } from '../../schemas/navigation.ts';

/** Records by id, built once per build (indexRecords) and passed to whoever needs it. */
export type RecordIndex = ReadonlyMap<string, MeasureRecord>;

export function indexRecords(records: readonly MeasureRecord[]): RecordIndex {
  return new Map(records.map((r) => [r.id, r]));
}

/** A measure with a figure of its own (yen, zero included). */
export function hasOwnAmount(r: MeasureRecord): r is MeasureRecord & { amount: { yen: number } } {
  return r.amount.kind === 'own' && r.amount.yen !== null;
}

/**
 * Whether `r`'s amount is part of another amount in `set`: a package of `r` (at any depth)
 * with an own amount, or the measure whose page prints `r`'s figure as a breakdown row
 * (`counted_in`, derive/repeats.ts).
 */
export function includedAbove(
  r: MeasureRecord,
  set: ReadonlySet<string>,
  index: RecordIndex,
): boolean {
  const holds = (id: string): boolean => {
    const m = index.get(id);
    return set.has(id) && m !== undefined && hasOwnAmount(m);
  };
  if (r.counted_in && r.counted_in.id !== r.id && holds(r.counted_in.id)) return true;
  const seen = new Set<string>();
  for (let p = r.parent; p !== null && !seen.has(p); p = index.get(p)?.parent ?? null) {
    if (holds(p)) return true;
    seen.add(p);
  }
  return false;
}

/** The measures of `records` whose own amounts make the set's total (in the given order). */
export function countedOwn(
  records: readonly MeasureRecord[],
  index: RecordIndex,
): (MeasureRecord & { amount: { yen: number } })[] {
  const set = new Set(records.map((r) => r.id));
  return records.filter(hasOwnAmount).filter((r) => !includedAbove(r, set, index));
}

/** The set's total and how many amounts make it. */
export function ownTotal(
  records: readonly MeasureRecord[],
  index: RecordIndex,
): { yen: number; count: number } {
  const counted = countedOwn(records, index);
  return { yen: counted.reduce((s, r) => s + r.amount.yen, 0), count: counted.length };
}

/** Totals of a set of measures per budget label, in the order the labels first occur. */
export function setTotals(ids: readonly string[], index: RecordIndex): SetTotal[] {
  const inSet = new Set(ids);
  const totals = new Map<string, SetTotal>();
  for (const id of ids) {
    const r = index.get(id);
    if (!r) continue;
    let t = totals.get(r.budget.label);
    if (!t) {
      t = {
        label: r.budget.label,
        measures: 0,
        own_yen: 0,
        own_count: 0,
        nested_count: 0,
        part_of_count: 0,
        none_count: 0,
      };
      totals.set(r.budget.label, t);
    }
    t.measures += 1;
    if (r.amount.kind === 'part_of') t.part_of_count += 1;
    else if (!hasOwnAmount(r)) t.none_count += 1;
    else if (includedAbove(r, inSet, index)) t.nested_count += 1;
    else {
      t.own_yen += r.amount.yen;
      t.own_count += 1;
    }
  }
  return [...totals.values()];
}

/** Total per budget label over `records` (every document's top-level own amounts). */
export function totalsByLabel(
  records: readonly MeasureRecord[],
  index: RecordIndex,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of countedOwn(records, index))
    totals.set(r.budget.label, (totals.get(r.budget.label) ?? 0) + r.amount.yen);
  return totals;
}
