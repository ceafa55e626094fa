/** /measures/<id>/cite.json: the CSL-JSON item of a live measure (src/site/cite.ts). */
import type { APIRoute } from 'astro';
import { citePaths, citeSource } from '../../../site/cite-files.ts';
import { cslJson } from '../../../site/cite.ts';

export const getStaticPaths = citePaths;

export const GET: APIRoute = ({ params, site }) => {
  const { m, meta, permanent } = citeSource(params.id!, site);
  return new Response(cslJson(m, meta, permanent), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
};
