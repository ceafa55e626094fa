/** /data/compare/<a>/<b>.csv: the rows of one comparison of two documents (src/site/compare.ts), UTF-8 with BOM. */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { compareCsvRows, compareDocuments, comparePairs } from '../../../../site/compare.ts';
import {
  documentSummaries,
  measureNav,
  measureRecords,
  navigation,
} from '../../../../site/data.ts';

export function getStaticPaths() {
  return comparePairs(documentSummaries).map(({ a, b }) => ({
    params: { a: a.meta.id, b: `${b.meta.id}` },
  }));
}

export const GET: APIRoute = ({ params }) => {
  const rows = compareDocuments(
    params.a!,
    params.b!,
    measureRecords,
    navigation.programs,
    (id) => measureNav(id).program,
  );
  return new Response(
    stringify(compareCsvRows(params.a!, params.b!, rows), { bom: true, escape_formulas: true }),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
