/**
 * Subsidy rates (補助率) as printed — `10/10`, `１／２`, `定額（10/10相当）`,
 * `国1/2、県1/4、受入事業所等1/4`, `50／100`, `1/3（令和6年度）→1/2` — read
 * into shares, and said in plain words: 国が全額を負担, 国が半分を負担 …
 */
import { foldWidth } from '../lib/normalise.ts';

export interface Share {
  /** Who pays this share, as printed (国, 都道府県 …); null when the rate names no payer. */
  payer: string | null;
  numerator: number;
  denominator: number;
}

export interface Rate {
  /** 定額: a fixed amount rather than a share of the cost. */
  fixed: boolean;
  /** `定額（10/10相当）`: the fixed amount corresponds to this share. */
  shares: Share[];
}

const FRACTION = /(?:([^\d\s、，,:：()（）/]{1,16}?)\s*[:：]?\s*)?(\d+)\s*[/／]\s*(\d+)/gu;
const BUNNO = /(\d+)分の(\d+)/gu;

/**
 * Read a printed rate. Where the text gives a change (`1/3 → 1/2`), the
 * rate after the last arrow counts. Returns null when no rate is found.
 */
export function parseRate(printed: string): Rate | null {
  let text = foldWidth(printed).replace(BUNNO, (_, d: string, n: string) => `${n}/${d}`);
  const arrow = text.lastIndexOf('→');
  if (arrow >= 0 && /\d\s*\/\s*\d|定額/u.test(text.slice(arrow))) text = text.slice(arrow + 1);
  const fixed = /定額/u.test(text);
  const shares: Share[] = [];
  for (const m of text.matchAll(FRACTION)) {
    const numerator = Number(m[2]);
    const denominator = Number(m[3]);
    if (denominator === 0 || numerator > denominator) continue;
    const payer = (m[1] ?? '').replace(/^(?:補助率|うち|上記費用の)/u, '').trim();
    shares.push({
      payer: payer === '' || /^[^\p{Script=Han}\p{Script=Katakana}]+$/u.test(payer) ? null : payer,
      numerator,
      denominator,
    });
  }
  if (!fixed && shares.length === 0) return null;
  return { fixed, shares };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A share in words: 全額, 半分, 3分の2 … */
export function shareWords(numerator: number, denominator: number): string {
  const g = gcd(numerator, denominator) || 1;
  const n = numerator / g;
  const d = denominator / g;
  if (n === d) return '全額';
  if (n === 1 && d === 2) return '半分';
  return `${d}分の${n}`;
}

const NATIONAL = /^(?:国|国庫)$/u;

/**
 * The rate in plain words: who pays what.
 * - 10/10 → 国が全額を負担
 * - 1/2 → 国が半分を負担 (the rest by the implementer or local government)
 * - 定額 → 国が一定額を支給 (with 10/10相当: 費用の全額に当たる額)
 * - 国1/2、都道府県1/4、市町村1/4 → 国が半分、都道府県が4分の1、市町村が4分の1を負担
 * - 10/10、1/2 (several rates, no payers) → 国が全額または半分を負担（内容により異なる）
 */
export function rateWords(rate: Rate): string {
  const { fixed, shares } = rate;
  if (fixed) {
    const equivalent =
      shares.length === 1 && shares[0]!.payer === null
        ? `（費用の${shareWords(shares[0]!.numerator, shares[0]!.denominator)}に当たる額）`
        : '';
    return `国が一定額を支給${equivalent}`;
  }
  const named = shares.filter((s) => s.payer !== null);
  if (named.length > 0 && named.length === shares.length) {
    const parts = named.map(
      (s) =>
        `${NATIONAL.test(s.payer!) ? '国' : s.payer}が${shareWords(s.numerator, s.denominator)}`,
    );
    return `${parts.join('、')}を負担`;
  }
  const words = [...new Set(shares.map((s) => shareWords(s.numerator, s.denominator)))];
  if (words.length === 1) {
    const only = shares[0]!;
    const rest = only.numerator === only.denominator ? '' : '（残りは事業の実施主体などが負担）';
    return `国が${words[0]}を負担${rest}`;
  }
  return `国が${words.join('または')}を負担（内容により異なる）`;
}
