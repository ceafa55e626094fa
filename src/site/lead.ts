/**
 * The plain-language summary at the top of a measure page, built from the
 * record by template sentences: nothing is invented, every figure comes from
 * the record (and the curated population figure for per-person amounts).
 */
import { joinLines } from '../lib/normalise.ts';
import { formatYen, innerQuote } from '../lib/format.ts';
import { foldWidth, DASHES } from '../lib/normalise.ts';
import { parseRate, rateWords } from './rates.ts';
import type { BudgetKind, MeasureRecord } from '../schemas/measure.ts';
import type { Population } from '../schemas/population.ts';

export type { Population };

const grouped = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/**
 * Amount per inhabitant, rounded for reading: two significant figures from
 * 100 yen (約670円, 約1,200円), whole yen from 10 (約64円), one decimal from 1
 * (約6.4円), one significant figure below (約0.06円). 約 is left out only when
 * the division is exact.
 */
export function perPerson(yen: number, population: number): { value: number; text: string } {
  if (!(population > 0)) throw new RangeError(`population must be positive: ${population}`);
  const exact = yen / population;
  let value: number;
  if (exact >= 100) value = Number(exact.toPrecision(2));
  else if (exact >= 10) value = Math.round(exact);
  else if (exact >= 1) value = Math.round(exact * 10) / 10;
  else value = Number(exact.toPrecision(1));
  return { value, text: `${value === exact ? '' : '約'}${grouped.format(value)}円` };
}

/** Groups of people an amount is shown per: a figure below 1 yen per person says nothing. */
const PER = [
  { people: 1, words: '国民1人あたり' },
  { people: 10_000, words: '国民1万人あたり' },
  { people: 1_000_000, words: '国民100万人あたり' },
] as const;

/**
 * The amount per person in words (国民1人あたり約670円), or per 10,000 or per
 * 1 million people when one person's share is below 1 yen (国民1万人あたり約4,000円);
 * null when even that is below 1 yen.
 */
export function perPeople(
  yen: number,
  population: number,
): { people: number; text: string } | null {
  for (const { people, words } of PER) {
    const share = perPerson(yen * people, population);
    if (share.value >= 1) return { people, text: `${words}${share.text}` };
  }
  return null;
}

export interface Change {
  diff: number;
  /** Percentage change, null when the prior amount is 0. */
  percent: number | null;
  /** +2.9億円（+58%） / −1億円（−10%） / 前年度と同額 */
  text: string;
}

/**
 * Change from the prior year's amount. A percentage of a token prior figure
 * says nothing (+14900 % from 1百万円): from ten times up or down, the
 * change is given as an amount only (percent null).
 */
export function priorChange(yen: number, prior: number): Change {
  const diff = yen - prior;
  if (diff === 0) return { diff, percent: 0, text: '前年度と同額' };
  const tenfold = prior > 0 && (yen >= prior * 10 || yen * 10 <= prior);
  const percent = prior === 0 || tenfold ? null : (diff / prior) * 100;
  const sign = diff > 0 ? '+' : '−';
  const pct =
    percent === null
      ? ''
      : `（${sign}${Math.abs(percent) >= 10 ? Math.round(Math.abs(percent)) : Math.round(Math.abs(percent) * 10) / 10}%）`;
  return { diff, percent, text: `${sign}${formatYen(Math.abs(diff))}${pct}` };
}

/** `令和6年度補正予算案` → `令和6年度の補正予算案`; `令和7年度概算要求` → `令和7年度予算の概算要求`. */
export function budgetPhrase(label: string): string {
  const m = /^(令和|平成)\s*(\d+|元)\s*年度\s*(.+)$/u.exec(foldWidth(label).trim());
  if (!m) return label;
  const [, era, year, rest] = m;
  const what = rest!.replace(/額$/u, '');
  if (/^概算要求/u.test(what)) return `${era}${year}年度予算の${what}`;
  return `${era}${year}年度の${what}`;
}

const KIND_EXPLANATIONS: Record<BudgetKind, string> = {
  supplementary:
    '補正予算は、年度の途中で、その年度の予算にお金を追加したり使い道を変えたりするための予算です。「案」が付くものは国会で議決される前の案です。',
  request:
    '概算要求は、各省庁が翌年度の予算として財務省に求める金額です。まだ決まった予算ではなく、年末の政府予算案までに金額が変わることがあります。',
  initial:
    '当初予算は、年度の初めから1年間に使うお金の計画です。「案」が付くものは国会で議決される前の案です。',
  policy: '政策の方針をまとめた資料に、関連する予算として載っているものです。',
};

/** What a kind of budget is, in plain words. */
export function budgetKindExplanation(kind: BudgetKind): string {
  return KIND_EXPLANATIONS[kind];
}

/** The printed prior-year figure is a dash: the measure had no budget the year before. */
export function priorIsDash(amountText: string): boolean {
  return new RegExp(`[(（]\\s*[${DASHES}]\\s*[)）]`, 'u').test(amountText);
}

/** 制度要求: a change of rules requested with no money. */
export function isRuleChange(amountText: string): boolean {
  return /制度要求/u.test(amountText);
}

/**
 * First sentence of a text, at most `max` characters (cut with …). Only a
 * complete sentence (ending in 。) counts: layout debris such as chart
 * captions is never quoted as the purpose. Returns '' when there is none.
 */
export function firstSentence(text: string, max = 90): string {
  // leading section labels and list markers are layout, not part of the sentence
  const body = text
    .trim()
    .replace(/^(?:\s*(?:[＜<【][^＞>】\n]{1,8}[＞>】]|[○◯●◎・･•◆◇■□※➢▶►]|[①-⑳]))+\s*/u, '');
  const first = (
    joinLines(body.split('\n').map((l) => l.trim()))
      .join('\n')
      .split(/(?<=。)|\n/u)[0] ?? ''
  ).trim();
  if (!first.endsWith('。')) return '';
  const chars = [...first];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : first;
}

/** The one or two sentences at the top of a measure page. */
export function leadSentences(record: MeasureRecord, population: Population | null): string[] {
  const { amount, budget } = record;
  const phrase = budgetPhrase(budget.label);
  const verb = budget.kind === 'request' ? '求めています' : '計上しています';
  const out: string[] = [];
  if (amount.kind === 'own' && amount.yen !== null) {
    const people = population ? perPeople(amount.yen, population.total) : null;
    const pp = people ? `（${people.text}）` : '';
    out.push(`${phrase}で${formatYen(amount.yen)}${pp}を${verb}。`);
    if (amount.prior_yen !== null) {
      const change = priorChange(amount.yen, amount.prior_yen);
      out.push(
        change.diff === 0
          ? `前年度当初予算額（${formatYen(amount.prior_yen)}）と同じ額です。`
          : `前年度当初予算額（${formatYen(amount.prior_yen)}）より${formatYen(Math.abs(change.diff))}${change.diff > 0 ? '多い' : '少ない'}額です。`,
      );
    } else if (budget.kind === 'request' && priorIsDash(amount.text)) {
      out.push(
        record.earlier_supplementary.length > 0
          ? `前年度の当初予算はありませんが、${record.earlier_supplementary.map((e) => e.text).join('、')}が計上されていました。`
          : '前年度の当初予算はありません。',
      );
    }
  } else if (amount.kind === 'part_of') {
    out.push(
      `${phrase}に載っていますが、この施策だけの金額は示されていません。${amount.fund ? `「${amount.fund}」の一部から支出されます。` : '他の予算の一部から支出されます。'}`,
    );
  } else if (isRuleChange(amount.text)) {
    out.push(
      `${phrase}で求めている「制度要求」です。新しいお金を伴わず、制度やルールの見直しを求めるものです。`,
    );
  } else {
    out.push(`${phrase}の資料に載っていますが、金額の記載はありません。`);
  }
  const purpose = firstSentence(record.sections.purpose);
  if (purpose) out.push(`資料では、目的を「${innerQuote(purpose)}」と説明しています。`);
  return out;
}

/** The national share in words with the rate as printed, or null when the page prints none. */
export function rateSummary(
  record: MeasureRecord,
): { words: string | null; printed: string; line: number } | null {
  const rate = record.details.rate;
  if (!rate) return null;
  const parsed = parseRate(rate.text);
  return { words: parsed ? rateWords(parsed) : null, printed: rate.text, line: rate.line };
}
