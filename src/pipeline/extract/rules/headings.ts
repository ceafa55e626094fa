/**
 * Section headings as printed: `① 施策の目的`, `2 事業の概要・スキーム`,
 * `③④ 施策の概要、スキーム図、実施要件（対象、補助率等）等`, `【事業内容】`,
 * `［ 趣 旨 ］`, `○ 施 策 の ス キ ー ム`, two headings on one line
 * (`① 施策の目的 ② 対策の柱との関係`), a heading glued after the last words of a
 * box (`・発電機 ⑤ 成果イメージ（経済効果、雇用の下支`), and a heading whose
 * explanatory tail runs onto the next line.
 *
 * A heading is read in two steps: its printed form is reduced to a core label
 * (markers, brackets, spaces and the explanatory tail removed), then the core
 * is looked up in the family's list of variants.
 */
import { foldWidth } from '../../../lib/normalise.ts';
import type { SectionKind } from './section-kinds.ts';

export interface HeadingVariant {
  /** Sections the heading opens, in order (a combined heading opens several); empty for headings of no section (`対策の柱との関係`). */
  kinds: readonly SectionKind[];
  /** Matches the whole core label. */
  core: RegExp;
  /**
   * A label of one fact (`【実施主体】` alone on a line, its value below): it opens
   * the section but stays in its text, where it names the value.
   */
  keepLabel?: boolean;
}

/**
 * How a heading is marked: `① 施策の目的` circled, `1 事業の目的` / `１．事業目的`
 * numbered, `【事業内容】` / `［ 趣 旨 ］` / `（期待される効果）` bracketed, `▋事業目的`
 * / `○ 施 策 の ス キ ー ム` bulleted, `事業概要` plain. A family's own headings
 * have its forms; other forms on its pages are box labels, not sections.
 */
export type HeadingForm = 'circled' | 'numbered' | 'bracketed' | 'bulleted' | 'plain';

export function headingForm(printed: string): HeadingForm {
  const t = foldWidth(printed).replace(/\*\*/gu, '').trim();
  if (/^[①-⑳]/u.test(t)) return 'circled';
  if (/^\d{1,2}\s*[.．、]?(?:\s|(?=\D))/u.test(t) || /^[（(]\d{1,2}[)）]/u.test(t))
    return 'numbered';
  if (/^[【［[＜<〈（(]/u.test(t)) return 'bracketed';
  if (/^[■◆●○◯▋•□➢▶◇・]/u.test(t)) return 'bulleted';
  return 'plain';
}

export const ALL_FORMS: readonly HeadingForm[] = [
  'circled',
  'numbered',
  'bracketed',
  'bulleted',
  'plain',
];

export interface Heading {
  kinds: readonly SectionKind[];
  /** The heading as printed (for messages). */
  printed: string;
  keepLabel: boolean;
}

/** Section-number markers before a heading: `①`, `③④`, `1`, `１．`, `(2)`, `■`, `▋`, `•` … */
const MARKER = /^(?:[①-⑳]{1,2}|\d{1,2}\s*[.．、]?(?=\s|\D)|[（(]\d{1,2}[)）]|[■◆●○◯▋•□➢▶◇・])\s*/u;
/** A section number before the label: `3 実施主体`, `② 施策の概要`. */
const NUMBERED = /^(?:[①-⑳]|\d)/u;
/** Brackets around a whole label: `【事業内容】`, `［ 趣 旨 ］`, `＜実施主体＞`, `（期待される効果）`. */
const ENCLOSED = /^[【［[＜<〈（(](.*?)[】］\]＞>〉）)]?$/u;
/** An explanatory tail in brackets, closed or cut by the line end: `（経済効果、雇用の下支`. */
const TAIL = /[（(][^）)]*[）)]?\s*等?$/u;

/** A line longer than this (characters) is text, not a heading. */
const MAX_HEADING = 90;

/**
 * The core label of a printed heading, or null when the line cannot be one
 * (a sentence, a long line, a `label：value` fact).
 *   `③④ 施策の概要、スキーム図、実施要件（対象、補助率等）等` → `施策の概要、スキーム図、実施要件`
 *   `［ 趣 旨 ］` → `趣旨`;  `2 事業の概要・スキーム・実施主体等` → `事業の概要・スキーム・実施主体等`
 */
export function headingCore(printed: string): string | null {
  let t = foldWidth(printed)
    .replace(/\*\*/gu, '')
    .replace(/^\s*#+\s*/u, '')
    .trim();
  if (t === '' || [...t].length > MAX_HEADING || /。/u.test(t)) return null;
  t = t.replace(MARKER, '');
  t = t.replace(MARKER, ''); // `■ ①` printed together
  const enclosed = ENCLOSED.exec(t);
  if (enclosed && /^[【［[＜<〈（(]/u.test(t)) t = enclosed[1]!;
  t = t.replace(/\s+/gu, '');
  // `実施主体：都道府県` is a fact with its value, not a heading
  if (/[:：]./u.test(t)) return null;
  t = t.replace(/[:：]$/u, '');
  // the explanatory tail, then a trailing 等 left after it: `…実施要件（対象、補助率等）等`
  for (let k = 0; k < 2; k++) t = t.replace(TAIL, '');
  t = t.replace(/図$/u, '図');
  return t === '' ? null : t;
}

/** Positions where a second heading starts on a line: a circled number after a space, or a bracket after a closing one. */
const SECOND_MARKER = /\s(?=[①-⑳]{1,2}\s*\S)|(?<=[】］])\s*(?=[【［])|[、,]\s*(?=\d\s+\S)/gu;

/**
 * The headings printed on one line, with any box text printed before them.
 * Returns null when the line holds no heading. Every piece from the first
 * heading on must be a heading, or the line is text.
 */
export function readHeadings(
  line: string,
  variants: readonly HeadingVariant[],
  forms: readonly HeadingForm[] = ALL_FORMS,
): { before: string; headings: Heading[] } | null {
  const classify = (printed: string) => {
    const h = classifyOne(printed, variants);
    return h && (h.keepLabel || forms.includes(headingForm(printed))) ? h : null;
  };
  const whole = classify(line);
  if (whole) return { before: '', headings: [whole] };
  const cuts = [...line.matchAll(SECOND_MARKER)].map((m) => m.index! + m[0].length);
  if (cuts.length === 0) return null;
  const bounds = [0, ...cuts, line.length];
  const pieces = bounds.slice(0, -1).map((b, k) => line.slice(b, bounds[k + 1]).trim());
  for (let first = 0; first < pieces.length; first++) {
    const found = pieces.slice(first).map((p) => classify(p));
    if (found.every((h) => h !== null))
      return { before: pieces.slice(0, first).join(' ').trim(), headings: found as Heading[] };
  }
  return null;
}

/** The parts of a compound heading and the section each names: `事業の概要・事業スキーム・実施主体等`. */
const PARTS: readonly [SectionKind, RegExp][] = [
  ['purpose', /^(?:(?:施策|事業)(?:拡充)?の?)?目的$/u],
  ['overview', /^(?:(?:施策|事業)(?:拡充)?の?)?(?:概要|内容)等?$/u],
  ['scheme', /^(?:(?:施策|事業)の?)?(?:スキーム図?|実施要件|実施主体|事業主体)等?$/u],
  ['outcome', /^(?:(?:施策|事業)の?)?(?:成果イメージ|事業実績|実績)等?$/u],
];

/** A heading made of section names joined by ・ or 、, each naming a section: its sections in order. */
function compound(core: string): SectionKind[] | null {
  const parts = core.split(/[・、]/u).filter((p) => p !== '');
  if (parts.length < 2) return null;
  const kinds: SectionKind[] = [];
  for (const part of parts) {
    const hit = PARTS.find(([, re]) => re.test(part));
    if (!hit) return null;
    if (!kinds.includes(hit[0])) kinds.push(hit[0]);
  }
  return kinds;
}

function classifyOne(printed: string, variants: readonly HeadingVariant[]): Heading | null {
  const core = headingCore(printed);
  if (core === null) return null;
  const parts = compound(core);
  if (parts) return { kinds: parts, printed: printed.trim(), keepLabel: false };
  for (const v of variants) {
    // a numbered label (`3 実施主体`) is the section's own heading, never kept as text
    if (v.core.test(core))
      return {
        kinds: v.kinds,
        printed: printed.trim(),
        keepLabel: (v.keepLabel ?? false) && !NUMBERED.test(foldWidth(printed).trim()),
      };
  }
  return null;
}

/**
 * A line that looks like a section heading (a section number and a short
 * label naming a section) but matches no variant: listed in the build
 * summary so that a new printed variant is noticed.
 */
export function looksLikeHeading(line: string): boolean {
  const t = foldWidth(line).trim();
  if ([...t].length > 60 || /[。、，,]$/u.test(t) || /[:：]\s*\S/u.test(t)) return false;
  if (!/^(?:[①-⑳]{1,2}|\d{1,2}\s*[.．]?\s|[【［])/u.test(t)) return false;
  // a bracketed label with its value after it is a fact, not a heading: `【実施主体】 民間事業者`
  if (/^[【［]/u.test(t) && !/[】］]$/u.test(t)) return false;
  const core = headingCore(t);
  return core !== null && [...core].length <= 30 && HEADING_END.test(core);
}

/** How a section heading's label ends: `…目的`, `…概要`, `…実施主体等`, `…実績`. */
const HEADING_END =
  /(?:目的|概要|スキーム|スキーム図|成果|成果イメージ|実績|実施主体|実施要件|内容|効果|趣旨|要旨)等?$/u;

/**
 * The variants printed in the five documents. Cores are matched whole,
 * after markers, brackets, spaces and the explanatory tail are removed.
 */
export const COMMON_HEADINGS: readonly HeadingVariant[] = [
  // `① 施策の目的`, `1 事業の目的`, `１．事業目的`, `［ 趣 旨 ］`, `【要旨】`, `【目的】`
  { kinds: ['purpose'], core: /^(?:(?:施策|事業)(?:拡充)?の?)?目的$|^趣旨$|^要旨$/u },
  // `1 事業の目的・概要`, `目的・内容`
  { kinds: ['purpose', 'overview'], core: /^(?:(?:施策|事業)の?)?目的・(?:概要|内容)$/u },
  // `② 対策の柱との関係` (a check-mark table of the package's pillars)
  { kinds: [], core: /^対策の柱との関係$/u },
  // `③④ 施策の概要、施策のスキーム図、実施要件（対象、補助率等）等`
  {
    kinds: ['overview', 'scheme'],
    core: /^(?:施策|事業)の概要、(?:施策の)?スキーム図?、?(?:実施要件)?等?$/u,
  },
  // `2 事業の概要・スキーム`, `2 事業の概要・スキーム・実施主体等`, `2 事業の概要・実施主体等`, `【事業内容・実施主体】`
  {
    kinds: ['overview', 'scheme'],
    core: /^(?:(?:施策|事業)の?)?(?:概要|内容)(?:・スキーム)?[・、]?(?:スキーム|実施主体等?|実施主体)等?$/u,
  },
  // `② 施策の概要`, `2 事業の概要`, `１．概要`, `【事業内容】`, `【事業概要】`, `事業の概要等`, `現行の事業概要`
  // … `2 見直しの内容`, `3 令和7年度概算要求の内容` (a rule-change request's pages)
  {
    kinds: ['overview'],
    core: /^(?:(?:施策|事業|対策)(?:拡充)?の?|現行の事業)?(?:概要|内容)等?$|^具体的な事業内容$|^(?:見直し|令和\d+年度概算要求)の?内容$/u,
  },
  // `④ 施策のスキーム図、実施要件、成果イメージ`
  { kinds: ['scheme', 'outcome'], core: /^(?:施策の)?スキーム図?、実施要件、成果イメージ$/u },
  // `④ 施策のスキーム図、実施要件（対象、補助率等）等`, `○ 施 策 の ス キ ー ム`, `３．事業スキーム`,
  // `3 実施主体等`, `3 事業スキーム・実施主体等`, `３．施策の実施要件等`, `【施策のイメージ（実施要件等）】`, `【スキーム・実施主体】`
  {
    kinds: ['scheme'],
    core: /^(?:(?:施策|事業)の?)?スキーム図?(?:、実施要件)?(?:等)?$|^(?:施策|事業)の?(?:実施要件|スキーム)(?:・実施主体)?等?$|^(?:事業)?(?:の)?スキーム・実施主体等?$|^(?:事業)?実施主体等$|^施策のイメージ$|^事業費・財源構成$|^(?:事業)?スキーム等$/u,
  },
  // `④ 成果イメージ（経済効果…）`, `⑤ 施策の対象・成果イメージ（…）`, `4 事業実績`, `4 事業実績等`, `成果目標`
  {
    kinds: ['outcome'],
    core: /^(?:施策の)?(?:対象・)?成果イメージ$|^(?:これまでの|主な)?事業実績等?$|^期待される効果$|^成果目標$|^成果$/u,
  },
  // a fact label alone on its line, the value below: `【実施主体】`, `3 実施主体`, `［ 補 助 率 ］`
  { kinds: ['scheme'], core: /^(?:事業)?実施主体$|^補助率$|^負担割合$/u, keepLabel: true },
  // `［補正予算案］` above an amount breakdown: no section
  { kinds: [], core: /^補正予算案$/u },
];
