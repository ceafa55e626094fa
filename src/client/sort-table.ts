/**
 * Sortable tables (progressive enhancement): in a `table[data-sortable]`, each `th[data-sort]`
 * (`text` or `number`) becomes a button that sorts the body rows by that column — by a cell's
 * `data-value` when it has one, else its text — and marks the column with aria-sort. Without
 * JavaScript the table stays in the order the page was built in.
 */
export function initSortTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
    // on a phone the header row shows again, as the sort buttons (src/styles/tables.css)
    table.classList.add('sortable');
    headers.forEach((th, column) => {
      const type = th.dataset.sort;
      if (type !== 'text' && type !== 'number') return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const h of headers) h.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        sortRows(table, column, type, ascending);
      });
    });
  }
}

/** The value a cell sorts by. */
function valueOf(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.dataset.value ?? cell?.textContent?.trim() ?? '';
}

function sortRows(table: HTMLTableElement, column: number, type: string, ascending: boolean) {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows].map((row, i) => ({ row, i, v: valueOf(row, column) }));
  const sign = ascending ? 1 : -1;
  rows.sort((x, y) => {
    if (type === 'number') {
      // rows without a number go last in either direction
      const a = x.v === '' ? null : Number(x.v);
      const b = y.v === '' ? null : Number(y.v);
      if (a === null || b === null) return a === b ? x.i - y.i : a === null ? 1 : -1;
      return (a - b) * sign || x.i - y.i;
    }
    return x.v.localeCompare(y.v, 'ja') * sign || x.i - y.i;
  });
  body.append(...rows.map((r) => r.row));
}
