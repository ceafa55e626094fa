/**
 * dist/search/terms/<part>.json: the search tables (content/search/: synonyms, variants,
 * English) in parts, one per first character of their keys (src/site/search/plan.ts,
 * splitTerms). The search page loads only the parts of the characters of the query typed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { curated } from '../../../site/data.ts';
import { splitTerms, type TermsPart } from '../../../site/search/plan.ts';

export const getStaticPaths = (() =>
  [...splitTerms(curated.search)].map(([part, terms]) => ({
    params: { part },
    props: { terms },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ terms: TermsPart }> = ({ props }) =>
  new Response(JSON.stringify(props.terms), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
