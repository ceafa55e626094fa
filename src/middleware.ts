/**
 * Build-time reading aids on every HTML page (src/lib/enhance.ts): glossary
 * links and furigana in the regions a page marks with `data-enhance`, and
 * phrase breaks in headings. Runs while Astro renders each static page, so
 * dev and build give the same HTML.
 */
import { defineMiddleware } from 'astro:middleware';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { enhancePage } from './lib/enhance.ts';
import { GLOSSARY_PATH } from './lib/links.ts';
import { curated, link } from './site/data.ts';
import { getTokenizer, phrases } from './site/japanese.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const tree = fromHtml(await response.text());
  enhancePage(tree, {
    tokenize: await getTokenizer(),
    readings: curated.readings,
    glossary: curated.glossary,
    glossaryHref: (slug) => `${link(GLOSSARY_PATH)}#${slug}`,
    phrases,
  });
  return new Response(toHtml(tree), { status: response.status, headers: response.headers });
});
