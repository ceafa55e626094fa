/**
 * The manifest of src/generated/: every file the pipeline hands to the pages, with its schema.
 * The writer (pipeline/write/generated.ts), the pages (site/data.ts), the integrations and the
 * tests name files only through it, and every read is checked against the file's schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { documentSummarySchema } from './document-summary.ts';
import { measureSchema } from './measure.ts';
import { navigationSchema } from './navigation.ts';
import { pageCuratedSchema } from './page-curated.ts';
import { retiredDocumentSchema } from './retired-document.ts';
import { urlEntrySchema } from './url-entry.ts';

/** A JSON object of any content (a JSON Schema). */
const jsonObject = z.record(z.string(), z.unknown());

export const GENERATED = {
  /** All measure records, in document order then source order (also the open data). */
  measures: { file: 'measures.json', schema: z.array(measureSchema) },
  /** One summary per source document. */
  documents: { file: 'documents.json', schema: z.array(documentSummarySchema) },
  /** Every id ever registered, with its status. */
  urls: { file: 'urls.json', schema: z.array(urlEntrySchema) },
  /** Previous/next, packages, bureaus, tags, related measures. */
  navigation: { file: 'navigation.json', schema: navigationSchema },
  /** Glossary, population and readings. */
  curated: { file: 'curated.json', schema: pageCuratedSchema },
  /** Each document's lines, for the source-text pages. */
  sources: { file: 'sources.json', schema: z.record(z.string(), z.array(z.string())) },
  /** Documents that left the sources. */
  retired: { file: 'retired.json', schema: z.array(retiredDocumentSchema) },
  /** The JSON Schemas of the published data files, generated from the zod schemas (lib/json-schema.ts). */
  schemas: {
    file: 'schemas.json',
    schema: z
      .object({
        measures: jsonObject,
        measure: jsonObject,
        urls: jsonObject,
        documents: jsonObject,
      })
      .strict(),
  },
} as const;

export type GeneratedKey = keyof typeof GENERATED;
export type GeneratedData<K extends GeneratedKey> = z.infer<(typeof GENERATED)[K]['schema']>;

/** Where the pipeline writes its hand-off to the pages. */
export const GENERATED_DIR = 'src/generated';

/**
 * Where Astro reads the generated data: src/generated/, or the staging
 * directory a build names in GENERATED_DIR (scripts/build.ts builds the site
 * from its staged data, so src/generated/ changes only when the whole build
 * succeeds).
 */
export function generatedDir(
  root: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return env.GENERATED_DIR ? env.GENERATED_DIR : `${root.replace(/\/+$/u, '')}/${GENERATED_DIR}`;
}

/** The folder of the measures' MDX files (the content collection), inside src/generated/. */
export const GENERATED_MDX_DIR = 'measures';

/** Check `value` against the schema of a generated file; a mismatch names the file and the path. */
export function checkGenerated<K extends GeneratedKey>(
  key: K,
  value: unknown,
  where: string = GENERATED[key].file,
): GeneratedData<K> {
  const parsed = GENERATED[key].schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message} (the generated data does not match src/schemas/; rebuild with \`npm run build\`)`,
    );
  }
  return parsed.data as GeneratedData<K>;
}

/** Read and check one generated file from `dir` (src/generated/ or a build's staging copy). */
export function readGenerated<K extends GeneratedKey>(dir: string, key: K): GeneratedData<K> {
  const file = join(dir, GENERATED[key].file);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` (or \`npm run extract\`) first`);
  return checkGenerated(key, JSON.parse(readFileSync(file, 'utf8')), file);
}
