/**
 * Step: measure pages printed without an amount line. A request page opens
 * with its header (badges, title, the division with its extension number),
 * then the amount, then `1 事業の目的`; a page whose header is followed by
 * `1 事業の目的` with no amount in between (a revision of a grant scheme, a
 * programme whose figure is printed as an image) is a measure of its own,
 * with no figure. Each such page gets an anchor of placement `absent` at
 * its first heading, so that the title rules read its header as for any
 * other page, and its text is no longer read as the previous page's.
 *
 * Only families whose pages begin with a header above the amount
 * (region `header-above`) print this convention; elsewhere a page without an
 * amount continues the measure before it.
 */
import { hasExtension } from '../rules/extension.ts';
import { readHeadings } from '../rules/headings.ts';
import type { DocText } from '../types.ts';
import type { Anchor } from './find-anchors.ts';

/** How far above its first heading a page's header (the division line) may be printed, in non-blank lines. */
const HEADER_SPAN = 6;

export function findUnpriced(doc: DocText, anchors: readonly Anchor[]): Anchor[] {
  const { lines, family, meta } = doc;
  if (family.region !== 'header-above' || meta.budgets.length === 0) return [];
  const amountLines = new Set(anchors.flatMap((a) => [a.line, a.figureLine]));
  const opens = (i: number) =>
    readHeadings(lines[i]!, family.headings, family.headingForms)?.headings.some((h) =>
      h.kinds.includes('purpose'),
    ) ?? false;
  const out: Anchor[] = [];
  let sinceAmount = 0; // purpose headings since the last amount line
  for (let i = 0; i < lines.length; i++) {
    if (amountLines.has(i)) sinceAmount = 0;
    if (!opens(i)) continue;
    sinceAmount++;
    if (sinceAmount < 2 || !headerAbove(lines, i, amountLines)) continue;
    // the amount may be printed just below the heading (`1 事業の目的` / `令和7年度概算要求額 …`)
    if (amountBelow(doc, i, amountLines)) continue;
    out.push({
      line: i,
      figureLine: i,
      budget: meta.budgets[0]!,
      amount: { kind: 'none', yen: null, prior_yen: null, fund: null, text: '' },
      prefix: '',
      columnTitle: null,
      placement: 'absent',
    });
  }
  return out;
}

/** Is an amount line printed after line `at` before the page's next heading? */
function amountBelow(doc: DocText, at: number, amountLines: ReadonlySet<number>): boolean {
  for (let j = at + 1; j < doc.lines.length; j++) {
    if (amountLines.has(j)) return true;
    if (readHeadings(doc.lines[j]!, doc.family.headings, doc.family.headingForms)) return false;
  }
  return false;
}

/** Is a division line with its extension number printed right above line `at`, with no amount in between? */
function headerAbove(
  lines: readonly string[],
  at: number,
  amountLines: ReadonlySet<number>,
): boolean {
  let seen = 0;
  for (let j = at - 1; j >= 0 && seen < HEADER_SPAN; j--) {
    if (amountLines.has(j)) return false;
    if (lines[j]!.trim() === '') continue;
    seen++;
    if (hasExtension(lines[j]!)) return true;
  }
  return false;
}
