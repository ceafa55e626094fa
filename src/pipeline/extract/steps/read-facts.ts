/**
 * Step: the facts the summary card states — 実施主体 (who carries it out),
 * 対象 (who is eligible) and 補助率 (who pays what share) — read wherever the
 * page labels them: a requirement line (`実施主体：都道府県`), a box label with
 * its value after it or on the next line (`【実施主体】` / `都道府県`), several
 * on one line (`【補助実施主体】 都道府県 【補助率】 国１/２`), in brackets inside a
 * sentence (`（実施主体：都道府県、補助率：国2/3、都道府県1/3）`), letter-spaced
 * (`［ 実 施 主 体 ］ 市区町村`), a sentence (`…センターが実施主体となり`), and a
 * rate with no label (`補助(10/10)`, `国１/２、自治体１/４、事業所１/４`). Each fact
 * keeps its source line, so every fact on a page can be traced.
 */
import { foldWidth } from '../../../lib/normalise.ts';
import type { Details } from '../../types.ts';
import { cleanLine } from '../rules/clean-text.ts';
import { COMMON_HEADINGS, readHeadings } from '../rules/headings.ts';

type Fact = keyof Details;

/** A word whose letters may be printed spaced out: `実施主体` also matches `実 施 主 体`. */
const spaced = (word: string) => [...word].join('\\s?');

/** The labels of each fact (a label is followed by a separator or stands alone). */
const LABEL_SOURCE: Record<Fact, string> = {
  implementer: `(?:補助)?(?:事業)?${spaced('実施主体')}(?:等)?`,
  target: `(?:補助の|支援の)?(?:補助|支援|交付|助成|実施)?${spaced('対象')}(?:者|施設(?:・事業所)?|事業者|機関|事業場|地域)?`,
  rate: `(?:${spaced('補助率')}|${spaced('負担割合')}|${spaced('助成率')}|${spaced('補助割合')}|国庫負担(?:割合|率)?)`,
};

/** A label and the separator after it: `：`, `】`, `］`, `）`, a space, or the line's end. */
const LABEL = new RegExp(
  `(?:^|[^\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}A-Za-z0-9])\\s*(${Object.entries(
    LABEL_SOURCE,
  )
    .map(([k, src]) => `(?<${k}>${src})`)
    .join('|')})\\s*(?:[】］\\]]\\s*[:：]?|[:：]|(?=\\s)|$|(?<=率)(?=\\s*[\\d定国]))`,
  'gu',
);

/**
 * What ends a value: the next label (found separately), a new box label, a
 * note, a field separator ／ (`都道府県、指定都市／補助率: 1/2／実績…`; a ／ between
 * two digits is a fraction, `１／２`).
 */
const VALUE_STOP = /\s*(?:[【［◆※]|(?<=\S)\s+[○●■]|／(?!\s*[\d０-９])|(?<![\d０-９]\s*)／).*$/u;

/** A rate must say a share or a fixed amount. */
const RATE_VALUE = /\d\s*[/／]\s*\d|定額|分の\d|\d+\s*%/u;

/** A rate printed without a label: `補助(10/10)`, `定額補助`, `（補助率１０/１０）` is labelled. */
const BARE_RATE =
  /補助\s*[（(]\s*(\d+\s*[/／]\s*\d+|定額)\s*[)）]|定額補助(?:\s*[（(][^)）]*[)）])?/u;

/** A payer split with no label: `国１/２、自治体１/４、事業所１/４`, `国:3/5、市区町村:1/5、事業者:1/5`. */
const PAYER_SPLIT =
  /(?:^|[\s（(])(国\s*[:：]?\s*\d+\s*[/／]\s*\d+\s*[、,，・\s]\s*[^\s、,，]{1,12}?\s*[:：]?\s*\d+\s*[/／]\s*\d+(?:\s*[、,，・\s]\s*[^\s、,，]{1,12}?\s*[:：]?\s*\d+\s*[/／]\s*\d+)*)/u;

/** `国立がん研究センター中央病院が実施主体となり` */
const IMPLEMENTER_SENTENCE =
  /([^\s、。「」]{2,30}?)が(?:事業の)?実施主体(?:となり|となって|である)/u;

/** What may stand before a label alone on its line: list markers, a number `（2）`, `①`, `1.`. */
const LABEL_PREFIX = /^[\s・○●◆■◇\-*]*(?:(?:[(（]?[\d０-９]{1,2}[)）.．]|[①-⑳])\s*)?$/u;

/** The value after a label, up to the next label or box label. */
function valueOf(text: string): string {
  let v = cleanLine(text.replace(VALUE_STOP, ''))
    .replace(/^[】］\]:：•・\s]+/u, '')
    .replace(/[】］\]、,]+$/u, '')
    .trim();
  // a bracket left open or closed by the label's own bracket: `（補助率１０／１０）`
  if (/[)）]$/u.test(v) && !/[(（]/u.test(v)) v = v.slice(0, -1).trim();
  if (/^[(（][^)）]*$/u.test(v)) v = v.slice(1).trim();
  return v;
}

function acceptable(fact: Fact, value: string): boolean {
  if (value === '' || [...value].length > 80) return false;
  if (fact === 'rate') return RATE_VALUE.test(foldWidth(value));
  return !/^[。、]/u.test(value);
}

/**
 * Read each fact in lines[start..end] (0-based, inclusive). The first
 * labelled occurrence wins; a rate with no label counts only when the page
 * labels none.
 */
export function readDetails(lines: readonly string[], start: number, end: number): Details {
  const out: Details = { implementer: null, target: null, rate: null };
  const bare: Details = { implementer: null, target: null, rate: null };
  for (let i = start; i <= end && i < lines.length; i++) {
    // matched in the width-folded line (one character for one), values cut from the printed one
    const raw = lines[i]!;
    const t = foldWidth(raw);
    // a section heading (`2 事業の概要・スキーム、実施主体等`) names a fact, it does not state one
    if (
      t.trim() === '' ||
      (readHeadings(raw, COMMON_HEADINGS)?.headings ?? []).some((h) => !h.keepLabel)
    )
      continue;
    const found = [...t.matchAll(LABEL)].map((m) => {
      const fact = (Object.keys(LABEL_SOURCE) as Fact[]).find((k) => m.groups?.[k] !== undefined)!;
      // a label opened by a bracket ends with it: `（補助率１０／１０）し、…`
      return {
        fact,
        from: m.index! + m[0].length,
        bracketed: /^\s*\(/u.test(m[0]) || t[m.index! - 1] === '(',
      };
    });
    found.forEach((f, n) => {
      if (out[f.fact] !== null) return;
      const nextLabelAt = n + 1 < found.length ? labelStart(t, found[n + 1]!.from) : t.length;
      const close = f.bracketed ? t.indexOf(')', f.from) : -1;
      let value = valueOf(
        raw.slice(f.from, close >= 0 ? Math.min(close, nextLabelAt) : nextLabelAt),
      );
      // a label alone on its line: the value is on the next line, unless the line is a header row of several labels
      // (a label word closing a sentence's line, `…の作成にあたり、支援対象者`, is no label of a value below)
      const alone = LABEL_PREFIX.test(t.slice(0, labelStart(t, f.from)));
      if (value === '' && found.length === 1 && alone) {
        const next = lines.slice(i + 1, Math.min(end, i + 3) + 1).find((l) => l.trim() !== '');
        if (next !== undefined && ![...foldWidth(next).matchAll(LABEL)].length)
          value = valueOf(next);
      }
      if (acceptable(f.fact, value)) out[f.fact] = { text: value, line: i + 1 };
    });
    if (bare.rate === null) {
      const labelled = BARE_RATE.exec(t);
      const split = labelled ? null : PAYER_SPLIT.exec(t);
      const at = labelled
        ? { from: labelled.index, text: labelled[0] }
        : split
          ? { from: split.index + split[0].indexOf(split[1]!), text: split[1]! }
          : null;
      if (at)
        bare.rate = { text: cleanLine(raw.slice(at.from, at.from + at.text.length)), line: i + 1 };
    }
    if (bare.implementer === null) {
      const m = IMPLEMENTER_SENTENCE.exec(t);
      if (m)
        bare.implementer = {
          text: cleanLine(raw.slice(m.index, m.index + m[1]!.length)),
          line: i + 1,
        };
    }
  }
  return {
    implementer: out.implementer ?? bare.implementer,
    target: out.target,
    rate: out.rate ?? bare.rate,
  };
}

/** Where the label that ends at `labelEnd` starts (the value before it stops there). */
function labelStart(t: string, labelEnd: number): number {
  const before = t.slice(0, labelEnd);
  let best = labelEnd;
  for (const src of Object.values(LABEL_SOURCE)) {
    const re = new RegExp(`[【［\\[（(・◆○●■、,-]?\\s*${src}\\s*[】］\\]]?\\s*[:：]?\\s*$`, 'u');
    const m = re.exec(before);
    if (m && m.index < best) best = m.index;
  }
  return best;
}
