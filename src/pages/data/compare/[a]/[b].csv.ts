/** /data/compare/<a>/<b>.csv: the rows of one comparison of two documents (src/site/compare.ts), UTF-8 with BOM. */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { compareCsvRows, comparePairs } from '../../../../site/compare.ts';
import { documentSummaries } from '../../../../site/data.ts';
import { comparisonOf } from '../../../../site/program-page.ts';

export function getStaticPaths() {
  return comparePairs(documentSummaries).map(({ a, b }) => ({
    params: { a: a.meta.id, b: b.meta.id },
  }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(
    stringify(compareCsvRows(params.a!, params.b!, comparisonOf(params.a!, params.b!)), {
      bom: true,
      escape_formulas: true,
    }),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
