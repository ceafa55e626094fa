/**
 * What a measure's page shows, computed once per page from the generated data (site/data.ts):
 * the record, its place among the others, its facts and its charts. MeasurePage.astro only
 * renders this object.
 */
import type { ChartSpec } from './charts/specs.ts';
import { leadSentences } from './lead.ts';
import { documentPath } from '../lib/links.ts';
import { chart } from './charts/index.ts';
import {
  bureauBySlug,
  curated,
  divisionOf,
  documentById,
  link,
  measureById,
  measureNav,
  measuresByIds,
  measuresOfDocument,
  navigation,
} from './data.ts';

export function measurePageData(id: string, site: URL | undefined) {
  const m = measureById(id);
  if (!m)
    throw new Error(
      `measure ${id} has an MDX page but no record in measures.json: rebuild with \`npm run build\``,
    );
  const nav = measureNav(m.id);
  const doc = documentById(m.source.document);
  const docTitle = doc?.meta.title ?? m.source.document;
  return {
    m,
    nav,
    doc,
    docTitle,
    docPath: documentPath(m.source.document),
    parent: m.parent ? measureById(m.parent) : undefined,
    pkg: navigation.packages.find((p) => p.id === m.id),
    related: measuresByIds(nav.related),
    ancestors: measuresByIds(nav.ancestors),
    units: nav.units.map((u) => ({
      bureau: bureauBySlug(u.bureau),
      division: u.division ? divisionOf(u.bureau, u.division) : undefined,
      u,
    })),
    tags: m.tags.map((name, i) => ({ name, slug: nav.tags[i] })),
    sentences: leadSentences(m, curated.population),
    charts: ['prior', 'share', 'programs']
      .map((k) => chart(`measure-${m.id}-${k}`))
      .filter((c): c is ChartSpec => c !== undefined),
    namesakes: measuresOfDocument(m.source.document).filter(
      (o) => o.id !== m.id && o.name === m.name,
    ),
    prev: nav.prev ? measureById(nav.prev) : undefined,
    next: nav.next ? measureById(nav.next) : undefined,
    // The page's permanent address: the configured public URL, else its path; in the browser
    // both the copy button and the printed text become the address the reader has.
    permanent: site ? new URL(link(m.url), site).href : link(m.url),
  };
}

/** The title of a document by id (the id itself when unknown). */
export function documentTitle(id: string): string {
  return documentById(id)?.meta.title ?? id;
}
