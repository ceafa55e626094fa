/**
 * Figures printed twice in one document: a breakdown row inside one measure's page
 * (`| 歯科健診 | 8.7億円 | （7.8億円） |`, `・健康診査 32.5億円（32.5億円）`) that is also a measure
 * of its own elsewhere in the document. The row's amount is part of the measure's printed
 * amount, so adding both would count it twice: the repeated measure records where its figure
 * is already included (`counted_in`), and the totals (totals.ts) count it once.
 *
 * Evidence, all of it required: the same document; the same figure; the row's name (two
 * characters or more) contained in the other measure's title or name, or the same printed
 * prior-year figure as well; neither measure a package of the other; the row outside the
 * other measure's own lines.
 */
import { foldWidth, titleKey } from '../../lib/normalise.ts';
import { FIGURE_SOURCE, parseFigure } from '../extract/rules/amounts.ts';
import type { DocumentResult, MeasureRecord } from '../types.ts';
import { hasOwnAmount } from './totals.ts';

/** One repeated figure: the row of `in` at `line` is the measure `measure`. */
export interface Repeat {
  document: string;
  /** The measure whose page prints the row. */
  in: string;
  /** 1-based line of the row. */
  line: number;
  /** The row's name as printed. */
  row: string;
  /** The measure of its own that the row repeats. */
  measure: string;
  yen: number;
}

/** A figure with its optional parenthesised prior figure right after it. */
const ROW_FIGURE = new RegExp(
  `(${FIGURE_SOURCE})(?:\\s*\\|?\\s*[（(]\\s*((?:約\\s*)?\\d[^）)]*?円)\\s*[）)])?`,
  'gu',
);

/** A row's name: the run of words that ends its cell, right before the figure. */
const NAME_TAIL =
  /([\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー々・A-Za-z0-9（）()]{2,40})$/u;

/** The rows of one line: each figure with the name printed right before it. */
export function rowsOf(line: string): { name: string; yen: number; prior: number | null }[] {
  const s = foldWidth(line);
  const rows: { name: string; yen: number; prior: number | null }[] = [];
  let from = 0;
  for (const m of s.matchAll(ROW_FIGURE)) {
    const cell = s.slice(from, m.index).replace(/[\s|:：…‥・-]+$/u, '');
    from = m.index + m[0].length;
    const last = cell.split(/[|、。：:，,]/u).pop() ?? '';
    const name = NAME_TAIL.exec(last.replace(/^[\s\-・○●◯◎■□◆◇①-⑳（(\d）)]+/u, ''))?.[1];
    // a pot the row is a part of (`97億円の内数`) is not the row's own figure
    if (/^\s*の?内数/u.test(s.slice(from))) continue;
    const yen = parseFigure(m[1]!);
    if (!name || yen === null || yen === 0) continue;
    const prior = m[2] ? parseFigure(m[2]) : null;
    rows.push({ name: name.replace(/[（(][^）)]*$/u, ''), yen, prior });
  }
  return rows;
}

function ancestors(r: MeasureRecord, byId: ReadonlyMap<string, MeasureRecord>): Set<string> {
  const out = new Set<string>();
  for (let p = r.parent; p !== null && !out.has(p); p = byId.get(p)?.parent ?? null) out.add(p);
  return out;
}

/** Find one document's repeated figures (its records' ids assigned). */
export function findRepeats(result: DocumentResult): Repeat[] {
  const lines = result.lines;
  if (!lines) return [];
  const own = result.measures.filter(hasOwnAmount);
  const byId = new Map(result.measures.map((r) => [r.id, r]));
  const up = new Map(own.map((r) => [r.id, ancestors(r, byId)]));
  const repeats: Repeat[] = [];
  const taken = new Set<string>();
  for (const a of own) {
    const [start, end] = a.source.lines;
    for (let n = start; n <= end; n++) {
      if (n === a.amount_line) continue;
      for (const row of rowsOf(lines[n - 1] ?? '')) {
        if (row.yen >= a.amount.yen) continue;
        const key = titleKey(row.name);
        const match = own.find(
          (b) =>
            b.id !== a.id &&
            !taken.has(b.id) &&
            b.amount.yen === row.yen &&
            !up.get(a.id)!.has(b.id) &&
            !up.get(b.id)!.has(a.id) &&
            (n < b.source.lines[0] || n > b.source.lines[1]) &&
            !(
              row.prior !== null &&
              b.amount.prior_yen !== null &&
              row.prior !== b.amount.prior_yen
            ) &&
            ((key.length >= 2 && [b.title, b.name].some((t) => titleKey(t).includes(key))) ||
              (row.prior !== null && row.prior === b.amount.prior_yen)),
        );
        if (!match) continue;
        taken.add(match.id);
        repeats.push({
          document: result.meta.id,
          in: a.id,
          line: n,
          row: row.name,
          measure: match.id,
          yen: row.yen,
        });
      }
    }
  }
  return repeats;
}
