/**
 * The generated data (src/generated/*.json, written by scripts/extract.ts),
 * for pages and endpoints. Fails the build loudly when it is missing.
 */
import type { DocumentSummary } from '../lib/documents.ts';
import { withBase } from '../lib/links.ts';
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

/** A site path with the deployment base, for every internal link. */
export function link(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

export const SITE_NAME = '厚生労働省 予算施策ガイド（非公式）';
export const SITE_DESCRIPTION =
  '厚生労働省が公表した予算資料を、施策ごとに1ページずつ読みやすく整理した非公式の解説サイトです。';
