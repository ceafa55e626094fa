/**
 * Display formatting for amounts, fiscal years and budget kinds.
 * Pure functions: values in, strings out.
 */
import type { AmountKind, BudgetKind } from '../schemas/measure.ts';

const OKU = 100_000_000; // 億
const MAN = 10_000; // 万

const grouped = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

/**
 * Amount in yen in the style citizens read: 828億円, 1,311億円, 3.9億円,
 * 7,200万円, 5,000円. At most one decimal is shown; when the value had to be
 * rounded to get there, it is marked 約 (approximately) so no figure on a
 * page looks more exact than it is. Use formatYenExact for the full number.
 */
export function formatYen(yen: number): string {
  if (!Number.isFinite(yen)) throw new RangeError(`not a finite amount: ${yen}`);
  if (yen < 0) return `−${formatYen(-yen)}`;
  if (yen >= OKU) return inUnit(yen, OKU, '億円');
  if (yen >= MAN) {
    // 9,999.99万 would round up to 10,000万: say 約1億円 instead.
    if (Math.round((yen * 10) / MAN) >= 10 * MAN) return inUnit(yen, OKU, '億円');
    return inUnit(yen, MAN, '万円');
  }
  if (Number.isInteger(yen)) return `${exact.format(yen)}円`;
  return `約${exact.format(Math.round(yen))}円`;
}

function inUnit(yen: number, unit: number, suffix: string): string {
  const tenths = (yen * 10) / unit;
  const isExact = Number.isInteger(tenths);
  const value = Math.round(tenths) / 10;
  return `${isExact ? '' : '約'}${grouped.format(value)}${suffix}`;
}

/**
 * A whole-budget amount (trillions) in 兆円 with one decimal, as newspapers print the
 * ministry's budget (33.8兆円); below 1兆円 the same as formatYen.
 */
export function formatYenCho(yen: number): string {
  return yen >= 10_000 * OKU ? inUnit(yen, 10_000 * OKU, '兆円') : formatYen(yen);
}

/** Full amount in yen with digit grouping: 82,800,000,000円. */
export function formatYenExact(yen: number): string {
  if (!Number.isFinite(yen)) throw new RangeError(`not a finite amount: ${yen}`);
  return `${exact.format(yen)}円`;
}

const KIND_LABELS: Record<BudgetKind, string> = {
  supplementary: '補正予算',
  request: '概算要求',
  initial: '当初予算',
  policy: '政策パッケージ',
};

/** Japanese name of a budget (document) kind. */
export function budgetKindLabel(kind: BudgetKind): string {
  return KIND_LABELS[kind];
}

/**
 * What a document's total is the total of, in words: the measures the
 * booklet prints, never the ministry's whole budget; a policy document's
 * items are the budgets it names as related, not a budget of its own.
 */
export function setTotalLabel(kind: BudgetKind, label: string): string {
  return kind === 'policy'
    ? `関連する予算として載っている施策の合計（${label}）`
    : `この資料に載っている施策の合計（${label}）`;
}

const AMOUNT_KIND_LABELS: Record<AmountKind, string> = {
  own: '金額あり',
  part_of: '他の予算の内数',
  none: '金額の記載なし',
};

/** Japanese description of an amount kind. */
export function amountKindLabel(kind: AmountKind): string {
  return AMOUNT_KIND_LABELS[kind];
}

/**
 * Japanese fiscal year with the Western year: 令和6年度（2024年度）.
 * 令和 began in 2019 (元年), 平成 in 1989.
 */
export function formatFiscalYear(year: number): string {
  const era =
    year >= 2019
      ? { name: '令和', start: 2018 }
      : year >= 1989
        ? { name: '平成', start: 1988 }
        : null;
  if (!era) return `${year}年度`;
  const n = year - era.start;
  return `${era.name}${n === 1 ? '元' : n}年度（${year}年度）`;
}

/** Source line range as shown on pages: 行 12–40 (or 行 12 for one line). */
export function formatLineRange([first, last]: readonly [number, number]): string {
  return first === last ? `行 ${first}` : `行 ${first}–${last}`;
}

/** A fiscal year by its era only: 令和6年度 (formatFiscalYear without the western year). */
export function formatEraYear(year: number): string {
  return formatFiscalYear(year).replace(/（.*$/u, '');
}

/** A line range in words, as a citation gives it: 120〜160行目 (one line: 120行目). */
export function formatLineSpan([first, last]: readonly [number, number]): string {
  return first === last ? `${first}行目` : `${first}〜${last}行目`;
}

/** Short amount for lists and tables: 828億円 / 〇〇基金の内数 / 記載なし. */
export function formatAmountShort(amount: {
  kind: AmountKind;
  yen: number | null;
  fund: string | null;
}): string {
  if (amount.kind === 'own' && amount.yen !== null) return formatYen(amount.yen);
  if (amount.kind === 'part_of') return amount.fund ? `${amount.fund}の内数` : '他の予算の内数';
  return '記載なし';
}

/**
 * One sentence on whether a package's sub-measures add up to its amount,
 * for a package page: equal, the difference in exact yen, or why the two
 * cannot be compared.
 */
export function describePackageSum(p: {
  own_yen: number | null;
  children_own_yen: number;
  children_other_count: number;
  difference: number | null;
}): string {
  if (p.difference === 0)
    return `内訳の金額の合計は、この施策の金額（${formatYen(p.own_yen!)}）と一致します。`;
  if (p.difference !== null) {
    return (
      `内訳の金額の合計（${formatYenExact(p.children_own_yen)}）は、この施策の金額（${formatYenExact(p.own_yen!)}）より` +
      `${formatYenExact(Math.abs(p.difference))}${p.difference > 0 ? '少なく' : '多く'}なっています。金額は資料に載っているとおりで、端数の丸めなどによる差の可能性があります。`
    );
  }
  if (p.own_yen === null)
    return 'この施策の金額は資料に示されていないため、内訳の合計と比べられません。';
  return `内訳のうち${p.children_other_count}件は他の予算の内数か金額の記載がないため、内訳の合計とこの施策の金額は比べられません。`;
}

/** A YYYY-MM-DD date in Japanese (2024-08-30 → 2024年8月30日). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Text to be put inside 「」: its own 「」 become 『』, as Japanese writes a quotation inside a
 * quotation (「『女性の健康』ナショナルセンター…」, not 「「女性の健康」…」).
 */
export function innerQuote(text: string): string {
  return text.replace(/「/gu, '『').replace(/」/gu, '』');
}
