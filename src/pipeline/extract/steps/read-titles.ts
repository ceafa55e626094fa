/**
 * Step: each measure's name, badges and header lines.
 *
 * A main measure's name is read by the family's title rules in order, the
 * first that finds one winning: a project name in its table column; a name
 * printed before the budget label on the amount line; a `施策名：` label on its
 * page (before the amount preferred); a badges / title / bureau block right
 * above the amount line (the request pages); the most title-like line of the
 * page. A component's name is read once its region is known
 * (readComponentTitles).
 */
import { foldWidth } from '../../../lib/normalise.ts';
import { badgesOf, splitLeadingBadges } from '../rules/badges.ts';
import { isBureauLine, joinBureauParts } from '../rules/bureau.ts';
import { isGroupLabel } from '../rules/debris.ts';
import { EXTENSION_ONLY, hasExtension, stripExtension } from '../rules/extension.ts';
import { readHeadings } from '../rules/headings.ts';
import { isPageStartLine, pageOf } from '../rules/pages.ts';
import {
  breaksOff,
  cleanTitle,
  dropBudgetItem,
  readNameLabel,
  readSubtitleLine,
  splitSubtitle,
  titleScore,
} from '../rules/titles.ts';
import { tidy } from '../rules/text.ts';
import type { FamilyProfile, TitleRule } from '../families/types.ts';
import type { DocText, Grouped, Placed, Titled } from '../types.ts';
import type { Anchor } from './find-anchors.ts';

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/** A bureau's name at a line start: `老健局…`, `障害保健福祉部…`, `大臣官房…` (not the 局 of 薬局: it follows a kanji of a word). */
const BUREAU_START = /^(?:大臣官房|[^\s、・]{1,8}(?<!薬)局(?!長)|[^\s、・]{2,8}(?<![学])部)/u;
/** The last word of a measure's name, never of a division: `…事業`, `…推進`. */
const TITLE_END = /(?:事業|推進|支援|整備|対策|確保|補助|交付|基金|強化|構築)$/u;

interface HeaderAbove {
  header: Set<number>;
  bureau: string | null;
  titleLine: number | null;
  title: string | null;
  tags: string[];
}

/**
 * Budget-request layout: badges, title, bureau line(s) with extension, then
 * the amount line. Reads upwards from the amount line.
 */
export function readHeaderAbove(
  lines: readonly string[],
  from: number,
  floor: number,
  family: FamilyProfile,
): HeaderAbove | null {
  const header = new Set<number>();
  const bureauParts: string[] = [];
  let i = from;
  let sawBureau = false;
  let skippedHeading = false;
  for (; i >= floor; i--) {
    const l = lines[i]!;
    if (isBlank(l)) continue;
    // the amount line is sometimes printed after the first section heading
    if (!sawBureau && !skippedHeading && (readHeadings(l, family.headings) || /^\s*※/u.test(l))) {
      skippedHeading = true;
      continue;
    }
    // a division name broken over two lines: 医政局医薬産業振興・ / 医療情報企画課, 老健局認知症施策・地域介護 / 推進課
    const joined = `${tidy(l)}${bureauParts[0] ?? ''}`;
    const broken =
      /・$/u.test(l.trim()) || (BUREAU_START.test(tidy(l)) && !TITLE_END.test(tidy(l)));
    if (
      sawBureau &&
      bureauParts.length &&
      broken &&
      !isBureauLine(l, false) &&
      isBureauLine(joined, false)
    ) {
      bureauParts[0] = `${tidy(l)}${bureauParts[0]}`;
      header.add(i);
      continue;
    }
    if (EXTENSION_ONLY.test(foldWidth(l).trim())) {
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
  // title line(s) above the bureau, then badges above them. When badges head the block, the
  // name is the first line below them and the lines between it and the bureau are a catch
  // line or the budget item (`新規` / name / `共生に向けた…の推進` / bureau)
  const above = (from: number) => {
    let k = from;
    while (k >= floor && isBlank(lines[k])) k--;
    return k;
  };
  const titles: number[] = [];
  let tags: string[] = [];
  let k = above(i);
  while (k >= floor && titles.length < 3) {
    const { tags: t, rest } = splitLeadingBadges(lines[k]!);
    if (badgesOf(lines[k]!) || titleScore(rest) === null || isGroupLabel(lines[k]!)) break;
    titles.push(k);
    if (t.length) {
      tags = t;
      break; // badges printed before the name on its own line
    }
    k = above(k - 1);
  }
  if (titles.length === 0)
    return sawBureau ? { header, bureau, titleLine: null, title: null, tags: [] } : null;
  // badges above the name
  let b = tags.length ? null : k >= floor ? badgesOf(lines[k]!) : null;
  while (b && k >= floor) {
    tags.unshift(...b);
    header.add(k);
    k = above(k - 1);
    b = k >= floor ? badgesOf(lines[k]!) : null;
  }
  const badged = tags.length > 0;
  // the name: the first line below the badges, else the line right above the bureau
  const j = badged ? titles[titles.length - 1]! : titles[0]!;
  for (const t of titles) if (t >= j) header.add(t);
  // some pages print the bureau (with its extension) above the badges or above the name, or
  // above a catch line over the badges; the line printed above that bureau is a catch line,
  // the name is the one below the badges
  if (!sawBureau) {
    const k2 = badged && k >= floor ? above(k - 1) : -1;
    for (const at of [k, k2]) {
      if (at < floor || !hasExtension(lines[at]!)) continue;
      const name = stripExtension(tidy(lines[at]!));
      if (!isBureauLine(name, false)) continue;
      header.add(at);
      if (at === k2) header.add(k); // the catch line between the bureau and the badges
      return {
        header,
        bureau: name,
        titleLine: j,
        title: splitLeadingBadges(lines[j]!).rest,
        tags,
      };
    }
  }
  // without a bureau line, only a badge line above makes this a request-style header
  if (!sawBureau && !badged) return null;
  return { header, bureau, titleLine: j, title: splitLeadingBadges(lines[j]!).rest, tags };
}

/** The start of a line that continues the sentence of the line before it. */
const SENTENCE_GOES_ON =
  /^(?:する|した|して|される|された|させ|すること|ことが|ことを|ことに|ものと|ものである|ため|により|によって|ている|ていく)/u;

/** How title-like line i is (scores in titles.ts plus layout hints), or null when it is no name. */
function titleLineScore(
  lines: readonly string[],
  i: number,
  a: Anchor,
  family: FamilyProfile,
  pageTop: number | null = null,
): number | null {
  if (i === a.line || i === a.figureLine) return null;
  const s = titleScore(lines[i]!);
  if (s === null) return null;
  let score = s;
  // first line of a PDF page (by its one-space mark, or the first line after a page's gap)
  if (isPageStartLine(lines[i]!) || i === pageTop) score += 2;
  if (i < a.line) score += 1;
  if (i < a.line && i >= a.line - 3) score += 1; // right above the amount
  const nextText = lines.slice(i + 1, i + 4).find((l) => !isBlank(l));
  // a sentence broken over lines: `就業規則等に、テレワークに関する制度を規定` / `することが必要`
  if (nextText !== undefined && SENTENCE_GOES_ON.test(tidy(nextText))) return null;
  if (nextText !== undefined && readHeadings(nextText, family.headings)) score += 1;
  if (nextText !== undefined && readSubtitleLine(nextText)) score += 2; // a name with its sub-name below
  return score;
}

/** The most title-like line in [lo, hi], if any scores at least `min`. */
function bestTitleLine(
  lines: readonly string[],
  lo: number,
  hi: number,
  a: Anchor,
  family: FamilyProfile,
  min = 3,
  pageTop: number | null = null,
): { i: number; score: number } | null {
  let best: { i: number; score: number } | null = null;
  for (let i = lo; i <= hi; i++) {
    const score = titleLineScore(lines, i, a, family, pageTop);
    if (score !== null && (best === null || score >= best.score)) best = { i, score };
  }
  return best && best.score >= min ? best : null;
}

/** The first non-blank line in lo..hi, if any. */
function firstLine(lines: readonly string[], lo: number, hi: number): number | null {
  for (let i = lo; i <= hi; i++) if (!isBlank(lines[i])) return i;
  return null;
}

/** How much more a name opening a run of pages counts than a name on the amount's own page. */
const TOP_BONUS = 3;

/** A part number closing a name: `…非正規雇用労働者支援②`. */
const PART_NUMBER = /[①-⑳]$/u;

/** The header-first layout (budget requests): most amount lines have a title/bureau block right above. */
export function isHeaderFirst(doc: DocText, grouped: readonly Grouped[]): boolean {
  const mains = grouped.filter((g) => g.parentIndex === null);
  const above = mains.filter(
    (g) =>
      readHeaderAbove(doc.lines, g.anchor.line - 1, Math.max(0, g.anchor.line - 12), doc.family) !==
      null,
  );
  return above.length * 2 > mains.length;
}

/** A measure's name and header while the title rules fill them in. */
type Draft = { -readonly [K in Exclude<keyof Titled, keyof Grouped>]: Titled[K] } & {
  header: Set<number>;
  tags: string[];
};

/** Names of the main measures; components get theirs in readComponentTitles. */
export function readMainTitles(doc: DocText, grouped: readonly Grouped[]): Titled[] {
  const { lines, pages, family, nameLines } = doc;
  const headerFirst = isHeaderFirst(doc, grouped);
  const claimedNames = new Set<number>();
  const groupNames = groupNamesOf(lines);
  const mainIdx = grouped.flatMap((g, i) => (g.parentIndex === null ? [i] : []));
  const drafts: Draft[] = grouped.map((g) => ({
    title: null,
    subtitle: null,
    titleLine: null,
    untitled: false,
    tags: [],
    headerBureau: null,
    header: new Set([g.anchor.line, g.anchor.figureLine]),
    headerAbove: false,
  }));

  mainIdx.forEach((di, k) => {
    const d = drafts[di]!;
    const a = grouped[di]!.anchor;
    const prevMain = k > 0 ? mainIdx[k - 1]! : null;
    const nextMain = k + 1 < mainIdx.length ? mainIdx[k + 1]! : null;
    const floor = prevMain !== null ? Math.max(grouped[prevMain]!.anchor.figureLine + 1, 0) : 0;
    const page = pageOf(pages, a.line);
    const ceiling = Math.min(
      nextMain !== null ? grouped[nextMain]!.anchor.line - 1 : lines.length - 1,
      page.end,
    );
    const rules: Record<TitleRule, () => boolean> = {
      // later columns of a table row share the first column's header
      'table-column': () => {
        if (!a.columnTitle) return false;
        d.title = a.columnTitle;
        d.titleLine = a.line;
        const first =
          prevMain !== null && grouped[prevMain]!.anchor.line === a.line ? drafts[prevMain]! : null;
        if (first) {
          d.headerBureau = first.headerBureau;
          d.tags.push(...first.tags);
          for (const h of first.header) d.header.add(h);
          d.headerAbove = first.headerAbove;
          return true; // the whole header is shared: no other rule applies
        }
        return false;
      },
      'amount-prefix': () => {
        const prefix = tidy(a.prefix.replace(/[【[]$/u, ''));
        const prefixSub = readSubtitleLine(prefix);
        if (prefixSub) d.subtitle ??= prefixSub;
        if (
          d.title ||
          !prefix ||
          prefixSub ||
          isGroupLabel(prefix) ||
          /】$/u.test(prefix) ||
          titleScore(prefix) === null
        )
          return false;
        const c = cleanTitle(prefix);
        d.title = c.title;
        d.tags.push(...c.tags);
        d.titleLine = a.line;
        return false;
      },
      'name-label': () => {
        if (d.title) return false;
        // before the amount: anywhere since the previous measure; after it: on the same page only
        const nextLine = nextMain !== null ? grouped[nextMain]!.anchor.line : lines.length;
        const free = nameLines.filter((n) => !claimedNames.has(n) && n >= floor && n < nextLine);
        const before = free.filter((n) => n < a.line);
        const pick = before.length
          ? before[before.length - 1]!
          : free.find((n) => n > a.line && n <= ceiling);
        if (pick === undefined) return false;
        claimedNames.add(pick);
        let name = readNameLabel(lines[pick]!) ?? '';
        let next = pick + 1;
        // a name broken over two lines: `施策名：…市町村の` / `認知症施策推進計画の策定支援事業`
        if (
          name &&
          breaksOff(name) &&
          next < lines.length &&
          !isBlank(lines[next]) &&
          titleScore(lines[next]!) !== null
        ) {
          name = `${name}${tidy(lines[next]!)}`;
          d.header.add(next);
          next++;
        }
        // the sub-name on the next line
        while (next < lines.length && isBlank(lines[next])) next++;
        const sub = next <= ceiling ? readSubtitleLine(lines[next]!) : null;
        if (name === '') d.untitled = true;
        else if (sub) {
          d.subtitle = sub;
          d.header.add(next);
        }
        d.title = name || null;
        d.titleLine = pick;
        d.header.add(pick);
        return false;
      },
      'header-above': () => {
        const above = readHeaderAbove(lines, a.line - 1, Math.max(floor, page.start - 40), family);
        if (!above) return false;
        for (const h of above.header) d.header.add(h);
        d.headerBureau ??= above.bureau || null;
        d.tags.push(...above.tags);
        if (!d.title && above.title) {
          d.title = above.title;
          d.titleLine = above.titleLine;
          d.headerAbove = true;
        }
        return false;
      },
      'page-scan': () => {
        if (d.title || d.untitled) return false;
        const pageLo = Math.max(page.start, floor);
        // where the header is printed above the amount, a line after it is the next measure's, not this one's
        const hi = family.region === 'header-above' ? Math.min(ceiling, a.line - 1) : ceiling;
        let best =
          (
            bestTitleLine(
              lines,
              pageLo,
              hi,
              a,
              family,
              3,
              family.pagesAfterGaps ? firstLine(lines, pageLo, hi) : null,
            ) ?? (headerFirst ? null : bestTitleLine(lines, floor, pageLo - 1, a, family, 5))
          )?.i ?? null;
        // a measure of several pages opens with its name on the page right after the previous
        // measure's amount; a name with a part number (`…②`) there is a part of the previous measure
        const top =
          family.region === 'page' && prevMain !== null
            ? firstLine(lines, floor, pageLo - 1)
            : null;
        if (top !== null && isPageStartLine(lines[top]!) && !PART_NUMBER.test(tidy(lines[top]!))) {
          const topScore = titleLineScore(lines, top, a, family);
          const bestScore = best === null ? null : titleLineScore(lines, best, a, family);
          if (
            topScore !== null &&
            topScore >= 3 &&
            (bestScore === null || topScore + TOP_BONUS >= bestScore)
          )
            best = top;
        }
        if (best !== null) {
          d.title = tidy(lines[best]!);
          d.titleLine = best;
        }
        return false;
      },
    };
    for (const rule of family.titles) if (rules[rule]()) return;
    if (d.title) d.title = dropGroupName(d.title, groupNames);
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
  return grouped.map((g, i) => ({ ...g, ...drafts[i]! }));
}

/** The names of the document's groups of measures, as their labels print them (`○食の安全・安心の確保`, `【○…】`). */
function groupNamesOf(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (!isGroupLabel(l)) continue;
    const name = tidy(l)
      .replace(/^【\s*/u, '')
      .replace(/】$/u, '')
      .replace(/^[▶➢➤○◯■]\s*/u, '')
      .trim();
    if ([...name].length >= 4) out.add(name);
  }
  return out;
}

/**
 * A title printed after its group's name on one line (`食の安全・安心の確保 輸入食品の監視体制の強化`,
 * the group labelled `○食の安全・安心の確保` elsewhere): the name is the part after it.
 */
function dropGroupName(title: string, groups: ReadonlySet<string>): string {
  const t = tidy(title);
  const cut = t.indexOf(' ');
  if (cut < 0) return title;
  const head = t.slice(0, cut);
  const rest = t.slice(cut + 1).trim();
  return groups.has(head) && titleScore(rest) !== null ? rest : title;
}

/** Printed decoration before a component's name: `(主な事業)`, a list marker, a circled number. */
function componentPrefix(prefix: string): string {
  return tidy(
    prefix
      .replace(/[(（／/|]\s*$/u, '')
      .replace(/^\s*[-*]\s*/u, '')
      .replace(/^[(（]主な事業[)）]\s*/u, '')
      .replace(/^[①-⑳]\s*/u, ''),
  );
}

/**
 * Names of components, once their regions are known: the project name of a
 * table column, a name printed before the label on the amount line, its
 * first table cell, or the nearest title-like line above within its span.
 */
export function readComponentTitles(doc: DocText, placed: readonly Placed[]): Placed[] {
  const { lines } = doc;
  return placed.map((d) => {
    if (d.parentIndex === null) return d;
    const a = d.anchor;
    let title: string | null = a.columnTitle;
    let titleLine: number | null = d.titleLine;
    const tags = [...d.tags];
    const header = new Set(d.header);
    const pre = dropBudgetItem(componentPrefix(a.prefix));
    const firstCell = tidy(pre.split('|').filter((c) => c.trim())[0] ?? '');
    if (!title && pre && titleScore(pre) !== null) {
      title = pre;
      titleLine = a.line;
    } else if (
      !title &&
      firstCell &&
      titleScore(firstCell.replace(/^・\s*/u, '')) !== null &&
      !firstCell.startsWith('・')
    ) {
      title = firstCell;
      titleLine = a.line;
    }
    if (!title) {
      // the nearest title-like line above, within the component's span
      for (let j = a.line - 1; j >= d.start; j--) {
        const t = lines[j]!;
        if (isBlank(t) || /^\s*[-|]/u.test(t)) continue;
        if (titleScore(t) !== null) {
          title = tidy(t);
          titleLine = j;
          break;
        }
      }
    }
    let untitled = d.untitled;
    if (title) {
      const c = cleanTitle(title.replace(/^[①-⑳]\s*/u, ''));
      title = c.title;
      tags.push(...c.tags);
      if (titleLine !== null) header.add(titleLine);
    } else untitled = true;
    // a component printed with its name above its items and figure starts at its name
    const start =
      titleLine !== null && titleLine > d.start && titleLine < d.anchor.line ? titleLine : d.start;
    return { ...d, title, titleLine, tags, header, untitled, start };
  });
}

/** Is `line` (0-based) the first line of a PDF page, by the one-space convention? */
export function startsPage(line: string): boolean {
  return /^ \S/u.test(foldWidth(line));
}
