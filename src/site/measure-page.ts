/**
 * What a measure's page shows, computed once per page from the generated data (site/data.ts):
 * the record, its place among the others, its facts and its charts. MeasurePage.astro only
 * renders this object.
 */
import type { ChartSpec } from './charts/specs.ts';
import { leadSentences, priorChange, rateSummary } from './lead.ts';
import { documentPath, sourceLinesPath } from '../lib/links.ts';
import type { MeasureRecord } from '../schemas/measure.ts';
import { chart } from './charts/index.ts';
import { citationLead, whereInSource } from './cite.ts';
import { provenanceOf } from './provenance.ts';
import { programOf } from './program-page.ts';
import { reportHref } from '../lib/site-config.ts';
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
  permanentUrl,
  siteConfig,
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
  const sentences = leadSentences(m, curated.population);
  // in the browser both the copy button and the printed text become the address the reader has
  const permanent = permanentUrl(m.url, site);
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
    sentences,
    card: summaryCardData(m, sentences),
    charts: ['prior', 'share', 'programs']
      .map((k) => chart(`measure-${m.id}-${k}`))
      .filter((c): c is ChartSpec => c !== undefined),
    namesakes: measuresOfDocument(m.source.document).filter(
      (o) => o.id !== m.id && o.name === m.name,
    ),
    prev: nav.prev ? measureById(nav.prev) : undefined,
    next: nav.next ? measureById(nav.next) : undefined,
    permanent,
    program: programOf(m.id),
    provenance: provenanceOf(doc),
    where: whereInSource(m.source),
    citationLead: doc ? citationLead(m, doc.meta) : null,
    report: siteConfig.report
      ? reportHref(siteConfig.report, { id: m.id, url: permanent, title: m.name })
      : null,
  };
}

/** The title of a document by id (the id itself when unknown). */
export function documentTitle(id: string): string {
  return documentById(id)?.meta.title ?? id;
}

/** What the summary card (the first screen of a measure page) shows. */
export function summaryCardData(m: MeasureRecord, sentences: string[]) {
  const own = m.amount.kind === 'own' && m.amount.yen !== null;
  return {
    m,
    sentences,
    population: curated.population,
    /** The source-text page at one line. */
    lineLink: (line: number) => link(sourceLinesPath(m.source.document, [line, line])),
    rate: rateSummary(m),
    tagDefs: m.tags.map((name) => {
      const slug = navigation.measures[m.id]?.tags[m.tags.indexOf(name)];
      return {
        name,
        description: navigation.tags.find((t) => t.slug === slug)?.description ?? null,
      };
    }),
    own,
    /** The measure whose page prints this figure again as a breakdown row (counted there). */
    countedIn: m.counted_in
      ? { record: measureById(m.counted_in.id), line: m.counted_in.line }
      : null,
    change:
      own && m.amount.prior_yen !== null ? priorChange(m.amount.yen!, m.amount.prior_yen) : null,
  };
}
export type SummaryCardData = ReturnType<typeof summaryCardData>;
