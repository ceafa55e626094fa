/**
 * Step (components only): the sections of a sub-project printed in one of
 * the request's compact layouts, read from the sub-project's own lines
 * instead of from its page's boxes (whose 目的 is the page's, not the
 * sub-project's):
 *
 * - `fields`: `(主な事業) 名／令和7年度概算要求額: 1,291億円／実施主体: 都道府県／補助率: 1/2／実績(…): 104万人`
 *   under a numbered item `（1）…`: the item's description lines are the
 *   overview, the fields after the figure the scheme (実施主体, 補助率 …) and
 *   the outcome (実績);
 * - `row`: a table row `| ・ 項目 | 等 | 令和7年度概算要求額` whose figure is on
 *   the next line, with more `| ・ 項目 | | |` rows below it: the items are
 *   the overview;
 * - `header`: a numbered sub-project line carrying its own figure,
 *   `①名 …（令和7年度概算要求額）1.3億円`, with its text below it up to the next
 *   sub-project or the end of the page's text: requirement lines
 *   (`【実施主体】…`) are the scheme, 実績 lines the outcome, the rest the overview.
 *
 * A component of none of these layouts (a breakdown row printed as a label
 * and a figure) keeps the page's reading (read-sections).
 */
import { foldWidth } from '../../../lib/normalise.ts';
import type { Sections } from '../../types.ts';
import { cleanLine, cleanText } from '../rules/clean-text.ts';
import { startsWithRequirement } from '../rules/cues.ts';
import { isDebrisLine, isGroupLabel, TABLE_RULE } from '../rules/debris.ts';
import { pageOf } from '../rules/pages.ts';
import { readHeadings } from '../rules/headings.ts';
import type { SectionKind } from '../rules/section-kinds.ts';
import type { DocText, WithBureau } from '../types.ts';

export type ComponentLayout = 'fields' | 'row' | 'header';

/** A numbered item of a page's list: `（1）難病患者等への医療費助成の実施`. */
const NUMBERED_ITEM = /^[（(]\d{1,2}[)）]/u;
/** A results field or line: `実績(令和4年度末時点の支給認定者数): 104万人`, `【事業実績】…`. */
const RESULTS = /^[【［]?(?:主な)?(?:事業)?実績/u;

/** The layout a component's amount line is printed in, if it is one of the compact ones. */
export function componentLayout(doc: DocText, d: WithBureau): ComponentLayout | null {
  if (d.parentIndex === null) return null;
  const a = d.anchor;
  const raw = foldWidth(doc.lines[a.line]!).trim();
  if (raw.startsWith('|')) {
    const first = raw.slice(1).split('|')[0]!.trim();
    return /^[・･]/u.test(first) && a.figureLine !== a.line ? 'row' : null;
  }
  if (a.placement === 'inline' && /[／/]/u.test(raw)) return 'fields';
  if (a.placement === 'bracketed' && /^[①-⑳]/u.test(raw)) return 'header';
  return null;
}

export interface ComponentSections {
  sections: Sections;
  /** 0-based inclusive lines the sections were read from. */
  start: number;
  end: number;
}

const empty = (): Record<SectionKind, string[]> => ({
  purpose: [],
  overview: [],
  scheme: [],
  outcome: [],
});

function toSections(parts: Record<SectionKind, string[]>): Sections {
  const join = (k: SectionKind) => parts[k].filter((t) => t !== '').join('\n\n');
  return {
    purpose: join('purpose'),
    overview: join('overview'),
    scheme: join('scheme'),
    outcome: join('outcome'),
  };
}

/**
 * Read a component's sections from its own lines. `all` is every measure of
 * the document (for the lines of the component's siblings), `at` its index.
 */
export function readComponentSections(
  doc: DocText,
  all: readonly WithBureau[],
  at: number,
  layout: ComponentLayout,
): ComponentSections {
  const d = all[at]!;
  const a = d.anchor;
  const { lines } = doc;
  const parent = all[d.parentIndex!]!;
  const parts = empty();
  if (layout === 'row') {
    const firstCell = (l: string) =>
      cleanLine(foldWidth(l).trim().slice(1).split('|')[0] ?? '').replace(/\s+等$/u, ' 等');
    const items = [firstCell(lines[a.line]!)];
    let end = a.figureLine;
    for (let j = a.figureLine + 1; j < lines.length; j++) {
      const t = foldWidth(lines[j]!).trim();
      if (!t.startsWith('|') || TABLE_RULE.test(t)) break;
      const cell = firstCell(t);
      if (cell !== '') items.push(cell);
      end = j;
    }
    parts.overview.push(items.filter((t) => t !== '').join('\n'));
    return { sections: toSections(parts), start: a.line, end };
  }
  if (layout === 'fields') {
    const anchorLines = new Set(all.flatMap((m) => [m.anchor.line, m.anchor.figureLine]));
    const floor = Math.max(parent.anchor.figureLine + 1, parent.start);
    const desc: string[] = [];
    let start = a.line;
    for (let j = a.line - 1; j >= floor; j--) {
      const t = foldWidth(lines[j]!).trim();
      if (anchorLines.has(j)) continue;
      if (t === '') continue;
      if (NUMBERED_ITEM.test(t) || readHeadings(lines[j]!, doc.family.headings)) break;
      desc.unshift(lines[j]!);
      start = j;
    }
    parts.overview.push(cleanText(desc));
    const raw = lines[a.figureLine]!;
    const figure = a.amount.text ? raw.indexOf(a.amount.text.split(/\s/u).pop()!) : -1;
    const after = figure >= 0 ? raw.slice(figure) : '';
    const fields = after
      .split('／')
      .slice(1)
      .map((f) => cleanLine(f))
      .filter((f) => f !== '');
    parts.scheme.push(fields.filter((f) => !RESULTS.test(f)).join('／'));
    parts.outcome.push(fields.filter((f) => RESULTS.test(f)).join('／'));
    return { sections: toSections(parts), start, end: a.figureLine };
  }
  // header: the text below, up to the next sibling, the end of the page or the next group's label
  const next = all[at + 1];
  const stop = Math.min(
    next && next.parentIndex === d.parentIndex ? next.anchor.line - 1 : parent.end,
    pageOf(doc.pages, a.line).end,
  );
  let kind: SectionKind = 'overview';
  let run: string[] = [];
  const flush = () => {
    const text = cleanText(run);
    if (text !== '') parts[kind].push(text);
    run = [];
  };
  let end = a.figureLine;
  for (let j = a.figureLine + 1; j <= stop && j < lines.length; j++) {
    const raw = lines[j]!;
    const t = cleanLine(raw);
    if (isGroupLabel(raw)) break;
    if (t === '' || isDebrisLine(raw)) {
      run.push('');
      continue;
    }
    const heading = readHeadings(raw, doc.family.headings);
    const next: SectionKind | null = heading
      ? (heading.headings[0]?.kinds[0] ?? kind)
      : startsWithRequirement(t)
        ? 'scheme'
        : RESULTS.test(t)
          ? 'outcome'
          : kind === 'overview'
            ? 'overview'
            : null;
    if (next !== null && next !== kind) {
      flush();
      kind = next;
    }
    if (!heading) run.push(raw);
    end = j;
  }
  flush();
  return { sections: toSections(parts), start: a.line, end };
}
