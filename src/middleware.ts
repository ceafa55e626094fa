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

/** With BUDGET_PROFILE=1 (npm run bench): time of each step, summed over the build's pages and printed at exit. */
const profile = process.env.BUDGET_PROFILE
  ? { pages: 0, read: 0, parse: 0, enhance: 0, tokenize: 0, serialise: 0 }
  : null;
if (profile)
  process.once('exit', () => {
    const ms = (v: number) => Math.round(v);
    console.log(
      `reading aids: ${profile.pages} pages; read ${ms(profile.read)} ms, parse ${ms(profile.parse)} ms, enhance ${ms(profile.enhance)} ms (tokenize ${ms(profile.tokenize)} ms), serialise ${ms(profile.serialise)} ms`,
    );
  });
function timed<T>(step: Exclude<keyof NonNullable<typeof profile>, 'pages'>, f: () => T): T {
  if (!profile) return f();
  const start = performance.now();
  try {
    return f();
  } finally {
    profile[step] += performance.now() - start;
  }
}

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const start = performance.now();
  const html = await response.text();
  if (profile) {
    profile.pages += 1;
    profile.read += performance.now() - start;
  }
  const tree = timed('parse', () => fromHtml(html));
  const tokenize = await getTokenizer();
  timed('enhance', () =>
    enhancePage(tree, {
      tokenize: (s) => timed('tokenize', () => tokenize(s)),
      readings: curated.readings,
      glossary: curated.glossary,
      glossaryHref: (slug) => `${link(GLOSSARY_PATH)}#${slug}`,
      phrases,
    }),
  );
  // allowDangerousHtml only lets through the "&gt;" raw nodes made here: fromHtml makes no raw nodes
  const out = timed('serialise', () => {
    encodeGreaterThan(tree);
    return toHtml(tree, { upperDoctype: true, allowDangerousHtml: true });
  });
  return new Response(out, { status: response.status, headers: response.headers });
});
