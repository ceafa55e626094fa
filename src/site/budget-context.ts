/**
 * The ministry's whole budget beside a document's total (content/budget-context.yaml): what a
 * document page says about it, one line per recorded account, or why there is none.
 */
import type { ContextFigure } from '../schemas/budget-context.ts';
import { formatDate, formatYenCho, formatYenExact } from '../lib/format.ts';

export interface ContextLine {
  /** The term of the facts list: 厚生労働省全体（一般会計）. */
  term: string;
  amount: string;
  exact: string;
  /** What the figure is, as its source names it. */
  label: string;
  source: string;
  url: string | null;
  published: string;
  checked: string;
}

/** The sentence shown when no figure is recorded for a document. */
export const NO_CONTEXT =
  '厚生労働省全体の予算額（一般会計・特別会計）は、出典を確かめた数字がまだ登録されていないため載せていません。上の合計は、この資料に載っている施策だけを足したもので、省全体の予算額ではありません。';

/** The sentence under recorded figures: they are context, never part of the total. */
export const CONTEXT_NOTE =
  '省全体の予算額は参考として載せています。この資料に載っている施策の合計とは別の数字で、足し合わせていません。';

const ACCOUNT_ORDER = ['一般会計', '特別会計'];

/** The recorded figures of one document, 一般会計 first. */
export function contextLines(document: string, figures: readonly ContextFigure[]): ContextLine[] {
  return figures
    .filter((f) => f.document === document)
    .sort((a, b) => ACCOUNT_ORDER.indexOf(a.account) - ACCOUNT_ORDER.indexOf(b.account))
    .map((f) => ({
      term: `厚生労働省全体（${f.account}）`,
      amount: formatYenCho(f.yen),
      exact: formatYenExact(f.yen),
      label: f.label,
      source: f.source,
      url: f.url,
      published: formatDate(f.published),
      checked: formatDate(f.checked),
    }));
}
