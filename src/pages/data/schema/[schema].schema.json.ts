/** dist/data/schema/<name>.schema.json: the JSON Schema of each published JSON file, generated from the zod schemas by the pipeline (src/lib/json-schema.ts, src/generated/schemas.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonSchemaText, SCHEMA_KEYS, type SchemaKey } from '../../../lib/json-schema.ts';
import { jsonSchemas } from '../../../site/data.ts';
import { sharedPaths } from '../../../site/shard.ts';

export const getStaticPaths = (() =>
  sharedPaths(SCHEMA_KEYS.map((key) => ({ params: { schema: key } })))) satisfies GetStaticPaths;

/** /data/schema/<name>.schema.json (draft-07, `$id` under the site's base). */
export const GET: APIRoute = ({ params }) =>
  new Response(jsonSchemaText(params.schema as SchemaKey, jsonSchemas, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
