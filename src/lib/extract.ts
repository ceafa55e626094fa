import type { DocumentResult, SourceMeta } from './types.ts';

/**
 * Turn one source document into measure records (ids/urls are assigned
 * afterwards by assignIds in ids.ts). STUB: being written.
 */
export function extractDocument(text: string, meta: SourceMeta): DocumentResult {
  return { meta, measures: [], problems: [], unattributed: [], lineCount: text.split('\n').length };
}
