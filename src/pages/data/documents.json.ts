/** dist/data/documents.json: each source document's metadata, pages, counts and totals (src/schemas/open-document.ts). */
import type { APIRoute } from 'astro';
import { toOpenDocumentsJson } from '../../lib/open-data.ts';
import { documentSummaries } from '../../site/data.ts';

/** dist/data/documents.json (validates against /data/schema/documents.schema.json). */
export const GET: APIRoute = () =>
  new Response(toOpenDocumentsJson(documentSummaries), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
