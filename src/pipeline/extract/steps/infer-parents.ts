/**
 * Step: the package structure, by index into the measures (ids.ts turns
 * indexes into ids).
 */
import type { MeasureRecord } from '../../types.ts';
import { titleKey } from '../../../lib/normalise.ts';
import { parseFigure } from '../rules/amounts.ts';

/**
 * Package structure, by index into `measures`:
 * - components found inside a measure's page belong to it;
 * - a measure repeating an earlier measure's title with a sub-name belongs to it;
 * - a part_of measure whose fund names another measure (by title, or by its
 *   exact amount when the fund is only a figure) belongs to it;
 * - measures following a measure whose own amounts add up exactly to its
 *   amount belong to it.
 */
export function inferParents(
  components: readonly (number | null)[],
  measures: readonly MeasureRecord[],
): (number | null)[] {
  const parent: (number | null)[] = [...components];
  // sub-measure pages repeat their package's name and add a sub-name; their
  // own amount is a share of the package's (a 内数 page is matched by its fund below)
  const byKey = new Map<string, number>();
  measures.forEach((m, i) => {
    const key = titleKey(m.title);
    const p = byKey.get(key);
    if (parent[i] === null && m.subtitle && p !== undefined) {
      const pkg = measures[p]!;
      const share =
        m.amount.kind === 'none' ||
        (m.amount.kind === 'own' && pkg.amount.kind === 'own' && m.amount.yen! <= pkg.amount.yen!);
      if (!pkg.subtitle && share) parent[i] = p;
    }
    if (!byKey.has(key)) byKey.set(key, i);
  });
  measures.forEach((m, i) => {
    if (parent[i] !== null || m.amount.kind !== 'part_of' || !m.amount.fund) return;
    const fundKey = titleKey(m.amount.fund);
    let best: number | null = null;
    measures.forEach((o, j) => {
      if (j === i || o.amount.kind !== 'own') return;
      const k = titleKey(o.title);
      if (
        k.length >= 6 &&
        fundKey.includes(k) &&
        (best === null || k.length > titleKey(measures[best]!.title).length)
      )
        best = j;
    });
    // a pot named only by its figure, the measure's sub-name naming the pot's measure: `認知症総合支援事業（地域支援事業）` `86億円の内数`
    if (best === null && m.subtitle) {
      const subKey = titleKey(m.subtitle);
      measures.forEach((o, j) => {
        const k = titleKey(o.title);
        if (
          best === null &&
          j !== i &&
          o.amount.kind === 'own' &&
          k.length >= 4 &&
          (k === subKey || k.startsWith(subKey))
        )
          best = j;
      });
    }
    if (best === null) {
      const pot = parseFigure(m.amount.fund);
      if (pot !== null && fundKey.replace(/[\d,.億百万千円約の]/gu, '') === '') {
        for (let j = i - 1; j >= 0; j--) {
          const o = measures[j]!;
          // the pot is the measure's own amount (not a figure printed beside it, such as its prior year's)
          if (o.amount.kind === 'own' && o.amount.yen === pot) {
            best = j;
            break;
          }
        }
      }
    }
    if (best !== null && parent[best] === null) parent[i] = best;
  });
  // exact sums of following measures
  for (let i = 0; i < measures.length; i++) {
    const total = measures[i]!.amount.yen;
    if (parent[i] !== null || total === null || measures[i]!.amount.kind !== 'own') continue;
    let sum = 0;
    let ownCount = 0;
    for (let j = i + 1; j < measures.length && j <= i + 12; j++) {
      const m = measures[j]!;
      if (parent[j] !== null && parent[j] !== i) break;
      if (m.amount.kind === 'own') {
        sum += m.amount.yen!;
        ownCount++;
      }
      if (sum > total) break;
      if (sum === total && ownCount >= 2) {
        for (let c = i + 1; c <= j; c++) if (parent[c] === null) parent[c] = i;
        break;
      }
    }
  }
  return parent;
}
