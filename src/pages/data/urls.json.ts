/** dist/data/urls.json: every id ever published with its path, status and, with a public address, its URL. */
import type { APIRoute } from 'astro';
import { publicUrls } from '../../site/publish-files.ts';
import { urlEntries } from '../../site/data.ts';

/** dist/data/urls.json: every measure id ever published, its path (and URL, with a public address) and status (live, moved, gone). */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `${JSON.stringify(publicUrls(urlEntries, import.meta.env.BASE_URL, site?.href ?? null), null, 2)}\n`,
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
