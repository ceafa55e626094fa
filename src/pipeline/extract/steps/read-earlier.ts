/**
 * Step: the earlier supplementary budgets a request or initial budget page prints beside its
 * amount (`※令和5年度補正予算額 27億円`, `※令和4年度第二次補正予算額 3.0億円`). They say the
 * programme was funded before, although its prior initial figure is a dash or a token; the
 * page shows them beside the 前年度当初予算額, never mixed into it.
 */
import { foldWidth } from '../../../lib/normalise.ts';
import type { Budget, EarlierBudget } from '../../types.ts';
import { FIGURE_SOURCE, parseFigure } from '../rules/amounts.ts';
import { tidy } from '../rules/text.ts';

const EARLIER = new RegExp(
  `(令和|平成)\\s*(\\d+|元)\\s*年度\\s*(?:第\\s*[一二三四五\\d]\\s*次\\s*)?補正予算(?:額|案)?\\s*[:：]?\\s*(${FIGURE_SOURCE})`,
  'gu',
);
const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988 };

/** How many lines after the amount line may hold such a note (blank lines included). */
const WINDOW = 4;

/**
 * The earlier supplementary amounts printed on the amount line (after the amount) or on the
 * note lines right after it (each starting with ※ or the era), within `[amountLine, end]`
 * (0-based). Only for request and initial budgets, and only for years before the budget's.
 */
export function readEarlierSupplementary(
  lines: readonly string[],
  amountLine: number,
  end: number,
  budget: Budget,
): EarlierBudget[] {
  if (budget.kind !== 'request' && budget.kind !== 'initial') return [];
  const out: EarlierBudget[] = [];
  for (let i = amountLine; i <= Math.min(end, amountLine + WINDOW); i++) {
    const line = foldWidth(lines[i] ?? '');
    if (i > amountLine && !/^\s*(?:※\s*)?(?:令和|平成)/u.test(line)) continue;
    for (const m of line.matchAll(EARLIER)) {
      const year = (m[2] === '元' ? 1 : Number(m[2])) + ERA_START[m[1]!]!;
      const yen = parseFigure(m[3]!);
      if (yen === null || year >= budget.fiscal_year) continue;
      out.push({ text: tidy(m[0]), yen, fiscal_year: year, line: i + 1 });
    }
  }
  return out;
}
