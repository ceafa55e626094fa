/** dist/data/charts/<id>.csv: the data of every chart (the same numbers as its table), UTF-8 with BOM. */
import { sharedPaths } from '../../../site/shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { chartCsvRows } from '../../../site/charts/specs.ts';
import { charts } from '../../../site/charts/index.ts';

export const getStaticPaths = (() =>
  sharedPaths(
    [...charts.keys()].map((id) => ({ params: { chart: id } })),
  )) satisfies GetStaticPaths;

/** /data/charts/<id>.csv: the numbers of one chart (UTF-8 with BOM, amounts in yen). */
export const GET: APIRoute = ({ params }) =>
  new Response(
    stringify(chartCsvRows(charts.get(params.chart!)!), { bom: true, escape_formulas: true }),
    {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    },
  );
