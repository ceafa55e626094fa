/**
 * Amount expressions of the budget documents: 億円, 百万円, 千円, 万円, 兆円,
 * full-width digits and commas, decimals, 約, …の内数 (part of a larger pot),
 * 制度要求 (no money), and the parenthesised prior-year figure.
 */
import type { AmountKind } from '../../types.ts';
import { DASHES, foldWidth } from '../../../lib/normalise.ts';

const UNIT: Record<string, number> = {
  兆: 1e12,
  億: 1e8,
  千万: 1e7,
  百万: 1e6,
  十万: 1e5,
  万: 1e4,
  千: 1e3,
  '': 1,
};

/** A number with an optional unit, then 円: `1,311億円`, `3.9 億円`, `190,800千円`, `1兆2,000億円`. */
export const FIGURE_SOURCE =
  '(?:約\\s*)?(?:\\d[\\d,]*(?:\\.\\d+)?\\s*兆\\s*)?\\d[\\d,]*(?:\\.\\d+)?\\s*(?:兆|億|千万|百万|十万|万|千)?\\s*円';
const FIGURE = new RegExp(FIGURE_SOURCE, 'u');

/** Multiply a decimal string by a power of ten without floating-point drift. */
function scaleDecimal(num: string, factor: number): number {
  const [int = '0', frac = ''] = num.replace(/,/g, '').split('.');
  const digits = Math.round(Math.log10(factor));
  if (frac.length > digits) return Math.round(Number(`${int}.${frac}`) * factor);
  return Number(int + frac.padEnd(digits, '0'));
}

/**
 * Parse one figure such as `２．１億円` or `1兆2,000億円` to integer yen.
 * Returns null when the text holds no figure.
 */
export function parseFigure(text: string): number | null {
  const s = foldWidth(text).replace(/\s+/g, '');
  const start = s.search(/[約\d]/u);
  if (start < 0) return null;
  const m =
    /^(?:約)?(?:(\d[\d,]*(?:\.\d+)?)兆)?(\d[\d,]*(?:\.\d+)?)?(兆|億|千万|百万|十万|万|千)?円/u.exec(
      s.slice(start),
    );
  if (!m) return null;
  const [, cho, num, unit = ''] = m;
  let yen = 0;
  if (cho) yen += scaleDecimal(cho, 1e12);
  if (num) yen += scaleDecimal(num, UNIT[unit] ?? 1);
  return yen;
}

export interface ParsedAmount {
  kind: AmountKind;
  yen: number | null;
  prior_yen: number | null;
  fund: string | null;
  /** The part of the input that makes the amount expression (trimmed). */
  text: string;
  /** Why the figure was not taken as printed (a decrease, a range, …), for the build summary. */
  issue?: string;
}

/** Largest amount read as a budget figure (1京円): anything larger is a misprint or not an amount. */
const MAX_YEN = 1e16;

const DASH_ONLY = new RegExp(`^[${DASHES}]\\s*(?:兆|億|千万|百万|万|千)?円?$`, 'u');

/**
 * Parse the text that follows a budget label, e.g. ` 7.9億円 (ー) ※()内は…`,
 * `：制度要求`, ` 地域医療介護総合確保基金（介護従事者確保分）97億円の内数`.
 * `withPrior`: whether a parenthesised figure right after the amount is the
 * prior year's budget (true for budget requests and initial budgets).
 */
export function parseAmountExpression(raw: string, withPrior: boolean): ParsedAmount | null {
  const s = foldWidth(raw);
  const lead = s.replace(/^[\s:：】\]]+/u, '');
  const offset = s.length - lead.length;

  const seido = /^制\s*度\s*要\s*求(?:\s*[(（][^)）]*[)）])?/u.exec(lead);
  if (seido) {
    const m = seido;
    return {
      kind: 'none',
      yen: null,
      prior_yen: null,
      fund: null,
      text: raw.slice(offset, offset + m[0].length).trim(),
    };
  }
  const unread = (text: string, issue: string): ParsedAmount => ({
    kind: 'none',
    yen: null,
    prior_yen: null,
    fund: null,
    text: text.trim(),
    issue,
  });

  const fig = FIGURE.exec(lead);
  if (!fig) return null;
  const before = lead.slice(0, fig.index);
  // A figure far from the label is some other number, not this amount.
  if (before.length > 60 || /[。]/u.test(before)) return null;
  let end = fig.index + fig[0].length;
  let kind: AmountKind = 'own';
  let yen: number | null = parseFigure(fig[0]);
  let fund: string | null = null;
  let issue: string | undefined;
  const printed = raw.slice(offset, offset + end);
  // figures that are not one budget amount: keep the text, report, read no figure
  if (/[▲△▼−－-]\s*$/u.test(before))
    return unread(
      printed,
      `「${printed.trim()}」 is a decrease (▲), not a budget amount; shown without a figure`,
    );
  if (/[A-Za-z_]$/u.test(before))
    return unread(
      printed,
      `「${printed.trim()}」: the figure is glued to letters; not read as an amount`,
    );
  const range = /^\s*[～〜~]\s*(?:約\s*)?\d[\d,.]*\s*(?:兆|億|千万|百万|十万|万|千)?\s*円?/u.exec(
    lead.slice(end),
  );
  if (
    range ||
    /\d\s*(?:兆|億|千万|百万|十万|万|千)?\s*[～〜~]\s*(?:約\s*)?$/u.test(
      before + fig[0].replace(/\d[\s\S]*$/u, ''),
    )
  ) {
    const text = raw.slice(offset, offset + end + (range?.[0].length ?? 0));
    return unread(text, `「${text.trim()}」 is a range of amounts; not read as one figure`);
  }
  if (/[～〜~]/u.test(fig[0]) || /[～〜~]\s*$/u.test(before))
    return unread(printed, `「${printed.trim()}」 is a range of amounts; not read as one figure`);
  if (yen !== null && (!Number.isSafeInteger(yen) || yen > MAX_YEN))
    return unread(
      printed,
      `「${printed.trim()}」 is larger than any budget (over 1京円); not read as an amount`,
    );
  const approx = /^\s*(?:程度|前後|余り|強|弱)/u.exec(lead.slice(end));
  if (approx || /約/u.test(fig[0])) {
    if (approx) end += approx[0].length;
    issue = `「${raw.slice(offset, offset + end).trim()}」 is an approximate amount; the figure is used as printed`;
  }

  const rest = lead.slice(end);
  const uchi = /^\s*[)）]?\s*の内数/u.exec(rest);
  if (uchi) {
    kind = 'part_of';
    // the pot and its figure as printed, with a bracket the figure opened closed again: 〇〇交付金（59億円）
    fund = raw.slice(offset, offset + end + (/^\s*[)）]/u.exec(rest)?.[0].length ?? 0)).trim();
    yen = null;
    end += uchi[0].length;
  }

  // "12億円＋事項要求（国土強靭化分）" stays part of the printed expression
  const plus = /^\s*[+＋]\s*事項要求(?:[(（][^)）]*[)）])?/u.exec(lead.slice(end));
  if (plus) end += plus[0].length;

  let prior_yen: number | null = null;
  const after = lead.slice(end);
  const paren = /^\s*[(（]([^()（）]*)[)）]/u.exec(after);
  if (paren) {
    const inner = paren[1]!.trim();
    if (withPrior) {
      if (DASH_ONLY.test(inner) || inner === '') {
        end += paren[0].length;
      } else if (new RegExp(`^${FIGURE_SOURCE}$`, 'u').test(inner)) {
        prior_yen = parseFigure(inner);
        end += paren[0].length;
      } else if (new RegExp(`${FIGURE_SOURCE}\\s*の内数$`, 'u').test(inner)) {
        end += paren[0].length;
      }
    }
  }

  return {
    kind,
    yen,
    prior_yen,
    fund,
    text: raw.slice(offset, offset + end).trim(),
    ...(issue ? { issue } : {}),
  };
}
