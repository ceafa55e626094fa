/**
 * The responsible bureau and division as printed: `医政局研究開発政策課`,
 * `健康・生活衛生局 がん・疾病対策課（内線4607）`, a bureau alone on its line
 * followed by its division (`医政局` / `医療経営支援課`).
 */
import { foldWidth } from '../../../lib/normalise.ts';
import { stripExtension } from './extension.ts';
import { tidy } from './text.ts';

/** A unit of the ministry's organisation (`薬局` is a pharmacy, not a bureau). */
const ORG_UNIT = '(?:(?<!(?:^|[^医])薬)局|官房|部|課|室|参事官|官|付)';
const BUREAU_RE = new RegExp(
  `^[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー・（）()、,，\\s]{2,80}?${ORG_UNIT}(?:[\\s、,，]*[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー・（）()]{1,40}?${ORG_UNIT})*$`,
  'u',
);

/**
 * A line naming the responsible bureau/division, with or without its
 * extension number. `strict`: require a 局/官房/部 so that ordinary nouns
 * ending in 室 or 課 are not taken.
 */
export function isBureauLine(line: string, strict = true): boolean {
  const t = stripExtension(tidy(foldWidth(line)));
  if (t.length < 3 || t.length > 90 || /[。：:]/u.test(t)) return false;
  if (!BUREAU_RE.test(t)) return false;
  if (strict && !/(局|官房|部[^分]|部$|参事官)/u.test(t)) return false;
  return !/(事業|推進|支援|整備|対策|確保|補助|交付|基金)$/u.test(t);
}

/**
 * The responsible division as section debris, with or without its
 * extension number, a division list broken after 、, or an extension line
 * (`医政局医療経営支援課（内線2672）`, `雇用政策課労働移動支援室、`, `（内線2550,2665）施策名：…`).
 */
export function isDivisionLine(line: string): boolean {
  const t = tidy(foldWidth(line));
  if (t === '') return false;
  if (/^[(（]\s*[内內]線/u.test(t)) return true;
  const name = stripExtension(t).replace(/[、,]$/u, '');
  // a sentence broken after 課 or 部 (`…上での各般の課`, `…賃金の一部`) has particles; a division's name has none
  if (/[をはでにへ]|が(?!ん)/u.test(name)) return false;
  return isBureauLine(name, false) && /(局|部|課|室|官|付)$/u.test(name);
}

/**
 * Join bureau lines as printed: a bureau alone on a line (`医政局`) runs on
 * into the division below it, a name broken at ・ (`医政局特定医薬品開発支援` /
 * `・医療情報担当参事官室`) runs on, an office under a division
 * (`社会・援護局福祉基盤課` / `福祉人材確保対策室`) runs on; separate divisions
 * are listed with 、.
 */
export function joinBureauParts(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.replace(/(局|官房|部)\s+/gu, '$1').trim();
    if (p === '') continue;
    if (out === '') out = p;
    else if (/(局|官房|部|・)$/u.test(out) || /^・/u.test(p)) out += p;
    else if (/課$/u.test(out) && /^[^局部課、]+室$/u.test(p)) out += p;
    else out += `、${p}`;
  }
  return out;
}

/** A fragment of a division name broken at ・: `医政局特定医薬品開発支援・`, `・医療情報担当参事官室`. */
export function isBureauFragment(line: string): boolean {
  const t = stripExtension(tidy(foldWidth(line)));
  return (
    /^[\p{Script=Han}\p{Script=Katakana}ー・]{2,40}・$/u.test(t) ||
    (/^・/u.test(t) && isBureauLine(t.slice(1), false))
  );
}
