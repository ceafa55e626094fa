/**
 * The generated data (src/generated/*.json, written by scripts/extract.ts),
 * for pages and endpoints. Fails the build loudly when it is missing.
 */
import type { DocumentSummary } from '../lib/documents.ts';
import type { UrlEntry } from '../lib/ids.ts';
import { withBase } from '../lib/links.ts';
import type { Navigation, MeasureNav } from '../lib/navigation.ts';
import type { CuratedForPages } from '../lib/pipeline.ts';
import type { MeasureRecord } from '../lib/types.ts';

const generated = import.meta.glob<unknown>('../generated/*.json', { eager: true, import: 'default' });

function load<T>(name: string): T {
  const value = generated[`../generated/${name}`];
  if (value === undefined) throw new Error(`src/generated/${name} is missing: run \`npm run extract\` first`);
  return value as T;
}

/** All measure records, in document order then source order. */
export const measureRecords: MeasureRecord[] = load<MeasureRecord[]>('measures.json');

/** One summary per source document. */
export const documentSummaries: DocumentSummary[] = load<DocumentSummary[]>('documents.json');

/** Every id ever registered, with its status (the URL contract). */
export const urlEntries: UrlEntry[] = load<UrlEntry[]>('urls.json');

/** Glossary, population and readings (curated files, via the extractor). */
export const curated: CuratedForPages = load<CuratedForPages>('curated.json');

/** Bureaus, tags, packages, previous/next and related measures. */
export const navigation: Navigation = load<Navigation>('navigation.json');

const sources = load<Record<string, string[]>>('sources.json');

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

const recordsById = new Map(measureRecords.map((m) => [m.id, m]));

export function measureById(id: string): MeasureRecord | undefined {
  return recordsById.get(id);
}

/** Records for ids, in the given order, skipping unknown ids. */
export function measuresByIds(ids: readonly string[]): MeasureRecord[] {
  return ids.map((id) => recordsById.get(id)).filter((m): m is MeasureRecord => m !== undefined);
}

const EMPTY_NAV: MeasureNav = { prev: null, next: null, ancestors: [], related: [], units: [], tags: [] };

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

export const SITE_NAME = '厚生労働省 予算施策ガイド（非公式）';
export const SITE_DESCRIPTION =
  '厚生労働省が公表した予算資料を、施策ごとに1ページずつ読みやすく整理した非公式の解説サイトです。';
