/**
 * The generated data (src/generated/*.json, written by scripts/build.ts, or
 * the staged copy a build names in GENERATED_DIR), for pages and endpoints,
 * read at build time. Fails the build loudly when it is missing.
 */
import type { DocumentSummary } from '../schemas/document-summary.ts';
import { generatedDir, readGenerated } from '../schemas/generated.ts';
import { indexRecords, type RecordIndex } from '../pipeline/derive/totals.ts';
import type { GeneratedSchemas } from '../lib/json-schema.ts';
import { withBase } from '../lib/links.ts';
import { siteConfigOrThrow, type SiteConfig } from '../lib/site-config.ts';
import type { Navigation, MeasureNav } from '../schemas/navigation.ts';
import type { CuratedForPages } from '../schemas/page-curated.ts';
import type { MeasureRecord } from '../schemas/measure.ts';
import type { RetiredDocument } from '../schemas/retired-document.ts';
import type { UrlEntry } from '../schemas/url-entry.ts';

const dir = generatedDir(process.cwd());

/** content/site.yaml as the build reads it (the report address, the data's date). */
export const siteConfig: SiteConfig = siteConfigOrThrow(process.cwd());

/** All measure records, in document order then source order. */
export const measureRecords: MeasureRecord[] = readGenerated(dir, 'measures');

/** One summary per source document. */
export const documentSummaries: DocumentSummary[] = readGenerated(dir, 'documents');

/** Every id ever registered, with its status (the URL contract). */
export const urlEntries: UrlEntry[] = readGenerated(dir, 'urls');

/** Glossary, population and readings (curated files, via the extractor). */
export const curated: CuratedForPages = readGenerated(dir, 'curated');

/** Documents that have left the sources (retired, or renamed): their pages are tombstones. */
export const retiredDocuments: RetiredDocument[] = readGenerated(dir, 'retired');

/**
 * The documents every per-document page exists for: the current ones, and
 * the retired or renamed ones, whose pages stay as tombstones.
 */
export function documentPaths(): (
  | { params: { doc: string }; props: { doc: DocumentSummary; retired?: undefined } }
  | { params: { doc: string }; props: { doc?: undefined; retired: RetiredDocument } }
)[] {
  return [
    ...documentSummaries.map((doc) => ({ params: { doc: doc.meta.id }, props: { doc } })),
    ...retiredDocuments.map((retired) => ({
      params: { doc: retired.document },
      props: { retired },
    })),
  ];
}

/** The JSON Schemas of the published data files (src/lib/json-schema.ts), as the pipeline generated them. */
export const jsonSchemas: GeneratedSchemas = readGenerated(dir, 'schemas');

/** Bureaus, tags, packages, previous/next and related measures. */
export const navigation: Navigation = readGenerated(dir, 'navigation');

const sources = readGenerated(dir, 'sources');

/** The lines of a source document. */
export function sourceLines(documentId: string): string[] {
  return sources[documentId] ?? [];
}

export function documentById(id: string): DocumentSummary | undefined {
  return documentSummaries.find((d) => d.meta.id === id);
}

export function measuresOfDocument(id: string): MeasureRecord[] {
  return measureRecords.filter((m) => m.source.document === id);
}

/** The records by id, built once for every page. */
export const recordsById: RecordIndex = indexRecords(measureRecords);

export function measureById(id: string): MeasureRecord | undefined {
  return recordsById.get(id);
}

/** Records for ids, in the given order, skipping unknown ids. */
export function measuresByIds(ids: readonly string[]): MeasureRecord[] {
  return ids.map((id) => recordsById.get(id)).filter((m): m is MeasureRecord => m !== undefined);
}

const EMPTY_NAV: MeasureNav = {
  prev: null,
  next: null,
  ancestors: [],
  related: [],
  program: null,
  units: [],
  tags: [],
};

export function measureNav(id: string): MeasureNav {
  return navigation.measures[id] ?? EMPTY_NAV;
}

export function bureauBySlug(slug: string) {
  return navigation.bureaus.find((b) => b.slug === slug);
}

export function divisionOf(bureau: string, division: string) {
  return bureauBySlug(bureau)?.divisions.find((d) => d.slug === division);
}

export function tagBySlug(slug: string) {
  return navigation.tags.find((t) => t.slug === slug);
}

/** A site path with the deployment base, for every internal link. */
export function link(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/**
 * A page's permanent address: the configured public URL, else its path (in the browser the
 * page's script puts the address the reader has in its place).
 */
export function permanentUrl(path: string, site: URL | undefined): string {
  return site ? new URL(link(path), site).href : link(path);
}

export { SITE_DESCRIPTION, SITE_NAME } from './site-name.ts';
