/**
 * Build-time reading aids on every HTML page (src/site/reading-aids/): glossary
 * links and furigana in the regions a page marks with `data-enhance`, and
 * phrase breaks in headings. Runs while Astro renders each static page, so
 * dev and build give the same HTML; the work itself runs in a worker thread
 * (reading-aids/pool.ts), beside the rendering of the next pages.
 */
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { defineMiddleware } from 'astro:middleware';
import { readingAids } from './site/reading-aids/pool.ts';

const enhance = readingAids(fileURLToPath(root), import.meta.env.BASE_URL);

// With BUDGET_PROFILE=1 (npm run bench): the worker's time per step, summed over the pages.
if (process.env.BUDGET_PROFILE)
  process.once('exit', () => {
    const s = enhance.steps;
    const ms = (v: number) => Math.round(v);
    console.log(
      `reading aids: ${s.pages} pages; parse ${ms(s.parse)} ms, enhance ${ms(s.enhance)} ms (tokenize ${ms(s.tokenize)} ms), serialise ${ms(s.serialise)} ms`,
    );
  });

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  return new Response(await enhance(await response.text()), {
    status: response.status,
    headers: response.headers,
  });
});
