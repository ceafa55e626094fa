/**
 * The pipeline, from content/ to the generated files, in memory: load (load/) → extract
 * (extract/) → ids (ids/) → derive (derive/) → write (write/). scripts/build.ts runs it and
 * writes the outputs; this module is the pipeline's public face.
 */
import { extractDocument } from './extract/index.ts';
import { assignIds, type IdAssignment } from './ids/assign.ts';
import type { LoadedRegistry } from './ids/registry-file.ts';
import type { Problem } from '../schemas/problem.ts';
import type { SourceDocument } from './load/sources.ts';
import type { DocumentResult } from './types.ts';

export {
  decodeSource,
  loadSources,
  normaliseText,
  validateMeta,
  type DecodedSource,
  type LoadResult,
  type MetaCheck,
  type SourceDocument,
} from './load/sources.ts';
export { loadRegistries } from './load/registries.ts';
export { loadCurated, NO_CURATED, type Curated } from './load/curated.ts';
export { buildOutputs, liveUrls, readingTable, type Outputs } from './write/outputs.ts';
export type { CuratedForPages } from '../schemas/page-curated.ts';

export interface ExtractResult {
  results: DocumentResult[];
  errors: Problem[];
  ids: IdAssignment;
}

/**
 * Extract every document, then assign ids across all of them from the
 * registries. A document whose extraction throws is reported and skipped.
 * Throws a CuratedError when the ids cannot be kept (see ids.ts).
 */
export function extractAll(
  sources: readonly SourceDocument[],
  registries: readonly LoadedRegistry[] = [],
): ExtractResult {
  const { results, errors } = extractDocuments(sources);
  const ids = assignIds(results, registries);
  return { results, errors, ids };
}

/**
 * Extract every document, without ids yet (the build checks what it found
 * before any id is minted). A document whose extraction throws is reported.
 */
export function extractDocuments(sources: readonly SourceDocument[]): {
  results: DocumentResult[];
  errors: Problem[];
} {
  const results: DocumentResult[] = [];
  const errors: Problem[] = [];
  for (const { meta, text, metaFile, problems = [] } of sources) {
    try {
      const result = extractDocument(text, meta);
      result.problems.unshift(...problems);
      if (result.measures.length === 0 && text.trim() !== '') {
        result.problems.push({
          code: 'no-measure',
          severity: 'warning',
          file: meta.file,
          line: null,
          message: `no measure found: no line carries a figure after the budget labels (${meta.budgets.map((b) => b.label).join(', ')})`,
        });
      }
      results.push(result);
    } catch (e) {
      errors.push({
        code: 'extraction-failed',
        severity: 'error',
        file: metaFile,
        line: null,
        message: `extraction failed: ${errorMessage(e)}`,
      });
    }
  }
  return { results, errors };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
