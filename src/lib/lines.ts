/**
 * Line classifiers shared by the extractor: which printed lines are titles,
 * bureau (division) names, badges, section headings or layout debris.
 * Pure functions over one line of text.
 */
import { collapseLetterSpacing, foldWidth } from './normalize.ts';

/** Badges printed beside a measure. `推進` alone is the 推進枠 badge split over lines. */
export const BADGES = ['新規', '拡充', '推進枠'] as const;

/** Remove Markdown emphasis the PDF-to-text step left (`**推進枠**`). */
export function stripMarkup(s: string): string {
  return s.replace(/\*\*/g, '').replace(/^#+\s*/u, '');
}

/** Tidy a printed line for display: letter spacing collapsed, markup and outer spaces removed. */
export function tidy(s: string): string {
  return collapseLetterSpacing(stripMarkup(s)).replace(/\s+/gu, ' ').trim();
}

/** A line that holds only badges, e.g. `新規`, `拡充 推進枠`, `推進`, `枠`. */
export function badgesOf(line: string): string[] | null {
  const t = tidy(line);
  if (t === '') return null;
  // badges can be printed glued together: 拡充**推進枠** → 拡充 推進枠
  const words = t.replace(/(新規|拡充|推進枠)(?=\S)/gu, '$1 ').split(/\s+/u);
  const out: string[] = [];
  for (const w of words) {
    if (w === '新規' || w === '拡充' || w === '推進枠') out.push(w);
    else if (w === '推進') out.push('推進枠');
    else if (w === '枠') continue;
    else return null;
  }
  return out;
}

/** Leading badges on a title line: `拡充 推進枠 がん・難病の…` → tags + rest. */
export function splitLeadingBadges(line: string): { tags: string[]; rest: string } {
  const tags: string[] = [];
  let rest = tidy(line);
  for (;;) {
    const m = /^(新規|拡充|推進枠)\s+/u.exec(rest);
    if (!m) break;
    tags.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return { tags, rest };
}

const EXTENSION = /[(（]\s*[内內]線?\s*[^)）]*[)）]?|[(（]\s*\d{3,5}(?:[・、,，]\s*\d{3,5})*\s*[)）]/gu;

/** Remove extension numbers `（内線2672）`, `(内線3982・3986)`, `（3986）`. */
export function stripExtension(s: string): string {
  return s.replace(EXTENSION, '').replace(/\s+/gu, ' ').trim();
}

export function hasExtension(s: string): boolean {
  return /[内內]線|[(（]\s*内\s*\d/u.test(s) || /[(（]\s*\d{4}(?:[・、,，]\s*\d{3,5})*\s*[)）]\s*$/u.test(foldWidth(s));
}

const ORG_UNIT = '(?:局|官房|部|課|室|参事官|官|付)';
const BUREAU_RE = new RegExp(
  `^[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー・（）()、,，\\s]{2,80}?${ORG_UNIT}(?:[\\s、,，]*[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー・（）()]{1,40}?${ORG_UNIT})*$`,
  'u',
);

/**
 * A line naming the responsible bureau/division, with or without its
 * extension number: `医政局研究開発政策課`, `健康・生活衛生局 がん・疾病対策課（内線4607）`.
 * `strict`: require a 局/官房/部 so that ordinary nouns ending in 室 or 課 are not taken.
 */
export function isBureauLine(line: string, strict = true): boolean {
  const t = stripExtension(tidy(foldWidth(line)));
  if (t.length < 3 || t.length > 90 || /[。：:]/u.test(t)) return false;
  if (!BUREAU_RE.test(t)) return false;
  if (strict && !/(局|官房|部[^分]|部$|参事官)/u.test(t)) return false;
  return !/(事業|推進|支援|整備|対策|確保|補助|交付|基金)$/u.test(t);
}

/** Section heading kinds, and the four record sections they map onto. */
export type HeadingKind = 'purpose' | 'overview' | 'scheme' | 'outcome' | 'other';

const HEADING_PREFIX = '^(?:[①-⑳]|\\d{1,2}\\.?|[（(]\\d{1,2}[)）]|【|＜|<|■|◆|●)?\\s*';
const HEADINGS: [HeadingKind, RegExp][] = [
  ['purpose', /^(?:施策|事業)?の?目的(?:・内容|・概要)?$/u],
  ['overview', /^(?:施策|事業)の?概要・(?:スキーム|実施主体)/u],
  ['scheme', /^(?:施策|事業)?の?スキーム|^(?:施策|事業)の実施要件|^実施主体|^補助率|^(?:事業)?実施主体等|^事業費・財源構成/u],
  ['overview', /^(?:施策|事業|対策)の?(?:概要|内容)(?:・スキーム)?(?:・実施主体等?)?等?$|^概要$|^事業内容$|^要旨$/u],
  ['outcome', /^成果イメージ|^(?:これまでの)?事業実績|^期待される効果|^成果(?:目標)?$|^効果$/u],
  ['other', /^対策の柱との関係$/u],
];

/**
 * Classify a section heading line such as `① 施策の目的`, `2 事業の概要・スキーム`,
 * `3 実施主体等`, `④ 成果イメージ（経済効果…）`, `【事業内容】`. Returns null for
 * ordinary text.
 */
export function headingKind(line: string): HeadingKind | null {
  let t = tidy(foldWidth(line));
  if (t.length > 70 || /。/u.test(t) || /[：:]\s*\S/u.test(t)) return null;
  t = t.replace(/^[（(](.*)[)）]$/u, '$1').replace(/^【(.*)】$/u, '$1').replace(/^[＜<](.*)[＞>]$/u, '$1');
  t = t.replace(new RegExp(HEADING_PREFIX, 'u'), '').replace(/[】＞>]$/u, '').trim();
  t = t.replace(/[（(].*$/u, '').trim(); // drop the explanatory tail （対象、補助率等）
  t = t.replace(/、.*$/u, '').trim(); // スキーム図、実施要件 → スキーム図
  t = t.replace(/図$/u, '');
  t = t.replace(/^(◆|➢)\s*/u, '');
  for (const [kind, re] of HEADINGS) if (re.test(t)) return kind;
  return null;
}

/** Debris lines: page numbers, running headers such as `【計数整理の結果、異同を生ずることがある。】`. */
export function isDebris(line: string): boolean {
  const t = foldWidth(line).trim();
  return (
    /^\d{1,3}$/u.test(t) ||
    /^[-|:\s]+$/u.test(t) ||
    /^※\s*[(（]\s*[)）]\s*内は前年度当初予算額$/u.test(t) ||
    /^[\sⅠ-Ⅻ○◯]+$/u.test(t) || // the 対策の柱との関係 check-mark table
    /^[(（]\s*[内內]線[^)）]*[)）]$/u.test(t) || // an extension number alone
    /^【[○◯].*】$/u.test(t) // a group label shared by several pages
  );
}

/** Group labels shared by several pages: `【○…】`, `○…の推進` headings with a marker. */
export function isGroupLabel(line: string): boolean {
  const t = tidy(line);
  return /^【[○◯].*】$/u.test(t) || /^[▶➢○◯■]/u.test(t);
}
