import type { APIRoute } from 'astro';
import { withBase } from '../lib/links.ts';

/** robots.txt pointing at the sitemap (meaningful when the site is served at the host's root). */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${new URL(withBase(import.meta.env.BASE_URL, '/sitemap.xml'), site ?? 'http://localhost:4321').href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
