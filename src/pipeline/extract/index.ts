/**
 * One document's text → its measures. The steps, in order, each a pure
 * function of the document and the previous step's output:
 *
 *   find anchors (every budget-amount line is a measure)
 *   → group components (amount lines inside another measure's page)
 *   → titles (main measures) → regions → titles (components)
 *   → bureaus → sections and facts → parents
 *
 * The document's family (families/) says how its pages are laid out. Ids
 * and URLs are assigned afterwards (src/pipeline/ids/assign.ts).
 */
import type { DocumentResult, MeasureRecord, Problem, SourceMeta } from '../types.ts';
import { foldWidth, titleKey } from '../../lib/normalise.ts';
import { familyOf } from './families/index.ts';
import { NAME_LABEL } from './rules/name-label.ts';
import { pageOfLine, pdfPageStarts, splitPages } from './rules/pages.ts';
import { tidy } from './rules/text.ts';
import { findAnchors } from './steps/find-anchors.ts';
import { findUnpriced } from './steps/find-unpriced.ts';
import { groupComponents } from './steps/group-components.ts';
import { inferParents } from './steps/infer-parents.ts';
import { readBureaus } from './steps/read-bureaus.ts';
import { readDetails } from './steps/read-facts.ts';
import { readEarlierSupplementary } from './steps/read-earlier.ts';
import { readSections, type SectionInput, type SectionResult } from './steps/read-sections.ts';
import { readComponentTitles, readMainTitles } from './steps/read-titles.ts';
import { setRegions } from './steps/set-regions.ts';
import { componentLayout, readComponentSections } from './steps/read-component-sections.ts';
import { deriveName, nameMeasures } from './steps/name-measures.ts';
import type { DocText, WithBureau } from './types.ts';

/** Titles longer than this (characters) are layout debris or garbage: cut and reported. */
export const MAX_TITLE = 200;

/** Developer aid (scripts/dev/trace.ts): how each measure's sections were read, by amount line. */
export const traces = new Map<
  number,
  { start: number; end: number; trace: SectionResult['trace'] }
>();

export function readDocument(text: string, meta: SourceMeta): DocText {
  const lines = text.split('\n');
  const family = familyOf(meta);
  return {
    meta,
    family,
    lines,
    pages: splitPages(lines, family.pagesAfterGaps),
    pdfPages: family.pageBreaks ? pdfPageStarts(lines) : null,
    nameLines: lines.flatMap((l, i) => (NAME_LABEL.test(foldWidth(l)) ? [i] : [])),
  };
}

/** The steps before the sections: each measure's anchor, title, region and bureau. */
export function placeMeasures(doc: DocText): {
  measures: WithBureau[];
  mentions: { line: number; text: string }[];
} {
  const found = findAnchors(doc.lines, doc.meta.budgets);
  const { mentions } = found;
  const anchors = [...found.anchors, ...findUnpriced(doc, found.anchors)].sort(
    (a, b) => a.line - b.line,
  );
  const grouped = groupComponents(doc, anchors);
  const placed = readComponentTitles(doc, setRegions(doc, readMainTitles(doc, grouped)));
  return { measures: readBureaus(doc, placed), mentions };
}

/** The names a sub-title lists in quotes: `「…研修事業」「…支援事業（仮称）」`. */
function quotedNames(subtitle: string | null | undefined): string[] {
  return [...(subtitle ?? '').matchAll(/「([^」]{4,})」/gu)].map((m) => m[1]!);
}

/** What read-sections reads for one measure. */
export function sectionInput(doc: DocText, d: WithBureau): SectionInput {
  const a = d.anchor;
  return {
    lines: doc.lines,
    start: d.start,
    end: d.end,
    header: d.header,
    breaks: new Set([a.line, a.figureLine]),
    family: doc.family,
    role: d.parentIndex === null ? 'measure' : 'component',
    names: [d.title, ...quotedNames(d.subtitle)].filter((n): n is string => !!n).map(titleKey),
  };
}

export function extractDocument(text: string, meta: SourceMeta): DocumentResult {
  const doc = readDocument(text, meta);
  const { measures: withBureau, mentions } = placeMeasures(doc);
  const problems: Problem[] = [];
  const notes: NonNullable<DocumentResult['sectionNotes']> = { unclassified: [], uncertain: [] };
  const measures = withBureau.map((d, i) => toRecord(doc, withBureau, i, problems, notes));
  const parentIndex = inferParents(
    withBureau.map((d) => d.parentIndex),
    measures,
  );
  const names = nameMeasures(measures, parentIndex);
  // a note on an amount line that several measures share belongs to no one of them for sure
  const earlierLines = new Map<number, number>();
  for (const m of measures)
    for (const e of m.earlier_supplementary)
      earlierLines.set(e.line, (earlierLines.get(e.line) ?? 0) + 1);
  for (const m of measures)
    m.earlier_supplementary = m.earlier_supplementary.filter((e) => earlierLines.get(e.line) === 1);
  return {
    meta,
    measures: measures.map((m, i) => ({ ...m, name: names[i]! })),
    parentIndex,
    problems,
    unattributed: mentions.map((m) => ({ line: m.line, text: m.text })),
    sectionNotes: {
      unclassified: [...new Map(notes.unclassified.map((u) => [u.line, u])).values()].sort(
        (a, b) => a.line - b.line,
      ),
      uncertain: [...new Set(notes.uncertain)].sort((a, b) => a - b),
    },
    lineCount: doc.lines.length,
    lines: [...doc.lines],
  };
}

function toRecord(
  doc: DocText,
  all: readonly WithBureau[],
  at: number,
  problems: Problem[],
  notes: NonNullable<DocumentResult['sectionNotes']>,
): MeasureRecord {
  const { lines, meta } = doc;
  const layout = componentLayout(doc, all[at]!);
  const own = layout ? readComponentSections(doc, all, at, layout) : null;
  const d = own ? { ...all[at]!, start: own.start, end: own.end } : all[at]!;
  const a = d.anchor;
  let sections: MeasureRecord['sections'];
  if (own) sections = own.sections;
  else {
    const read = readSections(sectionInput(doc, d));
    if (process.env.TRACE_SECTIONS)
      traces.set(a.figureLine + 1, { start: d.start, end: d.end, trace: read.trace });
    sections = read.sections;
    for (const l of read.unclassified)
      notes.unclassified.push({ line: l + 1, text: lines[l]!.trim() });
    for (const l of read.uncertain) notes.uncertain.push(l + 1);
  }
  let title = d.title;
  const details = readDetails(lines, d.start, Math.max(d.end, d.start));
  if (!title) {
    title = deriveName({ sections, details }, `${a.budget.label}の施策（${d.start + 1}行目）`);
    problems.push({
      code: 'untitled',
      severity: 'warning',
      file: meta.file,
      line: a.line + 1,
      message: `no title printed for this measure; derived "${title}"`,
    });
  }
  if (a.amount.issue)
    problems.push({
      code: 'amount',
      severity: 'warning',
      file: meta.file,
      line: a.figureLine + 1,
      message: a.amount.issue,
    });
  if ([...title].length > MAX_TITLE) {
    problems.push({
      code: 'title-cut',
      severity: 'warning',
      file: meta.file,
      line: (d.titleLine ?? a.line) + 1,
      message: `title of ${[...title].length} characters cut to ${MAX_TITLE}`,
    });
    title = `${[...title].slice(0, MAX_TITLE).join('')}…`;
  }
  const end = Math.max(d.end, d.start);
  return {
    id: '',
    url: '',
    title,
    name: title,
    untitled: d.untitled || !d.title,
    subtitle: d.subtitle,
    parent: null,
    children: [],
    budget: { ...a.budget },
    amount: {
      yen: a.amount.yen,
      kind: a.amount.kind,
      text: a.placement === 'absent' ? '' : a.amount.text || tidy(lines[a.line]!),
      prior_yen: a.amount.prior_yen,
      fund: a.amount.fund,
    },
    bureau: d.bureau,
    tags: [...new Set(d.tags)],
    sections,
    details,
    source: {
      document: meta.id,
      lines: [d.start + 1, end + 1],
      pages: doc.pdfPages
        ? [pageOfLine(doc.pdfPages, d.start + 1), pageOfLine(doc.pdfPages, end + 1)]
        : null,
    },
    title_line: d.titleLine === null ? null : d.titleLine + 1,
    amount_line: a.placement === 'absent' ? null : a.figureLine + 1,
    counted_in: null,
    earlier_supplementary:
      a.placement === 'absent' ? [] : readEarlierSupplementary(lines, a.figureLine, end, a.budget),
  };
}
