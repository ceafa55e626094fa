/**
 * The published JSON Schemas (/data/schema/*.schema.json), generated from the zod schemas with
 * zod-to-json-schema (draft-07, every sub-schema inline) by the pipeline into
 * src/generated/schemas.json, so the zod schemas stay the single source of truth; their
 * published form; and the field list the /data/ page documents, read back from them. Pure and
 * deterministic: equal schemas give byte-identical files.
 */
import { z } from 'astro/zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { doc, readDoc } from '../schemas/describe.ts';
import { measureSchema } from '../schemas/measure.ts';
import { openDocumentSchema } from '../schemas/open-document.ts';
import { publicUrlsSchema } from '../schemas/public-urls.ts';
import { withBase } from './links.ts';

/** Where the schemas are published. */
export const SCHEMA_DIR = '/data/schema/';

/** A JSON Schema as an object (draft-07). */
export type JsonSchema = { [key: string]: unknown };

/** Every published schema: its file under SCHEMA_DIR, the zod schema, and the data it describes. */
export const PUBLISHED_SCHEMAS = {
  measures: {
    file: 'measures.schema.json',
    schema: z.array(measureSchema),
    data: '/data/measures.json',
    title: doc('施策レコードの一覧（measures.json）', 'Every measure record (measures.json)'),
  },
  measure: {
    file: 'measure.schema.json',
    schema: measureSchema,
    data: '/data/measures/<id>.json',
    title: doc('施策レコード1件（measures/<id>.json）', 'One measure record (measures/<id>.json)'),
  },
  urls: {
    file: 'urls.schema.json',
    schema: publicUrlsSchema,
    data: '/data/urls.json',
    title: doc(
      'すべてのIDのURLと状態（urls.json）',
      'Every id with its URL and status (urls.json)',
    ),
  },
  documents: {
    file: 'documents.schema.json',
    schema: z.array(openDocumentSchema),
    data: '/data/documents.json',
    title: doc('原資料の一覧（documents.json）', 'The source documents (documents.json)'),
  },
} as const;

export type SchemaKey = keyof typeof PUBLISHED_SCHEMAS;
export const SCHEMA_KEYS = Object.keys(PUBLISHED_SCHEMAS) as SchemaKey[];

/** The site path of a published schema (without the base). */
export function schemaPath(key: SchemaKey): string {
  return `${SCHEMA_DIR}${PUBLISHED_SCHEMAS[key].file}`;
}

/** The generated JSON Schemas, by key (src/generated/schemas.json). */
export type GeneratedSchemas = Record<SchemaKey, JsonSchema>;

/**
 * The JSON Schema of every published file, generated from its zod schema (draft-07, no
 * `$ref`: every sub-schema inline). Run by the pipeline, on zod 3 (astro/zod as Node resolves
 * it; inside Astro's own build the same import is zod 4, which zod-to-json-schema does not
 * read, so the pages take the schemas from src/generated/). Throws when a schema comes out
 * empty, which is what a zod it cannot read gives.
 */
export function generateJsonSchemas(): GeneratedSchemas {
  const out = {} as GeneratedSchemas;
  for (const key of SCHEMA_KEYS) {
    const generated = zodToJsonSchema(
      PUBLISHED_SCHEMAS[key].schema as unknown as Parameters<typeof zodToJsonSchema>[0],
      { target: 'jsonSchema7', $refStrategy: 'none' },
    ) as JsonSchema;
    if (generated.type === undefined)
      throw new Error(
        `${key}: zod-to-json-schema gave an empty schema (it reads zod 3 schemas only): generate the schemas in the pipeline, not inside Astro`,
      );
    out[key] = generated;
  }
  return out;
}

/**
 * The published file of `key`: `$schema`, then `$id` (its path under `base`: relative to the
 * site, never an invented host), `title` (Japanese) and `description` (Japanese and English),
 * then the generated schema.
 */
export function publishedJsonSchema(
  key: SchemaKey,
  generated: GeneratedSchemas,
  base: string,
): JsonSchema {
  const { $schema, ...rest } = generated[key];
  const { title } = PUBLISHED_SCHEMAS[key];
  return {
    $schema,
    $id: withBase(base, schemaPath(key)),
    title: readDoc(title)!.ja,
    description: title,
    ...rest,
  };
}

/** The file's text: pretty-printed with a final newline. */
export function jsonSchemaText(key: SchemaKey, generated: GeneratedSchemas, base: string): string {
  return `${JSON.stringify(publishedJsonSchema(key, generated, base), null, 2)}\n`;
}

/** One documented field: its dotted path (`[]` for an array's items), type and meaning. */
export interface FieldDoc {
  path: string;
  /** The JSON type: string, integer, boolean, object, array of …, with | null and the enum's values. */
  type: string;
  /** Left out when it has no value (only urls.json's url). */
  optional: boolean;
  /** Meaning in Japanese and English; null when the schema has no doc() description. */
  meaning: { ja: string; en: string } | null;
}

const isObject = (v: unknown): v is JsonSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A node without its null alternative: the node, and whether null was allowed. */
function unwrapNull(node: JsonSchema): { node: JsonSchema; nullable: boolean } {
  if (Array.isArray(node.anyOf)) {
    const options = (node.anyOf as JsonSchema[]).filter((o) => o.type !== 'null');
    if (options.length === 1 && options.length < node.anyOf.length)
      return { node: { ...options[0], description: node.description }, nullable: true };
  }
  if (Array.isArray(node.type) && node.type.includes('null')) {
    const types = (node.type as string[]).filter((t) => t !== 'null');
    return { node: { ...node, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { node, nullable: false };
}

function typeName(node: JsonSchema): string {
  if (Array.isArray(node.enum))
    return (node.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (node.type === 'array') {
    if (Array.isArray(node.items))
      return `[${(node.items as JsonSchema[]).map((i) => typeName(unwrapNull(i).node)).join(', ')}]`;
    return isObject(node.items) ? `array of ${typeName(unwrapNull(node.items).node)}` : 'array';
  }
  return Array.isArray(node.type) ? node.type.join(' | ') : String(node.type ?? 'any');
}

/**
 * Every field of a JSON Schema, depth first in the schema's order: an object's properties
 * (`budget.label`), an array's items (`ids[].id`). The root itself is not a field; a root
 * array documents its items' fields.
 */
export function schemaFields(schema: JsonSchema): FieldDoc[] {
  const out: FieldDoc[] = [];
  // the fields inside a node: an object's properties, or those of an array's object items
  const inside = (node: JsonSchema, path: string) => {
    const prefix = path === '' ? '' : `${path}.`;
    if (node.type === 'object' && isObject(node.properties)) {
      const required = new Set((node.required as string[] | undefined) ?? []);
      for (const [key, child] of Object.entries(node.properties))
        visit(child as JsonSchema, `${prefix}${key}`, !required.has(key));
    } else if (node.type === 'array' && isObject(node.items)) {
      inside(unwrapNull(node.items).node, path === '' ? '' : `${path}[]`);
    }
  };
  const visit = (raw: JsonSchema, path: string, optional: boolean) => {
    const { node, nullable } = unwrapNull(raw);
    out.push({
      path,
      type: `${typeName(node)}${nullable ? ' | null' : ''}`,
      optional,
      meaning: readDoc(typeof node.description === 'string' ? node.description : undefined),
    });
    inside(node, path);
  };
  inside(schema, '');
  return out;
}
