/**
 * Progressive enhancement for treemaps: a click on a cell opens its measure
 * page. Keyboard and screen-reader users use the links in the chart's data
 * table; without JavaScript the chart is still complete.
 */
export function enableCellLinks(): void {
  for (const cell of document.querySelectorAll<SVGGElement>('svg.treemap g.cell[data-href]')) {
    cell.classList.add('linked');
    cell.addEventListener('click', () => {
      location.href = cell.dataset.href!;
    });
  }
}
