/**
 * dist/search/words/<part>.json: the documents' words (kanji and katakana runs of the measures'
 * text, most frequent first) in parts by first character, for the search page's 「もしかして」:
 * loaded only when a query found little (src/site/search/plan.ts, searchWith).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { curated } from '../../../site/data.ts';
import { splitWords } from '../../../site/search/plan.ts';

export const getStaticPaths = (() =>
  [...splitWords(curated.search.words)].map(([part, words]) => ({
    params: { part },
    props: { words },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ words: string[] }> = ({ props }) =>
  new Response(JSON.stringify(props.words), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
