/**
 * Turn one source document into measure records.
 *
 * 1. Anchors: every budget-amount line of the document's budget labels is a
 *    measure (anchors.ts). Amount lines inside another measure's page (a
 *    breakdown row, a bracketed sub-item) become that measure's children.
 * 2. Each measure gets a title: a `施策名：` label on its page, a name printed
 *    before the amount on the same line, the line above its bureau block
 *    (budget requests), or else the most title-like line of its page.
 * 3. Its region (source line range) runs from its page start to the next
 *    measure; sections, bureau and badges are read from that region.
 * Ids and URLs are assigned afterwards (ids.ts).
 */
import type { DocumentResult, MeasureRecord, Problem, SourceMeta } from './types.ts';
import { findAnchors, type Anchor } from './anchors.ts';
import { splitPages, pageIndexOf, type Page } from './segment.ts';
import { badgesOf, hasExtension, isBureauLine, isGroupLabel, splitLeadingBadges, stripExtension, tidy, headingKind } from './lines.ts';
import { cleanTitle, readNameLabel, readSubtitleLine, splitSubtitle, titleScore } from './titles.ts';
import { collectSections } from './sections.ts';
import { readDetails } from './details.ts';
import { foldWidth, titleKey } from './normalize.ts';

interface Draft {
  anchor: Anchor | null;
  /** index of the main draft this one is a component of */
  parentIndex: number | null;
  title: string | null;
  subtitle: string | null;
  titleLine: number | null;
  untitled: boolean;
  tags: string[];
  bureau: string | null;
  start: number;
  end: number;
  /** lines used by the header (title, amount, bureau, badges) */
  header: Set<number>;
  /** the title was read from a badges/title/bureau block right above the amount line */
  headerAbove: boolean;
}

const NAME_LABEL = /施\s*策\s*名\s*[:：]/u;

/** Titles longer than this (characters) are layout debris or garbage: cut and reported. */
export const MAX_TITLE = 200;

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

/** The bureau printed on an amount line after the figure: `… 55億円 医政局地域医療計画課`. */
function bureauAfterAmount(line: string, amountText: string): string | null {
  const at = line.indexOf(amountText);
  if (at < 0 || !amountText) return null;
  const rest = stripExtension(line.slice(at + amountText.length)).trim();
  return rest && isBureauLine(rest, false) ? tidy(rest) : null;
}

/**
 * Budget-request layout: badges, title, bureau line(s) with extension, then
 * the amount line. Reads upwards from the amount line.
 */
function readHeaderAbove(lines: readonly string[], from: number, floor: number) {
  const header = new Set<number>();
  const bureauParts: string[] = [];
  let i = from;
  let sawBureau = false;
  let skippedHeading = false;
  for (; i >= floor; i--) {
    const l = lines[i]!;
    if (isBlank(l)) continue;
    // the amount line is sometimes printed after the first section heading
    if (!sawBureau && !skippedHeading && (headingKind(l) || /^\s*※/u.test(l))) {
      skippedHeading = true;
      continue;
    }
    // a division name broken after ・ : 医政局医薬産業振興・ / 医療情報企画課
    if (sawBureau && bureauParts.length && /・$/u.test(l.trim()) && isBureauLine(`${l.trim()}${bureauParts[0]}`, false)) {
      bureauParts[0] = `${tidy(l)}${bureauParts[0]}`;
      header.add(i);
      continue;
    }
    if (/^\s*[(（]\s*[内內]線?\s*[)）]?\s*[\d０-９、,・\s]+[)）]?\s*$/u.test(l)) {
      header.add(i);
      sawBureau = true;
      continue;
    }
    if (isBureauLine(l, !hasExtension(l) && !sawBureau)) {
      bureauParts.unshift(stripExtension(tidy(l)));
      header.add(i);
      sawBureau = true;
      continue;
    }
    break;
  }
  const bureau = sawBureau ? joinBureauParts(bureauParts) : null;
  // title line(s): the next non-blank line above, then badges above it
  let j = i;
  while (j >= floor && isBlank(lines[j])) j--;
  if (j < floor) return sawBureau ? { header, bureau, titleLine: null, title: null, tags: [] as string[] } : null;
  const { tags, rest } = splitLeadingBadges(lines[j]!);
  if (titleScore(rest) === null) return sawBureau ? { header, bureau, titleLine: null, title: null, tags } : null;
  header.add(j);
  let k = j - 1;
  while (k >= floor) {
    if (isBlank(lines[k])) {
      k--;
      continue;
    }
    const b = badgesOf(lines[k]!);
    if (!b) {
      // some pages print the bureau (with its extension) above the badges
      if (!sawBureau && hasExtension(lines[k]!)) {
        const name = stripExtension(tidy(lines[k]!));
        if (isBureauLine(name, false)) {
          header.add(k);
          return { header, bureau: name, titleLine: j, title: rest, tags };
        }
      }
      break;
    }
    tags.unshift(...b);
    header.add(k);
    k--;
  }
  // without a bureau line, only a badge line above makes this a request-style header
  if (!sawBureau && tags.length === 0) return null;
  return { header, bureau, titleLine: j, title: rest, tags };
}

/**
 * Join bureau lines as printed: a bureau alone on a line (`医政局`) runs on
 * into the division below it; separate divisions are listed with 、.
 */
export function joinBureauParts(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.replace(/(局|官房|部)\s+/gu, '$1');
    if (out === '') out = p;
    else if (/(局|官房|部)$/u.test(out)) out += p;
    else out += `、${p}`;
  }
  return out;
}

/** The most title-like line in [lo, hi] (scores in titles.ts plus layout hints), if any scores at least `min`. */
function bestTitleLine(lines: readonly string[], lo: number, hi: number, a: Anchor, min = 3): number | null {
  let best: { i: number; score: number } | null = null;
  for (let i = lo; i <= hi; i++) {
    if (i === a.line || i === a.figureLine) continue;
    const s = titleScore(lines[i]!);
    if (s === null) continue;
    let score = s;
    if (/^ \S/u.test(lines[i]!)) score += 2; // first line of a PDF page
    if (i < a.line) score += 1;
    if (i < a.line && i >= a.line - 3) score += 1; // right above the amount
    const nextText = lines.slice(i + 1, i + 4).find((l) => !isBlank(l));
    if (nextText !== undefined && headingKind(nextText)) score += 1;
    if (nextText !== undefined && readSubtitleLine(nextText)) score += 2; // a name with its sub-name below
    if (best === null || score >= best.score) best = { i, score };
  }
  return best && best.score >= min ? best.i : null;
}

function pageOf(pages: readonly Page[], line: number): Page {
  return pages[pageIndexOf(pages, line)]!;
}

export function extractDocument(text: string, meta: SourceMeta): DocumentResult {
  const lines = text.split('\n');
  const pages = splitPages(lines);
  const { anchors, mentions } = findAnchors(lines, meta.budgets);
  const problems: Problem[] = [];
  const nameLines = lines.flatMap((l, i) => (NAME_LABEL.test(foldWidth(l)) ? [i] : []));
  const claimedNames = new Set<number>();

  // ---- 1. main anchors and components -------------------------------------
  const drafts: Draft[] = [];
  let lastMain = -1;
  for (const a of anchors) {
    let parentIndex: number | null = null;
    if (lastMain >= 0) {
      const prev = drafts[lastMain]!.anchor!;
      const samePage = pageIndexOf(pages, prev.line) === pageIndexOf(pages, a.line);
      const between = (pred: (l: string) => boolean) => lines.slice(prev.figureLine + 1, a.line).some(pred);
      if (a.placement === 'bracketed' || a.placement === 'inline') parentIndex = lastMain;
      else if (
        a.placement === 'line' &&
        samePage &&
        a.prefix === '' &&
        a.figureLine !== a.line && // a breakdown row prints the label alone, the figure below
        !/^\s*[(（]/u.test(lines[a.figureLine]!) &&
        !between((l) => NAME_LABEL.test(l) || hasExtension(l) || isBureauLine(l)) &&
        between((l) => headingKind(l) !== null)
      )
        parentIndex = lastMain;
    }
    drafts.push({
      anchor: a,
      parentIndex,
      title: null,
      subtitle: null,
      titleLine: null,
      untitled: false,
      tags: [],
      bureau: null,
      start: a.line,
      end: a.figureLine,
      header: new Set([a.line, a.figureLine]),
      headerAbove: false,
    });
    if (parentIndex === null) lastMain = drafts.length - 1;
  }

  // ---- 2. titles ------------------------------------------------------------
  const mainIdx = drafts.flatMap((d, i) => (d.parentIndex === null ? [i] : []));
  // header-first layout (budget requests: badges, title, bureau, amount, then
  // the body): most amount lines have a title/bureau block right above
  const headerFirst =
    mainIdx.filter((di) => readHeaderAbove(lines, drafts[di]!.anchor!.line - 1, Math.max(0, drafts[di]!.anchor!.line - 12)) !== null).length * 2 >
    mainIdx.length;
  mainIdx.forEach((di, k) => {
    const d = drafts[di]!;
    const a = d.anchor!;
    const prevMain = k > 0 ? drafts[mainIdx[k - 1]!]! : null;
    const nextMain = k + 1 < mainIdx.length ? drafts[mainIdx[k + 1]!]! : null;
    const floor = prevMain ? Math.max(prevMain.anchor!.figureLine + 1, 0) : 0;
    const page = pageOf(pages, a.line);
    const ceiling = Math.min(nextMain ? nextMain.anchor!.line - 1 : lines.length - 1, page.end);

    if (a.columnTitle) {
      d.title = a.columnTitle;
      d.titleLine = a.line;
      const first = prevMain?.anchor?.line === a.line ? prevMain : null;
      if (first) {
        // later columns of a table row share the first column's header
        d.bureau = first.bureau;
        d.tags.push(...first.tags);
        for (const h of first.header) d.header.add(h);
        d.headerAbove = first.headerAbove;
        return;
      }
    }
    // a name printed before the label on the amount line
    const prefix = tidy(a.prefix.replace(/[【\[]$/u, ''));
    const prefixSub = readSubtitleLine(prefix);
    if (!d.title && prefix && !prefixSub && !isGroupLabel(prefix) && !/】$/u.test(prefix) && titleScore(prefix) !== null) {
      const c = cleanTitle(prefix);
      d.title = c.title;
      d.tags.push(...c.tags);
      d.titleLine = a.line;
    }
    // 施策名：… on the same page (before the amount preferred)
    if (!d.title) {
      // before the amount: anywhere since the previous measure; after it: on the same page only
      const nextLine = nextMain ? nextMain.anchor!.line : lines.length;
      const free = nameLines.filter((n) => !claimedNames.has(n) && n >= floor && n < nextLine);
      const before = free.filter((n) => n < a.line);
      const pick = before.length ? before[before.length - 1]! : free.find((n) => n > a.line && n <= ceiling);
      if (pick !== undefined) {
        claimedNames.add(pick);
        let name = readNameLabel(lines[pick]!) ?? '';
        let next = pick + 1;
        // a name broken over two lines, or the sub-name on the next line
        while (next < lines.length && isBlank(lines[next])) next++;
        const sub = next <= ceiling ? readSubtitleLine(lines[next]!) : null;
        if (name === '') {
          d.untitled = true;
        } else if (sub) {
          d.subtitle = sub;
          d.header.add(next);
        }
        d.title = name || null;
        d.titleLine = pick;
        d.header.add(pick);
      }
    }
    // budget-request layout: title, bureau, amount
    const above = readHeaderAbove(lines, a.line - 1, Math.max(floor, page.start - 40));
    if (above) {
      for (const h of above.header) d.header.add(h);
      d.bureau ??= above.bureau || null;
      d.tags.push(...above.tags);
      if (!d.title && above.title) {
        d.title = above.title;
        d.titleLine = above.titleLine;
        d.headerAbove = true;
      }
    }
    // otherwise: the most title-like line of the page, else of the lines since the previous measure
    if (!d.title && !d.untitled) {
      const pageLo = Math.max(page.start, floor);
      const best = bestTitleLine(lines, pageLo, ceiling, a) ?? (headerFirst ? null : bestTitleLine(lines, floor, pageLo - 1, a, 5));
      if (best !== null) {
        d.title = tidy(lines[best]!);
        d.titleLine = best;
      }
    }
    if (prefixSub) d.subtitle ??= prefixSub;
    if (d.title) {
      const c = cleanTitle(d.title);
      d.title = c.title;
      d.tags.push(...c.tags);
      if (!d.subtitle) {
        const s = splitSubtitle(d.title);
        d.title = s.title;
        d.subtitle = s.subtitle;
      }
      if (d.titleLine !== null) d.header.add(d.titleLine);
      // a sub-name printed on the line after the title
      if (!d.subtitle && d.titleLine !== null && d.titleLine !== a.line) {
        let n = d.titleLine + 1;
        while (n < lines.length && isBlank(lines[n])) n++;
        const sub = n !== a.line ? readSubtitleLine(lines[n] ?? '') : null;
        if (sub && sub.length >= 6) {
          d.subtitle = sub;
          d.header.add(n);
        }
      }
    } else {
      d.untitled = true;
    }
  });

  // ---- 3. regions -----------------------------------------------------------
  // In a header-first document a measure whose header could not be read
  // still starts at its amount line, not at the top of the page.
  mainIdx.forEach((di, k) => {
    const d = drafts[di]!;
    const a = d.anchor!;
    const prevMain = k > 0 ? drafts[mainIdx[k - 1]!]! : null;
    const floor = prevMain ? prevMain.anchor!.figureLine + 1 : 0;
    // request layout (badges, title, bureau, amount, then the body): the
    // measure starts at its header; otherwise at the start of its page.
    let start: number;
    if (d.headerAbove) start = Math.min(...d.header);
    else if (headerFirst) start = Math.min(a.line, d.titleLine !== null && d.titleLine >= a.line - 8 ? d.titleLine : a.line);
    else {
      start = Math.min(pageOf(pages, a.line).start, d.titleLine ?? a.line);
      if (d.titleLine !== null) start = Math.min(start, pageOf(pages, d.titleLine).start);
    }
    start = Math.max(start, floor);
    if (prevMain?.titleLine != null && prevMain.titleLine >= start && prevMain.titleLine < a.line) start = prevMain.titleLine + 1;
    // columns of one table row share one region
    d.start = prevMain && prevMain.anchor!.line === a.line ? prevMain.start : start;
  });
  mainIdx.forEach((di, k) => {
    const d = drafts[di]!;
    let n = k + 1;
    while (n < mainIdx.length && drafts[mainIdx[n]!]!.anchor!.line === d.anchor!.line) n++;
    const next = n < mainIdx.length ? drafts[mainIdx[n]!]! : null;
    d.end = next ? next.start - 1 : lines.length - 1;
    // in a policy document the pages after a measure are policy context, not the measure
    if (meta.kind === 'policy') d.end = Math.min(d.end, pageOf(pages, d.anchor!.figureLine).end);
    while (d.end > d.start && isBlank(lines[d.end])) d.end--;
  });
  // components: from the previous amount line of their page to their own amount line
  drafts.forEach((d, i) => {
    if (d.parentIndex === null) return;
    const a = d.anchor!;
    const parent = drafts[d.parentIndex]!;
    const prev = drafts[i - 1]!;
    const floor = Math.max(parent.anchor!.figureLine, prev.anchor!.figureLine) + 1;
    d.start = Math.max(floor, parent.start);
    d.end = a.figureLine;
    if (a.columnTitle) d.title = a.columnTitle;
    const pre = tidy(
      a.prefix
        .replace(/[(（／/|]\s*$/u, '')
        .replace(/^\s*[-*]\s*/u, '')
        .replace(/^[(（]主な事業[)）]\s*/u, '')
        .replace(/^[①-⑳]\s*/u, ''),
    );
    const firstCell = tidy(pre.split('|').filter((c) => c.trim())[0] ?? '');
    if (!d.title && pre && titleScore(pre) !== null) {
      d.title = pre;
      d.titleLine = a.line;
    } else if (!d.title && firstCell && titleScore(firstCell.replace(/^・\s*/u, '')) !== null && !firstCell.startsWith('・')) {
      d.title = firstCell;
      d.titleLine = a.line;
    }
    if (!d.title) {
      // the nearest title-like line above, within the component's span
      for (let j = a.line - 1; j >= d.start; j--) {
        const t = lines[j]!;
        if (isBlank(t) || /^\s*[-|]/u.test(t)) continue;
        if (titleScore(t) !== null) {
          d.title = tidy(t);
          d.titleLine = j;
          break;
        }
      }
    }
    if (d.title) {
      const c = cleanTitle(d.title.replace(/^[①-⑳]\s*/u, ''));
      d.title = c.title;
      d.tags.push(...c.tags);
      if (d.titleLine !== null) d.header.add(d.titleLine);
    } else d.untitled = true;
    d.bureau = parent.bureau;
  });

  // ---- 4. bureau and badges inside the region ------------------------------
  for (const d of drafts) {
    if (d.parentIndex !== null) continue;
    const a = d.anchor!;
    d.bureau ??= bureauAfterAmount(lines[a.figureLine]!, a.amount.text);
    // a request-style header names its bureau right above the amount, or none
    if (!d.bureau && !d.headerAbove) {
      for (let i = d.start; i <= d.end; i++) {
        const l = lines[i]!;
        if (!hasExtension(l)) continue;
        const beforeExt = l.split(/[(（]\s*内線/u)[0]!;
        const parts: string[] = [];
        if (beforeExt.trim() && isBureauLine(beforeExt, false)) parts.push(stripExtension(tidy(beforeExt)));
        // bureau name(s) on the line(s) above an extension-only line
        for (let j = i - 1; j >= d.start && parts.length === 0 && j >= i - 2; j--) {
          if (isBlank(lines[j])) continue;
          if (isBureauLine(lines[j]!, false)) parts.unshift(stripExtension(tidy(lines[j]!)));
          break;
        }
        if (parts.length) {
          d.bureau = joinBureauParts(parts);
          d.header.add(i);
          break;
        }
      }
    }
  }

  // ---- 5. records ----------------------------------------------------------
  const measures: MeasureRecord[] = drafts.map((d) => {
    const a = d.anchor!;
    const { sections, lead } = collectSections({ lines, start: d.start, end: d.end, skip: d.header });
    if (!sections.purpose && lead) {
      sections.purpose = lead;
    } else if (lead && !sections.overview) {
      sections.overview = lead;
    }
    let title = d.title;
    if (!title) {
      const firstSentence = (sections.purpose || sections.overview || lead).split(/[。\n]/u)[0] ?? '';
      title = firstSentence.length > 40 ? `${firstSentence.slice(0, 40)}…` : firstSentence || `${a.budget.label}の施策（${d.start + 1}行目）`;
      problems.push({ file: meta.file, line: a.line + 1, message: `no title printed for this measure; derived "${title}"` });
    }
    if (a.amount.issue) problems.push({ file: meta.file, line: a.figureLine + 1, message: a.amount.issue });
    if ([...title].length > MAX_TITLE) {
      problems.push({ file: meta.file, line: (d.titleLine ?? a.line) + 1, message: `title of ${[...title].length} characters cut to ${MAX_TITLE}` });
      title = `${[...title].slice(0, MAX_TITLE).join('')}…`;
    }
    const amountText = a.amount.text || tidy(lines[a.line]!);
    return {
      id: '',
      url: '',
      title,
      untitled: d.untitled || !d.title,
      subtitle: d.subtitle,
      parent: null,
      children: [],
      budget: { ...a.budget },
      amount: { yen: a.amount.yen, kind: a.amount.kind, text: amountText, prior_yen: a.amount.prior_yen, fund: a.amount.fund },
      bureau: d.bureau,
      tags: [...new Set(d.tags)],
      sections,
      details: readDetails(lines, d.start, Math.max(d.end, d.start)),
      source: { document: meta.id, lines: [d.start + 1, Math.max(d.end, d.start) + 1] },
      title_line: d.titleLine === null ? null : d.titleLine + 1,
      amount_line: a.figureLine + 1,
    } satisfies MeasureRecord;
  });

  // ---- 6. hierarchy (by index; ids.ts turns indexes into ids) --------------
  const parentOf = inferParents(drafts, measures);

  return {
    meta,
    measures,
    parentIndex: parentOf,
    problems,
    unattributed: mentions.map((m) => ({ line: m.line, text: m.text })),
    lineCount: lines.length,
    lines: [...lines],
  };
}

/**
 * Package structure, by index into `measures`:
 * - components found inside a measure's page belong to it;
 * - a measure repeating an earlier measure's title with a sub-name belongs to it;
 * - a part_of measure whose fund names another measure (by title, or by its
 *   exact amount when the fund is only a figure) belongs to it;
 * - measures following a measure whose own amounts add up exactly to its
 *   amount belong to it.
 */
function inferParents(drafts: readonly Draft[], measures: readonly MeasureRecord[]): (number | null)[] {
  const parent: (number | null)[] = drafts.map((d) => d.parentIndex);
  // sub-measure pages repeat their package's name and add a sub-name; their
  // own amount is a share of the package's (a 内数 page is matched by its fund below)
  const byKey = new Map<string, number>();
  measures.forEach((m, i) => {
    const key = titleKey(m.title);
    const p = byKey.get(key);
    if (parent[i] === null && m.subtitle && p !== undefined) {
      const pkg = measures[p]!;
      const share = m.amount.kind === 'none' || (m.amount.kind === 'own' && pkg.amount.kind === 'own' && m.amount.yen! <= pkg.amount.yen!);
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
      if (k.length >= 6 && fundKey.includes(k) && (best === null || k.length > titleKey(measures[best]!.title).length)) best = j;
    });
    if (best === null) {
      const figure = /(\d[\d,.]*)\s*(億|百万|万|千)?円/u.exec(foldWidth(m.amount.fund));
      if (figure && fundKey.replace(/[\d,.億百万千円約の]/gu, '') === '') {
        for (let j = i - 1; j >= 0; j--) {
          const o = measures[j]!;
          if (o.amount.kind === 'own' && o.amount.text.includes(figure[0])) {
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
