/**
 * The explorer page (/explore/) in the browser: reads the rows of the table as built
 * (ExploreTable.astro), shows the filters, turns the column headers into sort buttons (aria-sort
 * on the sorted one), shows the rows a state asks for in its order (src/site/explore-view.ts),
 * announces 「N件を表示（全M件）」, keeps the state in the URL query (history.replaceState, read
 * back on load) and saves the rows shown as CSV (a Blob downloaded as explore.csv).
 */
import {
  EMPTY_STATE,
  FILTER_KEYS,
  NO_VALUE,
  NUMERIC_SORTS,
  SORT_KEYS,
  exploreCsv,
  readState,
  statusText,
  view,
  writeState,
  type ExploreRow,
  type ExploreState,
  type FilterKey,
  type SortKey,
} from '../site/explore-view.ts';

const words = (value: string | undefined) => (value ? value.split(' ') : []);
const yen = (cell: HTMLTableCellElement | undefined) =>
  cell?.dataset.yen !== undefined ? Number(cell.dataset.yen) : null;
const text = (cell: HTMLTableCellElement | undefined) => (cell?.textContent ?? '').trim();

/** A row of the built table as data (the CSV's URL is the address the reader has). */
function readRow(tr: HTMLTableRowElement, index: number): ExploreRow {
  const cells = [...tr.cells];
  const a = tr.querySelector('a')!;
  const bureau = text(cells[5]);
  return {
    index,
    id: decodeURIComponent(a.pathname.split('/').filter(Boolean).pop() ?? ''),
    name: (a.textContent ?? '').trim(),
    url: a.href,
    budgetKey: tr.dataset.budget ?? '',
    budget: text(cells[1]),
    amountKind: (tr.dataset.kind ?? 'none') as ExploreRow['amountKind'],
    amount: text(cells[2]),
    yen: yen(cells[2]),
    prior: text(cells[3]),
    priorYen: yen(cells[3]),
    change: text(cells[4]),
    diff: yen(cells[4]),
    bureau: bureau === NO_VALUE ? '' : bureau,
    bureaus: words(tr.dataset.bureaus),
    tags: [...(cells[6]?.querySelectorAll('.badge') ?? [])].map((b) =>
      (b.textContent ?? '').trim(),
    ),
    tagSlugs: words(tr.dataset.tags),
  };
}

export function initExplore(): void {
  const tools = document.getElementById('explore-tools');
  const table = document.getElementById('explore-table') as HTMLTableElement | null;
  const tbody = table?.tBodies[0];
  if (!tools || !table || !tbody) return;
  const input = document.getElementById('explore-q') as HTMLInputElement;
  const status = document.getElementById('explore-status')!;
  const selects = new Map(
    [...tools.querySelectorAll<HTMLSelectElement>('select[data-filter]')].map((s) => [
      s.dataset.filter as FilterKey,
      s,
    ]),
  );
  const toggle = document.getElementById('explore-toggle')!;
  const filterCount = document.getElementById('explore-filter-count')!;
  const trs = [...tbody.rows];
  const rows = trs.map(readRow);
  const elementOf = new Map(rows.map((r, i) => [r, trs[i]!]));
  let state: ExploreState = readState(new URL(location.href).searchParams);
  let shownRows: ExploreRow[] = rows;

  // the column headers become sort buttons
  const headers = new Map<SortKey, HTMLTableCellElement>();
  for (const th of table.tHead?.querySelectorAll<HTMLTableCellElement>('th[data-sort]') ?? []) {
    const sort = th.dataset.sort as SortKey;
    if (!SORT_KEYS.includes(sort)) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    const mark = document.createElement('span');
    mark.className = 'sort-mark';
    mark.setAttribute('aria-hidden', 'true');
    button.append(th.textContent ?? '', mark);
    button.addEventListener('click', () => {
      const desc = NUMERIC_SORTS.has(sort);
      state.order =
        state.sort === sort ? (state.order === 'asc' ? 'desc' : 'asc') : desc ? 'desc' : 'asc';
      state.sort = sort;
      apply();
    });
    th.replaceChildren(button);
    headers.set(sort, th);
  }
  table.classList.add('sortable');

  // what the controls can show: a value the URL names but no option has is dropped
  const fromControls = () => {
    input.value = state.q;
    for (const [key, select] of selects) {
      select.value = state.filters[key];
      state.filters[key] = select.value;
    }
  };

  /**
   * Puts the rows in the table in this order, moving only those out of place: a row that stays
   * where it was keeps its layout (laying out thousands of rows again is what costs), and the
   * table as built, shown unchanged, is not touched at all.
   */
  const place = (wanted: HTMLTableRowElement[]) => {
    const keep = new Set(wanted);
    for (const tr of [...tbody.rows]) if (!keep.has(tr)) tr.remove();
    let at = tbody.firstElementChild;
    for (const tr of wanted) {
      if (tr === at) at = at.nextElementSibling;
      else tbody.insertBefore(tr, at);
    }
  };

  const apply = () => {
    const shown = view(rows, state);
    place(shown.map((r) => elementOf.get(r)!));
    status.textContent = statusText(shown.length, rows.length);
    for (const [sort, th] of headers) {
      const mark = th.querySelector('.sort-mark')!;
      if (state.sort === sort) {
        th.setAttribute('aria-sort', state.order === 'asc' ? 'ascending' : 'descending');
        mark.textContent = state.order === 'asc' ? '▲' : '▼';
      } else {
        th.removeAttribute('aria-sort');
        mark.textContent = '';
      }
    }
    const set = FILTER_KEYS.filter((k) => state.filters[k]).length + (state.q.trim() ? 1 : 0);
    filterCount.textContent = set > 0 ? `（${set}件を指定中）` : '';
    const url = new URL(location.href);
    url.search = writeState(state, url.searchParams).toString();
    history.replaceState(null, '', url);
    shownRows = shown;
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.q = input.value;
      apply();
    }, 150);
  });
  for (const [key, select] of selects)
    select.addEventListener('change', () => {
      state.filters[key] = select.value;
      apply();
    });
  document.getElementById('explore-reset')!.addEventListener('click', () => {
    state = structuredClone(EMPTY_STATE);
    fromControls();
    apply();
  });
  toggle.addEventListener('click', () => {
    toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
  });
  document.getElementById('explore-csv')!.addEventListener('click', () => {
    const blob = new Blob([exploreCsv(shownRows)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'explore.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  });

  fromControls();
  tools.hidden = false;
  apply();
}
