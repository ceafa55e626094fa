/**
 * The explorer table (/explore/) as data, for the page's script (src/client/explore.ts) and for
 * tests: a row as the table shows it, the filter and sort state and its URL query, which rows a
 * state shows in which order, and the CSV of those rows. Pure and dependency-free (bundled into
 * the page): no DOM, no generated data.
 */
import { csvText } from '../lib/csv-text.ts';
import type { AmountKind } from '../schemas/measure.ts';

/** What the table shows in a cell that has nothing to show. */
export const NO_VALUE = '—';

/** One row of the table: the texts of its cells and what filters and sorting read. */
export interface ExploreRow {
  /** The row's place in the table as built (documents in order, measures in source order). */
  index: number;
  id: string;
  /** The name shown (the link text). */
  name: string;
  /** The measure page's address (the link's target). */
  url: string;
  /** The budget filter's key: the document id, with `~<n>` when the document has several budgets. */
  budgetKey: string;
  /** The budget label shown. */
  budget: string;
  amountKind: AmountKind;
  /** The amount as shown: 828億円, 〇〇の内数, 金額の記載なし. */
  amount: string;
  /** The exact amount (own amounts only). */
  yen: number | null;
  /** The prior-year initial budget as shown (or なし / —). */
  prior: string;
  priorYen: number | null;
  /** The change from the prior year as shown (or —). */
  change: string;
  diff: number | null;
  /** The responsible bureau as printed, '' when none is. */
  bureau: string;
  /** Slugs of the bureaus whose lists hold the measure. */
  bureaus: string[];
  /** Badge names (新規, 拡充 …). */
  tags: string[];
  tagSlugs: string[];
}

/** The columns that sort, in the table's order. */
export const SORT_KEYS = ['name', 'budget', 'amount', 'prior', 'change', 'bureau', 'tags'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** Columns of amounts: sorted largest first on the first click. */
export const NUMERIC_SORTS: ReadonlySet<SortKey> = new Set(['amount', 'prior', 'change']);

/** The filters, by their URL parameter (the search page's names where they mean the same). */
export const FILTER_KEYS = ['budget', 'bureau', 'tag', 'amount_kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The bureau filter's value for measures whose page names no bureau. */
export const NO_BUREAU = 'none';

export interface ExploreState {
  /** Words the shown name must contain (all of them). */
  q: string;
  filters: Record<FilterKey, string>;
  /** null: the table's own order. */
  sort: SortKey | null;
  order: 'asc' | 'desc';
}

export const EMPTY_STATE: ExploreState = {
  q: '',
  filters: { budget: '', bureau: '', tag: '', amount_kind: '' },
  sort: null,
  order: 'asc',
};

/**
 * Text as the name filter compares it: NFKC (ＩＣＴ→ICT), lower case, hiragana as katakana; the
 * search's baseNormalize without its number rule. Not imported from src/lib/search-normalise.ts:
 * a module shared with the search page's script would be split into a chunk of its own, and
 * change that page's script.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const isSortKey = (v: string | null): v is SortKey => (SORT_KEYS as readonly string[]).includes(v!);

/** The state a URL query asks for (?q=…&budget=…&sort=amount&order=desc); unknown values are kept for the page to check. */
export function readState(params: URLSearchParams): ExploreState {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<
      FilterKey,
      string
    >,
    sort: isSortKey(sort) ? sort : null,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The state into a URL query: set what differs from the default, delete the rest, keep other parameters. */
export function writeState(state: ExploreState, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  const set = (key: string, value: string) => (value ? out.set(key, value) : out.delete(key));
  set('q', state.q.trim());
  for (const k of FILTER_KEYS) set(k, state.filters[k]);
  set('sort', state.sort ?? '');
  set('order', state.sort && state.order === 'desc' ? 'desc' : '');
  return out;
}

/** Does the row pass every filter of the state? */
export function matches(row: ExploreRow, state: ExploreState): boolean {
  const { budget, bureau, tag, amount_kind } = state.filters;
  if (budget && row.budgetKey !== budget && !row.budgetKey.startsWith(`${budget}~`)) return false;
  if (bureau && (bureau === NO_BUREAU ? row.bureau !== '' : !row.bureaus.includes(bureau)))
    return false;
  if (tag && !row.tagSlugs.includes(tag)) return false;
  if (amount_kind && row.amountKind !== amount_kind) return false;
  const words = foldName(state.q).split(/\s+/u).filter(Boolean);
  if (words.length > 0) {
    const name = foldName(row.name);
    if (!words.every((w) => name.includes(w))) return false;
  }
  return true;
}

const collator = new Intl.Collator('ja', { numeric: true });

/** A row's value in a column: a number, a text, or null (always last). */
function key(row: ExploreRow, sort: SortKey): number | string | null {
  switch (sort) {
    case 'name':
      return row.name;
    case 'budget':
      return row.budget;
    case 'amount':
      return row.yen;
    case 'prior':
      return row.priorYen;
    case 'change':
      return row.diff;
    case 'bureau':
      return row.bureau || null;
    case 'tags':
      return row.tags.length > 0 ? row.tags.join('・') : null;
  }
}

/** Rows in a column's order; rows without a value last either way, ties in the table's order. */
export function compareRows(sort: SortKey, order: 'asc' | 'desc') {
  const sign = order === 'desc' ? -1 : 1;
  return (a: ExploreRow, b: ExploreRow): number => {
    const x = key(a, sort);
    const y = key(b, sort);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return a.index - b.index;
    }
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y));
    return c !== 0 ? sign * c : a.index - b.index;
  };
}

/** The rows a state shows, in the order it shows them. */
export function view(rows: readonly ExploreRow[], state: ExploreState): ExploreRow[] {
  const shown = rows.filter((r) => matches(r, state));
  return state.sort ? shown.sort(compareRows(state.sort, state.order)) : shown;
}

/** The explorer CSV's columns. */
export const CSV_HEADER = [
  'ID',
  '施策名',
  '予算',
  '金額',
  '金額（円）',
  '前年度当初予算額（円）',
  '増減（円）',
  '担当',
  '区分',
  'URL',
] as const;

/** The rows as a CSV file (UTF-8 with BOM, the site's CSV rules: src/lib/csv-text.ts), in the given order. */
export function exploreCsv(rows: readonly ExploreRow[]): string {
  return csvText(
    CSV_HEADER,
    rows.map((r) => [
      r.id,
      r.name,
      r.budget,
      r.amount,
      r.yen,
      r.priorYen,
      r.diff,
      r.bureau || null,
      r.tags.join(';') || null,
      r.url,
    ]),
  );
}

/** The live status line: 12件を表示（全336件）. */
export function statusText(shown: number, total: number): string {
  return `${shown}件を表示（全${total}件）`;
}
