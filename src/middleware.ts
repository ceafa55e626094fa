/**
 * Build-time reading aids on every HTML page (src/site/reading-aids/enhance.ts): glossary
 * links and furigana in the regions a page marks with `data-enhance`, and
 * phrase breaks in headings. Runs while Astro renders each static page, so
 * dev and build give the same HTML.
 */
import { defineMiddleware } from 'astro:middleware';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { enhancePage } from './site/reading-aids/enhance.ts';
import { GLOSSARY_PATH } from './lib/links.ts';
import { curated, link } from './site/data.ts';
import { getTokenizer, phrases } from './site/reading-aids/japanese.ts';

/**
 * `>` in text is valid HTML, but encoded it can never be read as the end of a
 * tag by a lax parser (and html-validate asks for it): write it as &gt;.
 */
function encodeGreaterThan(node: Root | Element): void {
  if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return;
  node.children = node.children.flatMap((child): (typeof child)[] => {
    if (child.type === 'element') encodeGreaterThan(child);
    if (child.type !== 'text' || !child.value.includes('>')) return [child];
    return child.value
      .split('>')
      .flatMap((part, i) => [
        ...(i > 0 ? [{ type: 'raw', value: '&gt;' } as unknown as typeof child] : []),
        ...(part ? [{ type: 'text', value: part } as typeof child] : []),
      ]);
  }) as typeof node.children;
}

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
  encodeGreaterThan(tree);
  // allowDangerousHtml only lets through the "&gt;" raw nodes made above: fromHtml makes no raw nodes
  return new Response(toHtml(tree, { upperDoctype: true, allowDangerousHtml: true }), {
    status: response.status,
    headers: response.headers,
  });
});
