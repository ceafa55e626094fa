/**
 * The generated data as one directory, src/generated/: the MDX of every
 * measure (measures/<id>.mdx, the content collection) and the JSON the pages
 * read. Written whole into a staging directory and swapped in at once, so
 * the MDX and the JSON are never out of step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outputs } from '../../lib/pipeline.ts';

export const GENERATED_DIR = 'src/generated';

/**
 * Where Astro reads the generated data: src/generated/, or the staging
 * directory a build names in GENERATED_DIR (scripts/build.ts builds the site
 * from its staged data, so src/generated/ changes only when the whole build
 * succeeds).
 */
export function generatedDir(root: string, env: Record<string, string | undefined> = process.env): string {
  return env.GENERATED_DIR ? env.GENERATED_DIR : `${root.replace(/\/+$/u, '')}/${GENERATED_DIR}`;
}

/** The JSON files of src/generated/, by name. */
export function generatedJson(outputs: Outputs): Record<string, string> {
  return {
    'measures.json': outputs.measuresJson,
    'documents.json': outputs.documentsJson,
    'urls.json': outputs.urlsJson,
    'navigation.json': outputs.navigationJson,
    'curated.json': outputs.curatedJson,
    'sources.json': outputs.sourcesJson,
    'retired.json': outputs.retiredJson,
  };
}

/** Write the whole generated directory into `dir` (which must not exist yet, or be empty). */
export function writeGenerated(dir: string, outputs: Outputs): void {
  mkdirSync(join(dir, 'measures'), { recursive: true });
  for (const { file, content } of outputs.mdx) writeFileSync(join(dir, 'measures', file), content);
  for (const [name, content] of Object.entries(generatedJson(outputs))) writeFileSync(join(dir, name), content);
}
