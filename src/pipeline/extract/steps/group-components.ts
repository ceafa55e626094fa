/**
 * Step: tell main measures from components. An amount line printed inside
 * another measure's page is a component of it (a breakdown row, a
 * bracketed sub-item, a sub-project listed with its own figure):
 *
 * - bracketed or inline: `（うち令和６年度補正予算案 …）`, `… ／ 令和7年度概算要求額 …`;
 * - a breakdown row: on the same page, after a section heading, the label
 *   alone with its figure on the next line, no name label, division or
 *   extension line in between.
 */
import { pageIndexOf } from '../rules/pages.ts';
import { NAME_LABEL } from '../rules/name-label.ts';
import { hasExtension } from '../rules/extension.ts';
import { isBureauLine } from '../rules/bureau.ts';
import { readHeadings } from '../rules/headings.ts';
import type { DocText, Grouped } from '../types.ts';
import type { Anchor } from './find-anchors.ts';

export function groupComponents(doc: DocText, anchors: readonly Anchor[]): Grouped[] {
  const { lines, pages, family } = doc;
  const out: Grouped[] = [];
  let lastMain = -1;
  for (const a of anchors) {
    let parentIndex: number | null = null;
    if (lastMain >= 0) {
      const prev = out[lastMain]!.anchor;
      const samePage = pageIndexOf(pages, prev.line) === pageIndexOf(pages, a.line);
      const between = (pred: (l: string) => boolean) =>
        lines.slice(prev.figureLine + 1, a.line).some(pred);
      if (a.placement === 'bracketed' || a.placement === 'inline') parentIndex = lastMain;
      else if (
        a.placement === 'line' &&
        samePage &&
        a.prefix === '' &&
        a.figureLine !== a.line && // a breakdown row prints the label alone, the figure below
        !/^\s*[(（]/u.test(lines[a.figureLine]!) &&
        !between((l) => NAME_LABEL.test(l) || hasExtension(l) || isBureauLine(l)) &&
        between((l) => readHeadings(l, family.headings) !== null)
      )
        parentIndex = lastMain;
    }
    out.push({ anchor: a, parentIndex });
    if (parentIndex === null) lastMain = out.length - 1;
  }
  return out;
}
