/**
 * Score measure sections against a hand-checked section reference, the same
 * way as test/reference/sections/check_sections.py (the shared scorer): a page
 * shows three blocks, 目的 (purpose), 概要・スキーム (overview + scheme) and 成果
 * (outcome). For every reference section, its first characters must appear
 * near the start of the right block and its last characters anywhere in it;
 * debris strings must appear in no block; a purpose or outcome the page lacks
 * must stay empty. A measure is right when every block is right and no
 * heading label is shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SectionRef {
  seed: string;
  title: string | null;
  subtitle: string | null;
  amount_line: number | null;
  purpose: { start: string; end: string } | null;
  overview: { start: string; end: string } | null;
  scheme: { start: string; end: string } | null;
  outcome: { start: string; end: string } | null;
  debris: string[];
  notes?: string;
  lines?: [number, number];
  /** File the entry was read from. */
  from?: string;
}

export interface ScoredMeasure {
  id?: string;
  title: string;
  subtitle: string | null;
  amount_line: number | null;
  sections: { purpose: string; overview: string; scheme: string; outcome: string };
}

/** Headings as the shared scorer recognises them in debris strings. */
const HEADING =
  /施策の(目的|概要|スキーム|対象)|事業の(目的|概要)|成果イメージ|スキーム図|実施要件|対策の柱|^\s*[①-⑳]|^\s*\d\s+\S*(目的|概要|実施主体|実績)/u;
const MARKS = /[\s\u3000○◯・･•●■◆◇➢▶►\-–—‐〇※]/gu;

export const norm = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFKC').replace(MARKS, '');
const tnorm = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFKC').replace(/[\s()（）「」【】・]/gu, '');

/** Ratio of matching characters, like Python's difflib.SequenceMatcher.ratio() (longest-common-block recursion). */
function ratio(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const matches = (x: string, y: string): number => {
    if (!x || !y) return 0;
    let best = 0;
    let bi = 0;
    let bj = 0;
    for (let i = 0; i < x.length; i++) {
      for (let j = 0; j < y.length; j++) {
        let k = 0;
        while (i + k < x.length && j + k < y.length && x[i + k] === y[j + k]) k++;
        if (k > best) {
          best = k;
          bi = i;
          bj = j;
        }
      }
    }
    if (best === 0) return 0;
    return (
      best +
      matches(x.slice(0, bi), y.slice(0, bj)) +
      matches(x.slice(bi + best), y.slice(bj + best))
    );
  };
  return (2 * matches(a, b)) / (a.length + b.length);
}

/**
 * Where each section of a reference entry lies in the source: the first line
 * (0-based) holding its start and the first line from there holding its end,
 * within the entry's `lines` (developer aids: scripts/dev/learn.ts, confusion.ts).
 */
export function referenceRanges(
  ref: SectionRef,
  lines: readonly string[],
): ['purpose' | 'overview' | 'scheme' | 'outcome', number, number][] {
  const [lo, hi] = ref.lines ?? [1, lines.length];
  const out: ['purpose' | 'overview' | 'scheme' | 'outcome', number, number][] = [];
  for (const k of ['purpose', 'overview', 'scheme', 'outcome'] as const) {
    const s = ref[k];
    if (!s) continue;
    const ks = norm(s.start).slice(0, 10);
    const ke = norm(s.end).slice(-10);
    let a = -1;
    for (let i = lo - 1; i < hi && a < 0; i++) if (norm(lines[i]).includes(ks)) a = i;
    if (a < 0) continue;
    let b = -1;
    for (let i = a; i < hi && b < 0; i++) if (norm(lines[i]).includes(ke)) b = i;
    if (b >= 0) out.push([k, a, b]);
  }
  return out;
}

/** The measure a reference entry stands for (same amount line; the closest title among several). */
export function pick<M extends ScoredMeasure>(ref: SectionRef, measures: readonly M[]): M | null {
  const cands = measures.filter((m) => m.amount_line === ref.amount_line);
  if (cands.length === 0) return null;
  const want = tnorm(ref.title) + tnorm(ref.subtitle);
  const score = (m: M) => (want ? ratio(want, tnorm(m.title) + tnorm(m.subtitle)) : 1);
  let best = cands[0]!;
  for (const c of cands) if (score(c) > score(best)) best = c;
  return !want || score(best) >= 0.5 || cands.length === 1 ? best : null;
}

function foundStart(piece: string, block: string, slack = 60): boolean {
  const p = [...norm(piece)].slice(0, 12).join('');
  return (
    p !== '' &&
    [...norm(block)]
      .slice(0, slack + [...p].length)
      .join('')
      .includes(p)
  );
}

function foundEnd(piece: string, block: string): boolean {
  const p = [...norm(piece)].slice(-12).join('');
  return p !== '' && norm(block).includes(p);
}

export interface MeasureScore {
  ref: SectionRef;
  measure: ScoredMeasure | null;
  blocks: number;
  blocksOk: number;
  headingDebris: number;
  otherDebris: number;
  problems: string[];
  /** Debris strings (not headings) shown. */
  minor: string[];
  right: boolean;
}

const BLOCK_OF = {
  purpose: 'purpose',
  overview: 'body',
  scheme: 'body',
  outcome: 'outcome',
} as const;

export function scoreMeasure(ref: SectionRef, m: ScoredMeasure | null): MeasureScore {
  const out: MeasureScore = {
    ref,
    measure: m,
    blocks: 0,
    blocksOk: 0,
    headingDebris: 0,
    otherDebris: 0,
    problems: [],
    minor: [],
    right: false,
  };
  if (m === null) {
    out.problems.push('missing');
    return out;
  }
  const s = m.sections;
  const blocks = {
    purpose: s.purpose ?? '',
    body: `${s.overview ?? ''}\n${s.scheme ?? ''}`,
    outcome: s.outcome ?? '',
  };
  for (const sec of ['purpose', 'overview', 'scheme', 'outcome'] as const) {
    const want = ref[sec];
    const block = blocks[BLOCK_OF[sec]];
    if (want === null) {
      if ((sec === 'purpose' || sec === 'outcome') && norm(block))
        out.problems.push(`${sec}: page has none, got ${JSON.stringify(block.slice(0, 30))}`);
      continue;
    }
    out.blocks++;
    const okStart = foundStart(want.start, block, sec === 'scheme' ? 400 : 60);
    const okEnd = foundEnd(want.end, block);
    if (okStart && okEnd) out.blocksOk++;
    else
      out.problems.push(
        `${sec}: want ${JSON.stringify(want.start.slice(0, 14))}…${JSON.stringify(want.end.slice(-10))}, got ${JSON.stringify(block.trim().slice(0, 30))}` +
          (okStart ? '' : ' [start]') +
          (okEnd ? '' : ' [end]'),
      );
  }
  const all = norm(Object.values(blocks).join('\n'));
  for (const d of ref.debris ?? []) {
    const nd = norm(d);
    if ([...nd].length >= 4 && all.includes(nd)) {
      if (HEADING.test(d.normalize('NFKC'))) {
        out.headingDebris++;
        out.problems.push(`heading label shown as text: ${JSON.stringify(d.slice(0, 40))}`);
      } else {
        out.otherDebris++;
        out.minor.push(d);
      }
    }
  }
  out.right = out.problems.length === 0;
  return out;
}

export interface ScoreSummary {
  measures: number;
  right: number;
  blocks: number;
  blocksOk: number;
  headingDebris: number;
  otherDebris: number;
  missing: number;
  rows: MeasureScore[];
}

export function scoreAll(
  refs: readonly SectionRef[],
  measuresOf: (seed: string) => readonly ScoredMeasure[],
): ScoreSummary {
  const rows = refs.map((ref) => scoreMeasure(ref, pick(ref, measuresOf(ref.seed))));
  return {
    measures: rows.length,
    right: rows.filter((r) => r.right).length,
    blocks: rows.reduce((n, r) => n + r.blocks, 0),
    blocksOk: rows.reduce((n, r) => n + r.blocksOk, 0),
    headingDebris: rows.reduce((n, r) => n + r.headingDebris, 0),
    otherDebris: rows.reduce((n, r) => n + r.otherDebris, 0),
    missing: rows.filter((r) => r.measure === null).length,
    rows,
  };
}

export function formatSummary(s: ScoreSummary): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  return (
    `measures=${s.measures} right=${s.right} (${pct(s.right, s.measures)}) blocks_ok=${s.blocksOk}/${s.blocks} (${pct(s.blocksOk, s.blocks)}) ` +
    `heading_labels_shown=${s.headingDebris} other_debris_shown=${s.otherDebris} missing=${s.missing}`
  );
}

/** Read every JSONL file whose name matches `pattern` in `dir`. */
export function readJsonl<T>(dir: string, pattern: RegExp): (T & { from: string })[] {
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => ({ ...(JSON.parse(l) as T), from: f })),
    );
}
