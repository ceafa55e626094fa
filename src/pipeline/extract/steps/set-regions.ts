/**
 * Step: each measure's lines. The family's region rule says where a main
 * measure starts: at its header (request pages: badges, title, bureau,
 * amount, then the body) or at its page's first line (or its title, when
 * earlier). It runs to the next measure, and in a policy document only to
 * the end of its amount line's page (the pages after it are policy
 * context). A component spans from the previous amount line of its page to
 * its own amount line.
 */
import { pageOf } from '../rules/pages.ts';
import type { DocText, Placed, Titled } from '../types.ts';
import { isHeaderFirst } from './read-titles.ts';
import { isGroupLabel } from '../rules/debris.ts';
import { foldWidth } from '../../../lib/normalise.ts';

/** A group's catch line (`▶…`, `➤…`, `【○…】`); a `○ …` line may be a list item, so it is not one. */
const isCatchLine = (l: string) => isGroupLabel(l) && /^\s*(?:[▶➢➤]|【\s*[○◯])/u.test(foldWidth(l));

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

export function setRegions(doc: DocText, titled: readonly Titled[]): Placed[] {
  const { lines, pages, family } = doc;
  const headerFirst = isHeaderFirst(doc, titled);
  const start = new Array<number>(titled.length).fill(0);
  const end = new Array<number>(titled.length).fill(0);
  const mainIdx = titled.flatMap((d, i) => (d.parentIndex === null ? [i] : []));

  mainIdx.forEach((di, k) => {
    const d = titled[di]!;
    const a = d.anchor;
    const prevMain = k > 0 ? mainIdx[k - 1]! : null;
    const prev = prevMain !== null ? titled[prevMain]! : null;
    const floor = prev ? prev.anchor.figureLine + 1 : 0;
    let s: number;
    if (d.headerAbove) s = Math.min(...d.header);
    // in a header-first document a measure whose header could not be read still starts at its amount line
    else if (headerFirst)
      s = Math.min(
        a.line,
        d.titleLine !== null && d.titleLine >= a.line - 8 ? d.titleLine : a.line,
      );
    else {
      s = Math.min(pageOf(pages, a.line).start, d.titleLine ?? a.line);
      if (d.titleLine !== null) s = Math.min(s, pageOf(pages, d.titleLine).start);
    }
    s = Math.max(s, floor);
    if (prev?.titleLine != null && prev.titleLine >= s && prev.titleLine < a.line)
      s = prev.titleLine + 1;
    // columns of one table row share one region
    start[di] = prev && prev.anchor.line === a.line ? start[prevMain!]! : s;
  });
  mainIdx.forEach((di, k) => {
    const d = titled[di]!;
    let n = k + 1;
    while (n < mainIdx.length && titled[mainIdx[n]!]!.anchor.line === d.anchor.line) n++;
    let e = n < mainIdx.length ? start[mainIdx[n]!]! - 1 : lines.length - 1;
    if (family.region === 'page-bounded') e = Math.min(e, pageOf(pages, d.anchor.figureLine).end);
    while (e > start[di]! && isBlank(lines[e])) e--;
    // a catch line printed above the next page's header (`▶介護職員等処遇改善加算の取得支援`,
    // `➤…`, `【○…】`) is that group's, not this measure's text
    if (family.region === 'header-above' && n < mainIdx.length)
      while (e > start[di]! && (isBlank(lines[e]) || isCatchLine(lines[e]!))) e--;
    end[di] = e;
  });
  titled.forEach((d, i) => {
    if (d.parentIndex === null) return;
    const prev = titled[i - 1]!;
    const floor = Math.max(titled[d.parentIndex]!.anchor.figureLine, prev.anchor.figureLine) + 1;
    start[i] = Math.max(floor, start[d.parentIndex]!);
    end[i] = d.anchor.figureLine;
  });
  return titled.map((d, i) => ({ ...d, start: start[i]!, end: end[i]! }));
}
