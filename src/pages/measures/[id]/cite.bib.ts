/** /measures/<id>/cite.bib: the BibTeX entry of a live measure (src/site/cite.ts). */
import type { APIRoute } from 'astro';
import { citePaths, citeSource } from '../../../site/cite-files.ts';
import { bibtex } from '../../../site/cite.ts';

export const getStaticPaths = citePaths;

export const GET: APIRoute = ({ params, site }) => {
  const { m, meta, permanent } = citeSource(params.id!, site);
  return new Response(bibtex(m, meta, permanent), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
