/** dist/robots.txt: everything may be crawled; the sitemap is named only when the site has a public address. */
import type { APIRoute } from 'astro';
import { withBase } from '../lib/links.ts';

/**
 * robots.txt (meaningful when the site is served at the host's root),
 * pointing at the sitemap when the site has a public address (the sitemap
 * needs absolute URLs; without one there is none).
 */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n${site ? `Sitemap: ${new URL(withBase(import.meta.env.BASE_URL, '/sitemap.xml'), site).href}\n` : ''}`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
