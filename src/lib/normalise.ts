/**
 * Character-level normalisation used for *matching* (never for display).
 * All functions keep a 1:1 character mapping where noted, so that offsets
 * found in the folded text are valid in the printed text.
 */

/**
 * Fold full-width ASCII (！..～) to half-width and the ideographic space to a
 * space. One character in, one character out (offsets are preserved).
 * Unlike NFKC it leaves ①, ㈱, ｶﾀｶﾅ etc. alone.
 */
export function foldWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Dash-like characters the documents use for "none" (ー, 一, －, -, ‐, —, ―). */
export const DASHES = 'ー一－\\-‐―—–';

/** Remove every kind of white space. */
export function stripSpaces(s: string): string {
  return s.replace(/\s+/gu, '');
}

const WIDE =
  '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー・、。「」（）【】＜＞：0-9０-９Ａ-Ｚａ-ｚA-Z]';
const SPACED_RUN = new RegExp(`(?<!${WIDE})(?:${WIDE} ){2,}${WIDE}(?!${WIDE})`, 'gu');

/**
 * Collapse letter-spaced words: `児 童 相 談 所` → `児童相談所`,
 * `【 補 正 ５ ０ 億 円 】` → `【補正５０億円】`. Only runs of at least three
 * single characters separated by single spaces are joined, so ordinary
 * spaced phrases (`医政局 研究開発政策課`) are kept.
 */
export function collapseLetterSpacing(s: string): string {
  let out = s.replace(SPACED_RUN, (run) => run.replace(/ /g, ''));
  // brackets padded with a space around a collapsed run: 【 補正 】 → 【補正】
  out = out.replace(/([【［（〔＜]) (?=\S)/gu, '$1').replace(/(?<=\S) ([】］）〕＞])/gu, '$1');
  return out;
}

/** Key used to compare titles: width-folded, spaces and decoration removed. */
export function titleKey(s: string): string {
  return stripSpaces(foldWidth(s))
    .replace(/[【】「」『』〔〕[\]*＊]/g, '')
    .toLowerCase();
}

/** Lines of at least this many characters were wrapped by the PDF layout, not by the author. */
const WRAPPED = 25;

/**
 * Join printed lines into running text: a line that filled the layout's
 * width (long, not ending a sentence) continues on the next line without a
 * break (with a space only between two Latin letters or digits); shorter
 * lines keep their line break (labels, table cells, short items).
 */
export function joinLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      [...last].length >= WRAPPED &&
      !/[。．.:：!?！？）)」』]$/u.test(last)
    ) {
      out[out.length - 1] =
        /[A-Za-z0-9]$/.test(last) && /^[A-Za-z0-9]/.test(line)
          ? `${last} ${line}`
          : `${last}${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** 漢字 (and 々〆ヵヶ), which furigana are for. */
const KANJI = /[\p{Script=Han}々〆ヵヶ]/u;

export function hasKanji(s: string): boolean {
  return KANJI.test(s);
}
