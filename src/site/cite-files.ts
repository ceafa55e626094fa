/** The per-measure citation files' paths and inputs (pages/measures/[id]/cite.*.ts). */
import { makesDocument } from './shard.ts';
import { documentById, measureById, measureRecords, permanentUrl } from './data.ts';

/** One path per live measure of the documents this build makes. */
export function citePaths() {
  return measureRecords
    .filter((m) => makesDocument(m.source.document))
    .map((m) => ({ params: { id: m.id } }));
}

/** The record, its document's metadata and the page's permanent address (as the page prints it). */
export function citeSource(id: string, site: URL | undefined) {
  const m = measureById(id)!;
  const doc = documentById(m.source.document);
  const meta = doc?.meta ?? { publisher: '', title: m.source.document, date: null, url: null };
  return { m, meta, permanent: permanentUrl(m.url, site) };
}
