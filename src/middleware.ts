/**
 * Build-time reading aids on every HTML page (src/site/reading-aids/): glossary
 * links and furigana in the regions a page marks with `data-enhance`, and
 * phrase breaks in headings. Runs while Astro renders each static page, so
 * dev and build give the same HTML. (Run in a worker thread beside the
 * rendering, it was no faster on two cores and took 23 % more memory:
 * `npm run bench -- --compare`, issue 14.)
 */
import { defineMiddleware } from 'astro:middleware';
import { GLOSSARY_PATH } from './lib/links.ts';
import { curated, link } from './site/data.ts';
import { getTokenizer, phrases } from './site/reading-aids/japanese.ts';
import { enhanceHtml, type StepTimes } from './site/reading-aids/page.ts';

/** With BUDGET_PROFILE=1 (npm run bench): the time of each step, summed over the pages, printed at exit. */
const steps: (StepTimes & { pages: number }) | undefined = process.env.BUDGET_PROFILE
  ? { pages: 0, parse: 0, enhance: 0, tokenize: 0, serialise: 0 }
  : undefined;
if (steps)
  process.once('exit', () => {
    const ms = (v: number) => Math.round(v);
    console.log(
      `reading aids: ${steps.pages} pages; parse ${ms(steps.parse)} ms, enhance ${ms(steps.enhance)} ms (tokenize ${ms(steps.tokenize)} ms), serialise ${ms(steps.serialise)} ms`,
    );
  });

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  if (steps) steps.pages += 1;
  const out = enhanceHtml(
    html,
    {
      tokenize: await getTokenizer(),
      readings: curated.readings,
      glossary: curated.glossary,
      glossaryHref: (slug) => `${link(GLOSSARY_PATH)}#${slug}`,
      phrases,
    },
    steps,
  );
  return new Response(out, { status: response.status, headers: response.headers });
});
