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
import { badgesOf } from '../rules/badges.ts';
import { titleKey } from '../../../lib/normalise.ts';
import { collapseLetterSpacing, foldWidth } from '../../../lib/normalise.ts';
import type { Sections } from '../../types.ts';
import type { FamilyProfile } from '../families/types.ts';
import { cueFeatures, type CueFeatures } from '../rules/cues.ts';
import { SECTION_WEIGHTS } from '../rules/section-weights.ts';
import {
  GROUP_LABEL,
  isBoxRow,
  isDebrisLine,
  isDivisionLine,
  isFlowStep,
  isFlowStepLabel,
} from '../rules/debris.ts';
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
  /**
   * Keys (normalize.titleKey) of the measure's own names: its title, and each
   * 「…」 name its sub-title lists. A line repeating one (a page footer, a list
   * of the measure's parts with their 実施主体) is no section text.
   */
  names?: readonly string[];
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
  /** A bracketed label of no section (`【対象事業場】`): it ends the text a heading owns. */
  | { type: 'sublabel'; line: number }
  | { type: 'text'; line: number; text: string };

interface Block {
  /** 0-based line numbers, in order. */
  lines: number[];
  texts: string[];
  /** Cleaned text of the block. */
  text: string;
  /** Typical length of the box's wrapped lines (0 when no line is wrapped). */
  width: number;
  /** Printed width of the block's widest line: a line cannot be wider than its box. */
  span: number;
  /** A row or run of diagram box/arrow labels. */
  diagram: boolean;
  /** The list marker the block starts with (`・`, `•`, `○`, `①`…), '' for none: boxes differ in their markers. */
  style: string;
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
  /** The segment starts at a bracketed label of the page's own (`【対象事業場】`): its text is that label's, never the page's opening. */
  labelled?: boolean;
}

/** Sentence end or a closing bracket: a blank line after it ends a paragraph. */
const PARAGRAPH_END = /[。：:】」）)]$/u;
/**
 * A statement's last word without its full stop (`…体制を確保する`, `…支援を行う`):
 * a blank line after it ends the paragraph, as after 。.
 */
const PREDICATE_END =
  /(?:する|した|される|された|できる|いる|ある|なる|行う|図る|目指す|ない|こと|もの|等)$/u;
/**
 * Does a line end a statement without its full stop? Only when it stops short
 * of its box's edge: a line as wide as its paragraph's widest line is cut by
 * the box (`…切れ目のない` / `支援を行う…`), whatever its last word.
 */
function endsStatement(line: string, widest: number, lines: number): boolean {
  // an item closed by 等 (`…研修会の開催 等`) is complete at any width
  if (/等$/u.test(line)) return true;
  // a paragraph's first line has no width to compare with: its last word decides
  return (
    PREDICATE_END.test(line) && (lines === 1 || printedWidth(line) < Math.max(widest * 0.95, 40))
  );
}

/**
 * A one-line list item that names an action (`・ …に対して支援を実施`, `・ …の開催`):
 * complete however wide, so a blank line after it ends it.
 */
function endsItem(texts: readonly string[], last: string): boolean {
  return (
    texts.length === 1 &&
    ITEM_START.test(foldWidth(texts[0]!).trim()) &&
    (PREDICATE_END.test(last) ||
      /(?:を実施|の実施|の支援|の推進|の開催|の整備|の強化)$/u.test(last))
  );
}

/** A numbered item line that names a sub-project: `（１）生活衛生関係営業物価高騰等対応支援事業`. */
function namesItem(line: string): boolean {
  return (
    /^(?:[(（]\d{1,2}[)）]|\d{1,2}[.．]|[①-⑳])/u.test(line) &&
    !/[、。]/u.test(line) &&
    /(?:事業|対策|支援|推進|強化|整備|確保|構築|促進|充実)$/u.test(line)
  );
}

/** A list item or note marker at a line start. */
const ITEM_START =
  /^(?:[○◯●◎・･•※➢▶■□◆◇→⇒✓✔]|[①-⑳]|[ⅰ-ⅹⅠ-Ⅹ]\s|[(（]\d{1,2}[)）]|\d{1,2}[.．)）]\s?|[ア-ン][.．)）\s]|【|-\s)/u;
/**
 * A page's results printed as a note outside its boxes: `※主な事業実績【…受講者数:1,285名】`.
 * (A `【事業実績】…` label inside a box stays with that box's text.)
 */
const RESULT_LINE = /^※\s*(?:主な)?事業実績\s*[【:：]\s*\S/u;
/** A note: `※１ …`, `※ 新たに配置する際に…`, `（※１）OCJP Silver…`. */
const NOTE_START = /^(?:※|[（(]※\s*[\d０-９]*[）)])/u;
/** A bracketed label on a line of its own: `【対象事業場】`. */
const SUB_LABEL = /^【[^【】。]{1,15}】$/u;
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
      // a group label that runs onto the amount line (`組支援…】 令和６年度補正予算案 5.9億円`) closes there
      if (groupOpen && /】/u.test(raw)) groupOpen = false;
      units.push({ type: breaks.has(i) ? 'break' : 'debris', line: i });
      continue;
    }
    const t = foldWidth(raw).trim();
    if (t === '') {
      units.push({ type: 'blank', line: i });
      continue;
    }
    if (groupOpen) {
      groupOpen = !/】/u.test(t);
      units.push({ type: 'debris', line: i });
      continue;
    }
    if (openTail || isHeadingTail(t, family)) {
      openTail = openTail && !/[）)]/u.test(t);
      units.push({ type: 'debris', line: i });
      continue;
    }
    const found = readHeadings(raw, family.headings, family.headingForms);
    // a heading of another form than the family's (`【事業実施要件】` in a form sheet's box) is a box label
    if (!found && readHeadings(raw, family.headings)) {
      units.push({ type: 'debris', line: i });
      continue;
    }
    if (found) {
      if (found.before) units.push({ type: 'text', line: i, text: found.before });
      // a heading of no section (`② 対策の柱との関係`) owns no text: it is layout
      const opening = found.headings.filter((h) => h.kinds.length > 0);
      units.push(
        opening.length
          ? { type: 'heading', line: i, headings: opening }
          : { type: 'debris', line: i },
      );
      const last = found.headings[found.headings.length - 1]!.printed;
      openTail = /[（(][^）)]*$/u.test(last);
      continue;
    }
    if (GROUP_LABEL.test(t)) {
      groupOpen = !/】/u.test(t);
      units.push({ type: 'debris', line: i });
      continue;
    }
    if (
      isDebrisLine(raw) ||
      isDivisionLine(raw) ||
      isFlowStepLabel(raw) ||
      isBoxRow(raw) ||
      badgesOf(raw) ||
      repeatsName(raw, input.names)
    ) {
      units.push({ type: 'debris', line: i });
      continue;
    }
    // the page's results as a note (`※主な事業実績【…受講者数:1,285名】`) open the outcome and are its text
    if (RESULT_LINE.test(t)) {
      units.push({
        type: 'heading',
        line: i,
        headings: [{ kinds: ['outcome'], printed: '', keepLabel: true }],
      });
      units.push({ type: 'text', line: i, text: raw });
      continue;
    }
    // a bracketed label of the page's own (`【基本的考え方】`, `【対象事業場】`) starts text no section heading owns
    if (SUB_LABEL.test(t)) units.push({ type: 'sublabel', line: i });
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

/** A line that only repeats one of the measure's names: `○ …研修事業 ＜新規＞（実施主体：厚生労働省）`. */
function repeatsName(raw: string, names: readonly string[] | undefined): boolean {
  if (!names?.length) return false;
  const core = foldWidth(raw)
    .trim()
    .replace(/^[○◯●・]\s*/u, '')
    .replace(/[＜<][^＞>]{1,4}[＞>]/gu, '')
    .replace(/[（(]\s*(?:実施主体|補助先|委託先)\s*[:：][^）)]*[）)]\s*$/u, '');
  return names.includes(titleKey(core));
}

/** One character of vertical text (a letter of a box label printed one per line). */
function isVerticalChar(t: string): boolean {
  return (
    [...t].length === 1 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]/u.test(t)
  );
}

/** A heading's explanatory tail broken onto a line of its own: `え・創出効果、波及プロセスを含む）`. */
function isHeadingTail(t: string, family: FamilyProfile): boolean {
  const compact = foldWidth(t).replace(/\s+/gu, '');
  return (
    [...compact].length >= 4 &&
    family.headingTails.some((tail) => foldWidth(tail).includes(compact))
  );
}

// ---- 2. blocks ----------------------------------------------------------------

/** Display length of a printed line. */
const len = (s: string) => [...collapseLetterSpacing(s.trim())].length;

/** Printed width of a line in half-width units (a full-width character counts 2). */
function printedWidth(s: string): number {
  let w = 0;
  for (const ch of s.trim())
    w += ch.codePointAt(0)! < 0x2000 || (ch >= '\uff61' && ch <= '\uff9f') ? 1 : 2;
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
  // a flow step broken over two lines (`⑥二次審査、` / `決定`) is found once they are joined
  const text = cleanText(label ? [label, ...joined] : joined)
    .split('\n')
    .filter((l) => !isFlowStepLabel(l))
    .join('\n');
  const wrapped = texts
    .slice(0, -1)
    .filter((t) => !PARAGRAPH_END.test(t.trim()) && len(t) >= 20)
    .map(printedWidth);
  const width = wrapped.length ? Math.max(...wrapped) : 0;
  const span = Math.max(0, ...texts.map(printedWidth));
  return {
    lines,
    texts,
    text,
    width,
    span,
    diagram: false,
    label,
    style: markerOf(texts[0] ?? ''),
  };
}

/** The list marker a line starts with, as a style: circled numbers and (1) count as one style each. */
function markerOf(line: string): string {
  const t = foldWidth(line)
    .trim()
    .replace(/^[-*]\s+/u, '');
  const m = /^(?:[○◯●◎・･•※➢▶■□◆◇→⇒✓✔]|[①-⑳]|[(（]\d{1,2}[)）]|\d{1,2}[.．)）])/u.exec(t);
  if (!m) return '';
  if (/^[①-⑳]/u.test(m[0])) return '①';
  if (/^[(（]/u.test(m[0])) return '(1)';
  if (/^\d/u.test(m[0])) return '1.';
  // boxes typed apart space their bullets apart: `・WHOへの…` and `・ WHOオフィス…` are two styles
  const spaced = /^\s/u.test(t.slice(m[0].length)) ? ' ' : '';
  return (m[0] === '･' ? '・' : m[0]) + spaced;
}

/**
 * A remark wholly in brackets, `（助成額は中小企業への支給額。…）`: it annotates
 * a table or diagram of the scheme wherever the PDF prints it, so it takes no
 * place in the order of the boxes' texts.
 */
function isRemark(b: Block): boolean {
  const t = b.text.replace(/\s+/gu, '');
  return /。/u.test(t) && /^[（(][^（()）]*(?:[（(][^（()）]*[)）][^（()）]*)*[)）]$/u.test(t);
}

/** Is a block a diagram label (a box name, an arrow label, a flow step), not text? */
function isLabelBlock(b: Block): boolean {
  if (b.label) return false;
  return b.texts.every((t) => {
    const s = foldWidth(t)
      .trim()
      .replace(/^[-*]\s+/u, '');
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
    if (
      texts.length &&
      (ITEM_START.test(t) ||
        (gap &&
          (PARAGRAPH_END.test(last) ||
            endsStatement(last, widest, texts.length) ||
            !fillsBox(last, widest) ||
            endsItem(texts, last))))
    )
      flush();
    // a numbered line naming a sub-project (`（１）…対応支援事業`) stays a line of its own above its text
    if (gap && texts.length && namesItem(last)) {
      lines.push(u.line);
      texts.push('');
    }
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

function segments(units: Unit[], family: FamilyProfile): Segment[] {
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
      if (family.headingColumns && lastWasHeading && cur.blocks.length === 0 && !keep) {
        for (const k of kinds) if (!cur.kinds!.includes(k)) cur.kinds!.push(k);
      } else {
        out.push(cur);
        cur = { line: u.line, kinds: [...new Set(kinds)], blocks: [], afterBreak: false };
      }
      if (keep && keep.printed) label = keep.printed;
      lastWasHeading = true;
      continue;
    }
    // a label right under a heading (`2 事業の概要` / `【主なシステムの改修】`) opens that heading's text
    if (
      u.type === 'sublabel' &&
      lastWasHeading &&
      pending.every((p) => p.type !== 'text') &&
      cur.blocks.length === 0
    )
      continue;
    if (u.type === 'sublabel') {
      flushText();
      out.push(cur);
      cur = { line: u.line, kinds: null, blocks: [], afterBreak: cur.afterBreak, labelled: true };
      lastWasHeading = false;
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

/** Where a block sits, for the evidence of its place. */
interface Placed {
  block: Block;
  /** The sections of the heading group the block follows (null: none since the page start or the amount block). */
  group: readonly SectionKind[] | null;
  /** The block is printed after the measure's amount block, with no heading since. */
  afterBreak: boolean;
  /** The block is printed before any heading of the measure. */
  lead: boolean;
  /** The first paragraph with a sentence, before any heading: the page's opening. */
  opening: boolean;
  /** A diagram label (a short line with no sentence). */
  label: boolean;
  /** The last paragraph before the amount block (and after a heading). */
  beforeAmount: boolean;
  cues: CueFeatures;
}

/** What the labelling of one measure's blocks knows besides the blocks. */
interface Context {
  family: FamilyProfile;
  /** Sections with a heading in the region. */
  headed: ReadonlySet<SectionKind>;
  /** Sections a column of headings (or a combined heading) promises a box for. */
  cover: ReadonlySet<SectionKind>;
  /** A section without a heading may still have text (free-form pages, or a page with at most one heading). */
  allowUnheaded: boolean;
}

/** The blocks of one measure and their context, ready to be labelled (also by scripts/dev/learn.ts). */
export interface SectionProblem {
  placed: Placed[];
  context: Context;
}

type Features = Map<string, number>;

function addFeature(f: Features, name: string, value = 1): void {
  if (value !== 0) f.set(name, (f.get(name) ?? 0) + value);
}

/** The evidence for putting block `p` in section `k`, as named features. */
function emissionFeatures(p: Placed, k: SectionKind, ctx: Context): Features {
  const f: Features = new Map();
  for (const [name, n] of Object.entries(p.cues)) addFeature(f, `cue.${name}.${k}`, n);
  addFeature(f, `bias.${k}`);
  if (p.group !== null) {
    if (p.group.length === 1 && p.group[0] === k) addFeature(f, 'single');
    else if (p.group.length > 1 && p.group.includes(k)) addFeature(f, 'multi');
    else if (!p.group.includes(k)) addFeature(f, 'outside');
  }
  if (p.afterBreak && ctx.family.tail === k && ctx.headed.has(k)) addFeature(f, 'tail');
  if (p.afterBreak) addFeature(f, `afterBreak.${k}`);
  if (p.label) addFeature(f, `label.${k}`);
  if (p.lead) addFeature(f, `lead.${k}`);
  if (p.opening && k === ctx.family.lead) addFeature(f, 'opening');
  if (p.beforeAmount && k === ctx.family.beforeAmount) addFeature(f, 'beforeAmount');
  if (ctx.headed.size > 0 && !ctx.headed.has(k)) addFeature(f, 'unheaded');
  return f;
}

const sameWidth = (a: Block, b: Block) =>
  a.width > 0 && b.width > 0 && Math.abs(a.width - b.width) <= 4;
/** Blocks in boxes of different widths: both wrapped at different widths, or a line wider than the other's box. */
const otherWidth = (a: Block, b: Block) =>
  (a.width > 0 && b.width > 0 && Math.abs(a.width - b.width) > 8) ||
  (a.width > 0 && b.span > a.width + 8) ||
  (b.width > 0 && a.span > b.width + 8);

/** The evidence of a transition from block i-1 (in `last`) to block i (in `k`), given the sections used so far. */
function transitionFeatures(
  prob: SectionProblem,
  i: number,
  last: SectionKind,
  k: SectionKind,
  used: ReadonlySet<SectionKind>,
): Features {
  const f: Features = new Map();
  const { placed, context } = prob;
  const a = placed[i - 1]!;
  const b = placed[i]!;
  const styled = a.block.style !== '' && b.block.style !== '';
  if (k === last) {
    if (b.afterBreak && !a.afterBreak) addFeature(f, 'acrossBreak');
    if (otherWidth(a.block, b.block)) addFeature(f, 'widthBreak');
    if (styled && a.block.style !== b.block.style) addFeature(f, 'styleBreak');
  } else {
    if (sameWidth(a.block, b.block)) addFeature(f, 'widthJoin');
    if (styled && a.block.style === b.block.style) addFeature(f, 'styleJoin');
    if (used.has(k)) addFeature(f, 'second');
    else {
      const rank = (x: SectionKind) => context.family.order.indexOf(x);
      addFeature(f, 'inversion', [...used].filter((u) => rank(u) > rank(k)).length);
      if (context.cover.has(k)) addFeature(f, 'cover');
    }
  }
  return f;
}

function firstFeatures(prob: SectionProblem, k: SectionKind): Features {
  const f: Features = new Map();
  if (prob.context.cover.has(k)) addFeature(f, 'cover');
  return f;
}

function dot(f: Features, w: Readonly<Record<string, number>>): number {
  let s = 0;
  for (const [name, v] of f) s += (w[name] ?? 0) * v;
  return s;
}

/** May block `p` be put in section `k` at all? */
function allowed(p: Placed, k: SectionKind, ctx: Context): boolean {
  // text before every heading may be the lead section whose heading the page lost
  return (
    ctx.allowUnheaded ||
    ctx.headed.size === 0 ||
    ctx.headed.has(k) ||
    (p.lead && k === ctx.family.lead)
  );
}

/**
 * Label every block with a section, jointly, maximising the weighted
 * evidence: each block's features for its section, plus the transitions
 * (a section's text is one run of consecutive blocks, a second run is
 * allowed once at a cost; runs out of the family's order, boundaries inside
 * one box and runs across boxes cost; a promised section's first block
 * gains). Dynamic programming over the blocks with the sections used so
 * far, the current section and whether a run was repeated. `fixed` pins
 * blocks to a section (for learning from a reference).
 */
export function labelSections(
  prob: SectionProblem,
  w: Readonly<Record<string, number>>,
  fixed?: readonly (SectionKind | null)[],
): SectionKind[] {
  const { placed, context } = prob;
  const n = placed.length;
  if (n === 0) return [];
  const kinds = SECTION_KINDS;
  const emit = placed.map((p, i) =>
    kinds.map((k) =>
      allowed(p, k, context) && (!fixed || fixed[i] == null || fixed[i] === k)
        ? dot(emissionFeatures(p, k, context), w)
        : -Infinity,
    ),
  );
  type State = { score: number; prev: number; kind: number };
  const key = (mask: number, last: number, rep: number) => (mask << 3) | (last << 1) | rep;
  let layer = new Map<number, State>();
  kinds.forEach((k, ki) => {
    const e = emit[0]![ki]!;
    if (e === -Infinity) return;
    layer.set(key(1 << ki, ki, 0), {
      score: e + dot(firstFeatures(prob, k), w),
      prev: -1,
      kind: ki,
    });
  });
  const history: Map<number, State>[] = [layer];
  for (let i = 1; i < n; i++) {
    const next = new Map<number, State>();
    for (const [st, cur] of layer) {
      const mask = st >> 3;
      const last = (st >> 1) & 3;
      const rep = st & 1;
      const used = new Set(kinds.filter((_, o) => mask & (1 << o)));
      kinds.forEach((k, ki) => {
        const e = emit[i]![ki]!;
        if (e === -Infinity) return;
        const again = ki !== last && (mask & (1 << ki)) !== 0;
        if (again && rep) return; // at most one section runs twice
        const score = cur.score + e + dot(transitionFeatures(prob, i, kinds[last]!, k, used), w);
        const nk = key(mask | (1 << ki), ki, again ? 1 : rep);
        const old = next.get(nk);
        if (!old || score > old.score) next.set(nk, { score, prev: st, kind: ki });
      });
    }
    history.push(next);
    layer = next;
  }
  let bestKey = -1;
  let best = -Infinity;
  for (const [k, st] of layer)
    if (st.score > best) {
      best = st.score;
      bestKey = k;
    }
  if (bestKey < 0) return fixed ? labelSections(prob, w) : placed.map(() => context.family.lead);
  const labels = new Array<SectionKind>(n);
  for (let i = n - 1; i >= 0; i--) {
    const st = history[i]!.get(bestKey)!;
    labels[i] = kinds[st.kind]!;
    bestKey = st.prev;
  }
  return labels;
}

/** All the features of a labelling (for learning the weights). */
export function labellingFeatures(prob: SectionProblem, labels: readonly SectionKind[]): Features {
  const f: Features = new Map();
  const merge = (g: Features) => g.forEach((v, k) => addFeature(f, k, v));
  const used = new Set<SectionKind>();
  let repeated = false;
  labels.forEach((k, i) => {
    merge(emissionFeatures(prob.placed[i]!, k, prob.context));
    if (i === 0) merge(firstFeatures(prob, k));
    else {
      merge(transitionFeatures(prob, i, labels[i - 1]!, k, used));
      if (k !== labels[i - 1] && used.has(k)) repeated = true;
    }
    used.add(k);
  });
  void repeated;
  return f;
}

/**
 * The sections that a column of headings (or a combined heading) promises a
 * box for, when text follows it. A section with a single heading of its own
 * has its text after that heading.
 */
function coverOf(segs: readonly Segment[]): Set<SectionKind> {
  const hasText = (s: Segment) => s.blocks.some((b) => !b.diagram);
  const single = new Set(segs.flatMap((s) => (s.kinds?.length === 1 && hasText(s) ? s.kinds : [])));
  return new Set(
    segs.flatMap((s) =>
      s.kinds && s.kinds.length > 1 && hasText(s) ? s.kinds.filter((k) => !single.has(k)) : [],
    ),
  );
}

/** The blocks of a measure's region, where each sits, and their context. */
export function prepareSections(input: SectionInput): {
  problem: SectionProblem;
  segs: Segment[];
  unclassified: number[];
  /** Bracketed remarks (isRemark): the scheme's, outside the labelling. */
  remarks: Block[];
} {
  const unclassified: number[] = [];
  const segs = segments(classifyLines(input, unclassified), input.family);
  const { family } = input;
  // a combined heading does not open a section that has a heading of its own
  const dedicated = new Set(segs.flatMap((s) => (s.kinds?.length === 1 ? s.kinds : [])));
  for (const s of segs) {
    if (s.kinds && s.kinds.length > 1) {
      const rest = s.kinds.filter((k) => !dedicated.has(k));
      // every section it names has a heading of its own: it still opens the first one (`2 事業の概要・スキーム` before `3 実施主体等` and `4 見直し内容`)
      s.kinds = rest.length > 0 ? rest : [s.kinds[0]!];
    }
  }
  const headed = new Set(segs.flatMap((s) => s.kinds ?? []));
  // a page of the family's form has every box the form has, even one whose heading is not in the text
  if (headed.size > 0) for (const k of family.boxes) headed.add(k);
  const placed: Placed[] = [];
  const remarks: Block[] = [];
  let seenHeading = false;
  let afterBreak = false;
  let opened = false;
  // a requirement box printed before the page's first heading (`【助成率】 ３/４`, `【対象事業場】 …`)
  let leadBox = false;
  const headingLater = segs.some((s) => s.kinds !== null);
  for (const s of segs) {
    if (s.kinds !== null) {
      seenHeading = true;
      afterBreak = false;
    } else if (s.afterBreak) afterBreak = true;
    for (const block of s.blocks) {
      if (block.diagram) continue;
      if (!seenHeading && headingLater && !afterBreak && (cueFeatures(block.text).req ?? 0) > 0)
        leadBox = true;
      // …is the scheme's, and takes no place in the order of the boxes' texts
      if (isRemark(block) || (leadBox && !seenHeading && !afterBreak)) {
        remarks.push(block);
        continue;
      }
      // a note printed before every heading of a form sheet belongs to the page, not to a box
      if (
        !seenHeading &&
        !afterBreak &&
        family.headingsComplete &&
        NOTE_START.test(foldWidth(block.texts[0] ?? '').trim())
      )
        continue;
      // the page's first paragraph with a sentence: before any heading, or on a free-form page
      // that prints no heading for its lead section, the first of the page
      const opening =
        !opened &&
        !s.labelled &&
        /。/u.test(block.text) &&
        (!seenHeading || (!family.headingsComplete && !headed.has(family.lead)));
      if (opening) opened = true;
      placed.push({
        block,
        group: s.kinds,
        afterBreak: afterBreak && s.kinds === null,
        lead: !seenHeading,
        opening,
        label: isLabelBlock(block),
        beforeAmount: false,
        cues: cueFeatures(block.text),
      });
    }
  }
  const breakLine = Math.min(...input.breaks);
  const before = placed.filter(
    (p) =>
      !p.lead && !p.label && p.block.lines[0]! < breakLine && /。|[^\s]{20,}/u.test(p.block.text),
  );
  const last = before[before.length - 1];
  // once the scheme's requirement lines (`【実施主体】…`) are printed, the paragraphs after them are its own
  const reqBefore =
    last !== undefined &&
    placed.some(
      (p) => p.block.lines[0]! < last.block.lines[0]! && !p.lead && (p.cues.req ?? 0) > 0,
    );
  if (last && !reqBefore) last.beforeAmount = true;
  const cover = coverOf(segs);
  // a form's box whose own heading got no text has its text printed elsewhere on the page
  for (const s of segs) {
    const k = s.kinds?.length === 1 ? s.kinds[0]! : null;
    const own = (o: Segment) => o.kinds?.length === 1 && o.kinds[0] === k;
    if (k && family.boxes.includes(k) && !s.blocks.some((b) => !b.diagram))
      if (segs.filter(own).length === 1) cover.add(k);
  }
  // the form sheet's diagram text after the amount block is the tail section's own box
  if (family.tail && placed.some((p) => p.afterBreak)) cover.delete(family.tail);
  const context: Context = {
    family,
    headed,
    cover,
    allowUnheaded: !family.headingsComplete || headed.size <= 1,
  };
  return { problem: { placed, context }, segs, unclassified, remarks };
}

/** A block placed in a section although its own evidence favours another by at least this much is reported as uncertain. */
const UNCERTAIN = 1;

export function readSections(
  input: SectionInput,
  weights: Readonly<Record<string, number>> = SECTION_WEIGHTS,
): SectionResult {
  const { problem, segs, unclassified, remarks } = prepareSections(input);
  const { placed, context } = problem;
  const trace: SectionResult['trace'] = [];
  for (const b of remarks)
    trace.push({ line: b.lines[0]!, kind: 'scheme', text: b.text, why: 'remark' });
  for (const s of segs)
    for (const b of s.blocks)
      if (b.diagram) trace.push({ line: b.lines[0]!, kind: 'diagram', text: b.text });
  // a breakdown row or sub-project with no headings of its own: what it does
  const labels =
    input.role === 'component' && context.headed.size === 0
      ? placed.map(() => 'overview' as SectionKind)
      : labelSections(problem, weights);
  const out: Record<SectionKind, { line: number; text: string }[]> = {
    purpose: [],
    overview: [],
    scheme: [],
    outcome: [],
  };
  for (const b of remarks) out.scheme.push({ line: b.lines[0]!, text: b.text });
  const uncertain: number[] = [];
  placed.forEach((p, i) => {
    const k = labels[i]!;
    out[k].push({ line: p.block.lines[0]!, text: p.block.text });
    const evidence = SECTION_KINDS.map((x) =>
      allowed(p, x, context) ? dot(emissionFeatures(p, x, context), weights) : -Infinity,
    );
    const mine = evidence[SECTION_KINDS.indexOf(k)]!;
    const rival = Math.max(...evidence.filter((_, j) => SECTION_KINDS[j] !== k));
    if (Number.isFinite(rival) && rival >= mine + UNCERTAIN) uncertain.push(p.block.lines[0]!);
    const why = SECTION_KINDS.map(
      (x, j) => `${x.slice(0, 2)}${Math.round(evidence[j]! * 10) / 10}`,
    ).join(' ');
    trace.push({
      line: p.block.lines[0]!,
      kind: k,
      text: p.block.text,
      why: `${why} | w${p.block.width}${p.block.style}`,
    });
  });
  const join = (k: SectionKind) =>
    out[k]
      .sort((a, b) => a.line - b.line)
      .map((p) => p.text)
      .filter((t) => t !== '')
      .join('\n\n');
  const sections = Object.fromEntries(
    SECTION_KINDS.map((k) => [k, join(k)]),
  ) as unknown as Sections;
  trace.sort((a, b) => a.line - b.line);
  return { sections, trace, uncertain, unclassified };
}
