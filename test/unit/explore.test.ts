/**
 * The explorer table's logic (src/site/explore-view.ts) and the browser's CSV writer
 * (src/lib/csv-text.ts): filters, sorting, the URL query, and CSV bytes equal to csv-stringify's
 * under the site's options.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/lib/csv-text.ts';
import {
  CSV_HEADER,
  EMPTY_STATE,
  compareRows,
  exploreCsv,
  matches,
  readState,
  statusText,
  view,
  writeState,
  type ExploreRow,
  type ExploreState,
} from '../../src/site/explore-view.ts';
import { HOSTILE_LINES } from '../fixtures/records.ts';

function row(over: Partial<ExploreRow>): ExploreRow {
  return {
    index: 0,
    id: 'doc-001',
    name: '施策',
    url: '/measures/doc-001/',
    budgetKey: 'doc',
    budget: '令和6年度補正予算案',
    amountKind: 'own',
    amount: '10億円',
    yen: 1_000_000_000,
    prior: '—',
    priorYen: null,
    change: '—',
    diff: null,
    bureau: '医政局',
    bureaus: ['health-policy'],
    tags: [],
    tagSlugs: [],
    ...over,
  };
}
const state = (
  over: Partial<Omit<ExploreState, 'filters'>> & { filters?: Partial<ExploreState['filters']> },
): ExploreState => ({
  ...EMPTY_STATE,
  ...over,
  filters: { ...EMPTY_STATE.filters, ...over.filters },
});

const ROWS = [
  row({ index: 0, id: 'a-1', name: 'がん対策の推進', yen: 500, budgetKey: 'a~1' }),
  row({
    index: 1,
    id: 'a-2',
    name: 'ＩＣＴ導入支援',
    yen: null,
    amountKind: 'part_of',
    amount: '基金の内数',
    budgetKey: 'a~2',
    bureau: '',
    bureaus: [],
  }),
  row({
    index: 2,
    id: 'b-1',
    name: '介護人材の確保',
    yen: 900,
    priorYen: 1000,
    diff: -100,
    budgetKey: 'b',
    tags: ['新規'],
    tagSlugs: ['new'],
    bureaus: ['health-welfare-elderly'],
  }),
  row({
    index: 3,
    id: 'b-2',
    name: 'ガン検診',
    yen: 500,
    priorYen: 100,
    diff: 400,
    budgetKey: 'b',
  }),
];
const ids = (rows: ExploreRow[]) => rows.map((r) => r.id);

describe('explorer filters', () => {
  it('shows every row with no filter, in the table order', () => {
    expect(ids(view(ROWS, EMPTY_STATE))).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
  });

  it('filters by a document or one of its budgets, bureau, tag and amount kind', () => {
    expect(ids(view(ROWS, state({ filters: { budget: 'a' } })))).toEqual(['a-1', 'a-2']);
    expect(ids(view(ROWS, state({ filters: { budget: 'a~2' } })))).toEqual(['a-2']);
    // a prefix of another document's id is not that document
    expect(
      ids(
        view([...ROWS, row({ id: 'ab-1', budgetKey: 'ab' })], state({ filters: { budget: 'a' } })),
      ),
    ).toEqual(['a-1', 'a-2']);
    expect(ids(view(ROWS, state({ filters: { bureau: 'health-welfare-elderly' } })))).toEqual([
      'b-1',
    ]);
    expect(ids(view(ROWS, state({ filters: { bureau: 'none' } })))).toEqual(['a-2']);
    expect(ids(view(ROWS, state({ filters: { tag: 'new' } })))).toEqual(['b-1']);
    expect(ids(view(ROWS, state({ filters: { amount_kind: 'part_of' } })))).toEqual(['a-2']);
    expect(ids(view(ROWS, state({ filters: { budget: 'b', amount_kind: 'part_of' } })))).toEqual(
      [],
    );
  });

  it('matches every word of the text filter in the name, across width, case and kana', () => {
    expect(ids(view(ROWS, state({ q: 'ict' })))).toEqual(['a-2']);
    expect(ids(view(ROWS, state({ q: 'がん' })))).toEqual(['a-1', 'b-2']);
    expect(ids(view(ROWS, state({ q: '介護　確保' })))).toEqual(['b-1']);
    expect(ids(view(ROWS, state({ q: '介護 がん' })))).toEqual([]);
    expect(matches(ROWS[0]!, state({ q: '   ' }))).toBe(true);
  });
});

describe('explorer sorting', () => {
  it('sorts numbers either way with the rows without a value last, ties in table order', () => {
    expect(ids(view(ROWS, state({ sort: 'amount', order: 'desc' })))).toEqual([
      'b-1',
      'a-1',
      'b-2',
      'a-2',
    ]);
    expect(ids(view(ROWS, state({ sort: 'amount', order: 'asc' })))).toEqual([
      'a-1',
      'b-2',
      'b-1',
      'a-2',
    ]);
    expect(ids(view(ROWS, state({ sort: 'change', order: 'asc' })))).toEqual([
      'b-1',
      'b-2',
      'a-1',
      'a-2',
    ]);
  });

  it('sorts text in Japanese order, numbers in labels by value', () => {
    const labels = ['令和10年度予算', '令和6年度補正予算案', '令和7年度概算要求額'].map(
      (budget, index) => row({ index, id: String(index), budget }),
    );
    expect([...labels].sort(compareRows('budget', 'asc')).map((r) => r.budget)).toEqual([
      '令和6年度補正予算案',
      '令和7年度概算要求額',
      '令和10年度予算',
    ]);
    expect(ids(view(ROWS, state({ sort: 'bureau', order: 'desc' })))).toEqual([
      'a-1',
      'b-1',
      'b-2',
      'a-2',
    ]);
  });
});

describe('explorer URL query', () => {
  it('round-trips a state and leaves other parameters alone', () => {
    const s = state({
      q: '介護',
      filters: { budget: 'b', tag: 'new' },
      sort: 'amount',
      order: 'desc',
    });
    const params = writeState(s, new URLSearchParams('utm=x&bureau=old'));
    expect(params.toString()).toBe(
      'utm=x&q=%E4%BB%8B%E8%AD%B7&budget=b&tag=new&sort=amount&order=desc',
    );
    expect(readState(params)).toEqual(s);
  });

  it('writes nothing for the default state and ignores an unknown sort', () => {
    expect(writeState(EMPTY_STATE, new URLSearchParams('q=&sort=name')).toString()).toBe('');
    expect(readState(new URLSearchParams('sort=evil&order=sideways'))).toEqual(EMPTY_STATE);
  });
});

describe('explorer CSV', () => {
  it('holds a header and the rows given, in their order, with a BOM', () => {
    const text = exploreCsv([ROWS[2]!, ROWS[0]!]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed: string[][] = parse(text.slice(1));
    expect(parsed[0]).toEqual([...CSV_HEADER]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['b-1', 'a-1']);
    expect(parsed[1]).toEqual([
      'b-1',
      '介護人材の確保',
      '令和6年度補正予算案',
      '10億円',
      '900',
      '1000',
      '-100',
      '医政局',
      '新規',
      '/measures/doc-001/',
    ]);
  });

  it('escapes document text that a spreadsheet would run as a formula', () => {
    const text = exploreCsv([row({ name: '=HYPERLINK("http://evil")', bureau: '＋1' })]);
    const cells = (parse(text.slice(1)) as string[][])[1]!;
    expect(cells[1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(cells[7]).toBe(`'＋1`);
  });
});

describe('csvText', () => {
  it('writes the same bytes as csv-stringify with the options of the site’s CSVs', () => {
    const values = [
      ...HOSTILE_LINES,
      '=1+1',
      '+1',
      '-1',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '＝1',
      '＋1',
      '－1',
      '＠x',
      'a,b',
      'say "hi"',
      'two\nlines',
      'cr\rlf',
      '',
      ' ',
      "'quoted'",
    ];
    const rows = values.map((v, i) => [v, i % 2 === 0 ? -i : i, null]);
    const header = ['text', 'number', 'empty'];
    const expected = stringify(
      rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))),
      { bom: true, header: true, columns: header, escape_formulas: true },
    );
    expect(csvText(header, rows)).toBe(expected);
  });

  it('leaves numbers as they are and null empty', () => {
    expect([csvField(-5), csvField(0), csvField(null), csvField('-5')]).toEqual([
      '-5',
      '0',
      '',
      "'-5",
    ]);
  });
});

describe('statusText', () => {
  it('says how many rows are shown of how many', () => {
    expect(statusText(12, 336)).toBe('12件を表示（全336件）');
  });
});
