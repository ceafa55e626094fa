/**
 * Step: read a measure's four sections (目的・概要・スキーム・成果) from its region.
 *
 * The PDF text prints headings and their texts out of order: a column of
 * headings and then the texts (`① ③ ④ ② ⑤`, then the purpose, overview and
 * outcome boxes), a box's text before its heading, the diagram box after the
 * amount and bureau block. So every text block is assigned using all the
 * evidence at once:
 *
 * 1. the lines are classified: heading(s), layout debris, amount/header, text;
 * 2. text lines are grouped into blocks (paragraphs of one box), and runs of
 *    short box and arrow labels are set apart as diagrams;
 * 3. the blocks after each heading group are labelled with the group's
 *    sections (and sections whose heading got no text of its own), in the
 *    order that fits best: the headings' order, what each block says
 *    (cues.ts), and the width of its box's lines;
 * 4. blocks after the amount block with no heading of their own go to the
 *    family's tail section (the form sheet's diagram box), text before any
 *    heading to the section it reads as.
 *
 * A block goes to one section only. Where the evidence is weak the block
 * is reported as uncertain, with its line.
 */
import { cleanText, joinVertical } from '../rules/clean-text.ts';
import { collapseLetterSpacing, foldWidth } from '../../../lib/normalize.ts';
import type { Sections } from '../../../lib/types.ts';
import type { FamilyProfile } from '../families/types.ts';
import { cueScores, type CueScores } from '../rules/cues.ts';
import { GROUP_LABEL, isBoxRow, isDebrisLine, isDivisionLine, isFlowStep } from '../rules/debris.ts';
import { looksLikeHeading, readHeadings, type Heading } from '../rules/headings.ts';
import { SECTION_KINDS, type SectionKind } from '../rules/section-kinds.ts';

export interface SectionInput {
  lines: readonly string[];
  /** 0-based inclusive range of the measure's region. */
  start: number;
  end: number;
  /** Lines of the measure's header (title, amount, bureau, badges, sub-name): never section text. */
  header: ReadonlySet<number>;
  /** The measure's amount line(s): text after them without a heading of its own is the family's tail section. */
  breaks: ReadonlySet<number>;
  family: FamilyProfile;
  /** A component (a breakdown row, a sub-project) has no headings of its own: its text is its overview. */
  role?: 'measure' | 'component';
}

export interface SectionResult {
  sections: Sections;
  /** Each block's first line, section (or `diagram`) and text: for developer aids and tests. */
  trace: { line: number; kind: SectionKind | 'diagram'; text: string; why?: string }[];
  /** 0-based first lines of blocks placed on weak evidence. */
  uncertain: number[];
  /** 0-based lines that look like headings but match no variant of the family. */
  unclassified: number[];
}

type Unit =
  | { type: 'blank' | 'debris' | 'break'; line: number }
  | { type: 'heading'; line: number; headings: Heading[] }
  | { type: 'text'; line: number; text: string };

interface Block {
  /** 0-based line numbers, in order. */
  lines: number[];
  texts: string[];
  /** Cleaned text of the block. */
  text: string;
  cues: CueScores;
  /** Typical length of the box's wrapped lines (0 when no line is wrapped). */
  width: number;
  /** A row or run of diagram box/arrow labels. */
  diagram: boolean;
  /** A fact label alone (`【実施主体】`) kept at the start of the block. */
  label: string | null;
}

interface Segment {
  /** 0-based line of the segment's heading (or where it starts). */
  line: number;
  /** Heading kinds that own the following blocks, in printed order; null for text under no heading. */
  kinds: SectionKind[] | null;
  blocks: Block[];
  /** The segment follows the measure's amount block. */
  afterBreak: boolean;
}

const ZERO: CueScores = { purpose: 0, overview: 0, scheme: 0, outcome: 0 };

/** Sentence end or a closing bracket: a blank line after it ends a paragraph. */
const PARAGRAPH_END = /[。：:】」）)]$/u;
/** A list item or note marker at a line start. */
const ITEM_START = /^(?:[○◯●◎・･•※➢▶■□◆◇→⇒✓✔]|[①-⑳]|[ⅰ-ⅹⅠ-Ⅹ]\s|[(（]\d{1,2}[)）]|\d{1,2}[.．)）]\s?|[ア-ン][.．)）\s]|【|-\s)/u;
/** A note: `※１ …`, `※ 新たに配置する際に…`. */
const NOTE_START = /^※/u;
/** A short label line: at most this many characters, and no sentence. */
const SHORT_LABEL = 16;

// ---- 1. units ---------------------------------------------------------------

function classifyLines(input: SectionInput, unclassified: number[]): Unit[] {
  const { lines, start, end, header, breaks, family } = input;
  const units: Unit[] = [];
  let openTail = false; // the last heading's explanatory bracket is still open
  let groupOpen = false; // a `【○…` group label runs onto the next line
  for (let i = start; i <= end && i < lines.length; i++) {
    const raw = lines[i]!;
    if (header.has(i)) {
      units.push({ type: breaks.has(i) ? 'break' : 'debris', line: i });
      continue;
    }
    const t = foldWidth(raw).trim();
    if (t === '') {
      units.push({ type: 'blank', line: i });
      continue;
    }
    if (groupOpen) {
      groupOpen = !/】\s*$/u.test(t);
      units.push({ type: 'debris', line: i });
      continue;
    }
    if (openTail || isHeadingTail(t, family)) {
      openTail = openTail && !/[）)]/u.test(t);
      units.push({ type: 'debris', line: i });
      continue;
    }
    const found = readHeadings(raw, family.headings);
    if (found) {
      if (found.before) units.push({ type: 'text', line: i, text: found.before });
      // a heading of no section (`② 対策の柱との関係`) owns no text: it is layout
      const opening = found.headings.filter((h) => h.kinds.length > 0);
      units.push(opening.length ? { type: 'heading', line: i, headings: opening } : { type: 'debris', line: i });
      const last = found.headings[found.headings.length - 1]!.printed;
      openTail = /[（(][^）)]*$/u.test(last);
      continue;
    }
    if (GROUP_LABEL.test(t)) {
      groupOpen = !/】\s*$/u.test(t);
      units.push({ type: 'debris', line: i });
      continue;
    }
    if (isDebrisLine(raw) || isDivisionLine(raw)) {
      units.push({ type: 'debris', line: i });
      continue;
    }
    if (looksLikeHeading(raw)) unclassified.push(i);
    // vertical text, one character per line (blank lines between): one label
    if (isVerticalChar(t)) {
      let text = t;
      let j = i + 1;
      for (let k = i + 1; k <= end && k < lines.length && !header.has(k); k++) {
        const u = foldWidth(lines[k]!).trim();
        if (u === '') continue;
        if (!isVerticalChar(u)) break;
        text += u;
        j = k + 1;
      }
      if ([...text].length >= 2) {
        units.push({ type: 'text', line: i, text });
        for (let k = i + 1; k < j; k++) units.push({ type: 'blank', line: k });
        i = j - 1;
        continue;
      }
    }
    units.push({ type: 'text', line: i, text: raw });
  }
  return units;
}

/** One character of vertical text (a letter of a box label printed one per line). */
function isVerticalChar(t: string): boolean {
  return [...t].length === 1 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]/u.test(t);
}

/** A heading's explanatory tail broken onto a line of its own: `え・創出効果、波及プロセスを含む）`. */
function isHeadingTail(t: string, family: FamilyProfile): boolean {
  const compact = t.replace(/\s+/gu, '');
  return [...compact].length >= 4 && family.headingTails.some((tail) => tail.includes(compact));
}

// ---- 2. blocks ----------------------------------------------------------------

/** Display length of a printed line. */
const len = (s: string) => [...collapseLetterSpacing(s.trim())].length;

/** Printed width of a line in half-width units (a full-width character counts 2). */
function printedWidth(s: string): number {
  let w = 0;
  for (const ch of s.trim()) w += ch.codePointAt(0)! < 0x2000 || (ch >= '\uff61' && ch <= '\uff9f') ? 1 : 2;
  return w;
}

/**
 * Does a line fill its box, so that the text runs on after a blank line?
 * A line clearly shorter than the widest line of its paragraph so far ended
 * there (its box is that wide), even without a full stop.
 */
function fillsBox(line: string, widest: number): boolean {
  return printedWidth(line) >= Math.max(24, widest * 0.85);
}

function makeBlock(lines: number[], texts: string[], label: string | null): Block {
  const joined = joinVertical(texts);
  const text = cleanText(label ? [label, ...joined] : joined);
  const wrapped = texts.slice(0, -1).filter((t) => !PARAGRAPH_END.test(t.trim()) && len(t) >= 20).map(printedWidth);
  const width = wrapped.length ? Math.max(...wrapped) : 0;
  return { lines, texts, text, cues: cueScores(text), width, diagram: false, label };
}

/** Is a block a diagram label (a box name, an arrow label, a flow step), not text? */
function isLabelBlock(b: Block): boolean {
  if (b.label) return false;
  return b.texts.every((t) => {
    const s = foldWidth(t).trim().replace(/^[-*]\s+/u, '');
    if (/。/u.test(s)) return false;
    if (isBoxRow(s) || isFlowStep(s)) return true;
    const n = len(s);
    return n <= SHORT_LABEL && !(ITEM_START.test(s) && n > 8) && !/[：:]\s*\S/u.test(s);
  });
}

/**
 * Group the text units between two non-text units into paragraphs: a blank
 * line ends a paragraph only after a sentence end or before a list item (a
 * blank line inside a sentence is a layout gap).
 */
function paragraphs(units: Unit[]): Block[] {
  const out: Block[] = [];
  let lines: number[] = [];
  let texts: string[] = [];
  let gap = false;
  let widest = 0;
  const flush = () => {
    if (texts.length) out.push(makeBlock(lines, texts, null));
    lines = [];
    texts = [];
    widest = 0;
  };
  for (const u of units) {
    if (u.type !== 'text') {
      gap = true;
      continue;
    }
    const t = foldWidth(u.text).trim();
    const last = foldWidth(texts[texts.length - 1] ?? '').trim();
    if (texts.length && (ITEM_START.test(t) || (gap && (PARAGRAPH_END.test(last) || !fillsBox(last, widest))))) flush();
    lines.push(u.line);
    texts.push(u.text);
    widest = Math.max(widest, printedWidth(t));
    gap = false;
  }
  flush();
  // a note (`※１ …`) belongs to the text it annotates, in the same box
  for (let i = out.length - 1; i > 0; i--) {
    const b = out[i]!;
    if (NOTE_START.test(foldWidth(b.texts[0]!).trim())) {
      const a = out[i - 1]!;
      out.splice(i - 1, 2, makeBlock([...a.lines, ...b.lines], [...a.texts, ...b.texts], a.label));
    }
  }
  return out;
}

/**
 * Mark the layout of a diagram: rows of box names (`都 道 府 県厚 生 労 働 省 医 療 機 関`)
 * and numbered flow steps (`Ⅱ 交付決定`) inside a run of short labels. Other
 * labels of a diagram (`補助金`, `委託`, `UHCナレッジハブ設置に向けた`) say who
 * pays whom for what and stay in the text of their section.
 */
function markDiagrams(blocks: Block[]): void {
  const label = blocks.map(isLabelBlock);
  for (let i = 0; i < blocks.length; i++) {
    if (!label[i]) continue;
    const b = blocks[i]!;
    const inRun = (label[i - 1] ?? false) || (label[i + 1] ?? false);
    if (b.texts.every((t) => isBoxRow(t) || (inRun && isFlowStep(t)))) b.diagram = true;
  }
}

// ---- 3. segments ----------------------------------------------------------

function segments(units: Unit[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment = { line: units[0]?.line ?? 0, kinds: null, blocks: [], afterBreak: false };
  let pending: Unit[] = [];
  let label: string | null = null;
  let lastWasHeading = false;
  const flushText = () => {
    const blocks = paragraphs(pending);
    if (label && blocks.length) {
      const first = blocks[0]!;
      blocks[0] = makeBlock(first.lines, first.texts, label);
    }
    cur.blocks.push(...blocks);
    pending = [];
    label = null;
  };
  for (const u of units) {
    if (u.type === 'heading') {
      flushText();
      const kinds = u.headings.flatMap((h) => [...h.kinds]);
      const keep = u.headings.find((h) => h.keepLabel);
      if (lastWasHeading && cur.blocks.length === 0 && !keep) {
        for (const k of kinds) if (!cur.kinds!.includes(k)) cur.kinds!.push(k);
      } else {
        out.push(cur);
        cur = { line: u.line, kinds: [...new Set(kinds)], blocks: [], afterBreak: false };
      }
      if (keep) label = keep.printed;
      lastWasHeading = true;
      continue;
    }
    if (u.type === 'break') {
      flushText();
      out.push(cur);
      cur = { line: u.line, kinds: null, blocks: [], afterBreak: true };
      lastWasHeading = false;
      continue;
    }
    if (u.type === 'text') lastWasHeading = false;
    pending.push(u);
  }
  flushText();
  out.push(cur);
  for (const s of out) markDiagrams(s.blocks);
  return out.filter((s) => s.kinds !== null || s.blocks.length > 0);
}

// ---- 4. assignment ---------------------------------------------------------

/** Weights of the evidence (see labelBlocks); scripts/dev/tune.ts measures them against the references. */
export const W = {
  /** a block printed right after a single heading: that heading's section */
  single: 3.75,
  /** a block after a column of headings (or a combined heading): one of their sections */
  multi: 1.2,
  /** a block after the amount block, with no heading since: the family's tail section */
  tail: 3.75,
  /** each section of a column of headings (or a combined heading) gets at least one block */
  cover: 2.25,
  /** a section with no heading, on a free-form page */
  unheaded: 0,
  /** each section already used that comes after this one in the family's order */
  inversion: 2.5,
  /** a section's text in a second, separate run */
  second: 2.5,
  /** consecutive blocks of one section whose boxes have clearly different widths */
  widthBreak: 0.75,
  /** a section boundary between two blocks of the same box width */
  widthJoin: 0.7,
  /** any block placed in a section */
  base: 0.2,
  /** how much what a block says counts against where it sits */
  cues: 1,
};

interface Placed {
  block: Block;
  /** Evidence of the block's place, by section. */
  prior: CueScores;
}

/**
 * Label every block with a section, jointly: each section's text is one run
 * of consecutive blocks (a second run costs `second`), runs out of the
 * family's order cost `inversion` each, a section whose heading is printed
 * gets `cover` once it has text, and every block scores its cues plus the
 * evidence of where it sits (after a single heading, a column of headings,
 * or the amount block). Dynamic programming over the blocks with the set of
 * sections used so far, the current section, and the runs repeated.
 */
function labelBlocks(
  placed: readonly Placed[],
  headed: ReadonlySet<SectionKind>,
  cover: ReadonlySet<SectionKind>,
  family: FamilyProfile,
  allowUnheaded: boolean,
): SectionKind[] {
  const n = placed.length;
  if (n === 0) return [];
  const kinds = SECTION_KINDS;
  const rank = (k: SectionKind) => family.order.indexOf(k);
  const same = (a: Block, b: Block) => a.width > 0 && b.width > 0 && Math.abs(a.width - b.width) <= 4;
  const differ = (a: Block, b: Block) => a.width > 0 && b.width > 0 && Math.abs(a.width - b.width) > 8;
  const blockScore = (i: number, k: SectionKind) => {
    const { block, prior } = placed[i]!;
    let s = W.cues * block.cues[k] + prior[k] + W.base;
    if (!headed.has(k) && headed.size > 0) s -= allowUnheaded ? W.unheaded / 2 : Infinity;
    return s;
  };
  // state key: mask (4 bits) | last kind (2 bits) | repeated (1 bit)
  type State = { score: number; prev: number; kind: SectionKind };
  let layer = new Map<number, State>();
  const key = (mask: number, last: number, rep: number) => (mask << 3) | (last << 1) | rep;
  kinds.forEach((k, ki) => {
    const s = blockScore(0, k);
    if (s === -Infinity) return;
    layer.set(key(1 << ki, ki, 0), { score: s + (cover.has(k) ? W.cover : 0), prev: -1, kind: k });
  });
  const history: Map<number, State>[] = [layer];
  for (let i = 1; i < n; i++) {
    const next = new Map<number, State>();
    for (const [st, cur] of layer) {
      const mask = st >> 3;
      const last = (st >> 1) & 3;
      const rep = st & 1;
      kinds.forEach((k, ki) => {
        const bs = blockScore(i, k);
        if (bs === -Infinity) return;
        let s = cur.score + bs;
        let m = mask;
        let r = rep;
        if (ki === last) {
          if (differ(placed[i - 1]!.block, placed[i]!.block)) s -= W.widthBreak;
        } else {
          if (same(placed[i - 1]!.block, placed[i]!.block)) s -= W.widthJoin;
          if (mask & (1 << ki)) {
            if (rep) return; // at most one section runs twice
            s -= W.second;
            r = 1;
          } else {
            for (let o = 0; o < 4; o++) if (mask & (1 << o) && rank(kinds[o]!) > rank(k)) s -= W.inversion;
            if (cover.has(k)) s += W.cover;
            m = mask | (1 << ki);
          }
        }
        const nk = key(m, ki, r);
        const old = next.get(nk);
        if (!old || s > old.score) next.set(nk, { score: s, prev: st, kind: k });
      });
    }
    history.push(next);
    layer = next;
  }
  let bestKey = -1;
  let best = -Infinity;
  for (const [k, st] of layer) if (st.score > best) {
    best = st.score;
    bestKey = k;
  }
  const labels = new Array<SectionKind>(n);
  for (let i = n - 1; i >= 0; i--) {
    const st = history[i]!.get(bestKey)!;
    labels[i] = st.kind;
    bestKey = st.prev;
  }
  return labels;
}

/** A block whose section wins by less than this (cues and place) is reported as uncertain. */
const UNCERTAIN = 0.5;

/**
 * The sections that a column of headings (or a combined heading) promises a
 * box for, when text follows it: each should get at least one block. A
 * section with a single heading of its own has its text after that heading.
 */
function coverOf(segs: readonly Segment[]): { cover: Set<SectionKind> } {
  const hasText = (s: Segment) => s.blocks.some((b) => !b.diagram);
  const single = new Set(segs.flatMap((s) => (s.kinds?.length === 1 && hasText(s) ? s.kinds : [])));
  const cover = new Set(segs.flatMap((s) => (s.kinds && s.kinds.length > 1 && hasText(s) ? s.kinds.filter((k) => !single.has(k)) : [])));
  return { cover };
}

export function readSections(input: SectionInput): SectionResult {
  const unclassified: number[] = [];
  const units = classifyLines(input, unclassified);
  const segs = segments(units);
  const { family } = input;

  // a combined heading does not open a section that has a heading of its own
  const dedicated = new Set(segs.flatMap((s) => (s.kinds?.length === 1 ? s.kinds : [])));
  for (const s of segs) {
    if (s.kinds && s.kinds.length > 1) {
      const rest = s.kinds.filter((k) => !dedicated.has(k));
      if (rest.length > 0) s.kinds = rest;
    }
  }
  const headed = new Set(segs.flatMap((s) => s.kinds ?? []));
  const trace: SectionResult['trace'] = [];
  for (const s of segs) for (const b of s.blocks) if (b.diagram) trace.push({ line: b.lines[0]!, kind: 'diagram', text: b.text });

  // where each block sits
  const lead: Placed[] = [];
  const main: Placed[] = [];
  let seenHeading = false;
  let afterBreak = false;
  for (const s of segs) {
    if (s.kinds !== null) {
      seenHeading = true;
      afterBreak = false;
    } else if (s.afterBreak) afterBreak = true;
    for (const block of s.blocks) {
      if (block.diagram) continue;
      const prior: CueScores = { ...ZERO };
      if (s.kinds !== null && s.kinds.length === 1) prior[s.kinds[0]!] += W.single;
      else if (s.kinds !== null) for (const k of s.kinds) prior[k] += W.multi;
      else if (afterBreak && family.tail && headed.has(family.tail)) prior[family.tail] += W.tail;
      (seenHeading || afterBreak ? main : lead).push({ block, prior });
    }
  }
  const allowUnheaded = !family.headingsComplete || headed.size <= 1;
  let labels: SectionKind[];
  let leadLabels: SectionKind[];
  if (input.role === 'component' && headed.size === 0) {
    // a breakdown row or sub-project: what it does
    leadLabels = lead.map(() => 'overview');
    labels = main.map(() => 'overview');
  } else if (headed.size === 0 || !family.headingsComplete) {
    // free-form pages: every block in the family's order, by what it says and
    // where it sits; the page opens with its lead section (the first
    // paragraph with a sentence, when no heading precedes it)
    const all = [...lead, ...main];
    const firstHeading = Math.min(...segs.filter((s) => s.kinds !== null).map((s) => s.line));
    const opening = all.find((p) => /。/u.test(p.block.text));
    if (opening && opening.block.lines[0]! < firstHeading) opening.prior[family.lead] += W.single;
    const { cover } = coverOf(segs);
    const got = labelBlocks(all, headed, cover, family, true);
    leadLabels = got.slice(0, lead.length);
    labels = got.slice(lead.length);
  } else {
    // the sections of a column of headings each have a box; a single heading's text follows it
    const { cover } = coverOf(segs);
    if (family.tail && main.some((p) => p.prior[family.tail!] >= W.tail)) cover.delete(family.tail);
    labels = labelBlocks(main, headed, cover, family, allowUnheaded);
    // text printed before any heading: the headed section that has no text yet and fits it best
    const filled = new Set(labels);
    leadLabels = lead.map(({ block }) => {
      const open = [...headed].filter((k) => !filled.has(k));
      const pool = open.length ? open : [...headed];
      return pool.reduce((a, b) => (block.cues[b] > block.cues[a] ? b : a), pool.includes(family.lead) ? family.lead : pool[0]!);
    });
  }

  const out: Record<SectionKind, { line: number; text: string }[]> = { purpose: [], overview: [], scheme: [], outcome: [] };
  const uncertain: number[] = [];
  const place = (p: Placed, k: SectionKind) => {
    out[k].push({ line: p.block.lines[0]!, text: p.block.text });
    const f = (c: CueScores) => SECTION_KINDS.map((x) => `${x[0]}${Math.round(c[x] * 10) / 10}`).join(' ');
    trace.push({ line: p.block.lines[0]!, kind: k, text: p.block.text, why: `cue ${f(p.block.cues)} | prior ${f(p.prior)} | w${p.block.width}` });
    const mine = p.block.cues[k] + p.prior[k];
    const rival = Math.max(...SECTION_KINDS.filter((o) => o !== k && (headed.size === 0 || headed.has(o))).map((o) => p.block.cues[o] + p.prior[o]));
    if (Number.isFinite(rival) && rival + UNCERTAIN > mine) uncertain.push(p.block.lines[0]!);
  };
  lead.forEach((p, i) => place(p, leadLabels[i]!));
  main.forEach((p, i) => place(p, labels[i]!));

  const join = (k: SectionKind) =>
    out[k]
      .sort((a, b) => a.line - b.line)
      .map((p) => p.text)
      .filter((t) => t !== '')
      .join('\n\n');
  const sections = Object.fromEntries(SECTION_KINDS.map((k) => [k, join(k)])) as unknown as Sections;
  trace.sort((a, b) => a.line - b.line);
  return { sections, trace, uncertain, unclassified };
}
