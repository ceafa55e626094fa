/** dist/data/measures.json: every measure record, the open data (identical to src/generated/measures.json). */
import type { APIRoute } from 'astro';
import { toOpenDataJson } from '../../lib/open-data.ts';
import { measureRecords } from '../../site/data.ts';

/** dist/data/measures.json: every measure record (open data). */
export const GET: APIRoute = () =>
  new Response(toOpenDataJson(measureRecords), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
