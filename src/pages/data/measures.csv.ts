/** dist/data/measures.csv: every measure record, flattened, UTF-8 with BOM (opens in Excel). */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/open-data.ts';
import { measureRecords } from '../../site/data.ts';

/** dist/data/measures.csv: every measure record, flattened (UTF-8 with BOM). */
export const GET: APIRoute = () =>
  new Response(toCsv(measureRecords), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
