/**
 * dist/search/terms/base.json: what the search page's query planner (src/site/search/plan.ts)
 * needs of the curated search tables on every query, loaded with the first one: the character
 * table, the confusion groups, the words a typo is corrected to, and the names of the parts of
 * the other tables (search/terms/<part>.json, loaded for the query's own characters) and of the
 * documents' words (search/words/<part>.json, loaded only to correct a query that found little).
 */
import type { APIRoute } from 'astro';
import { curated } from '../../../site/data.ts';
import { splitTerms, splitWords } from '../../../site/search/plan.ts';

export const GET: APIRoute = () => {
  const { chars, confusions, vocabulary } = curated.search;
  return new Response(
    JSON.stringify({
      chars,
      confusions,
      vocabulary,
      parts: [...splitTerms(curated.search).keys()].sort(),
      wordParts: [...splitWords(curated.search.words).keys()].sort(),
    }),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
