/** dist/data/measures/<id>.json: one live measure's record, the same as its entry in measures.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toOpenDataRecordJson } from '../../../lib/open-data.ts';
import { measureRecords } from '../../../site/data.ts';
import { makesDocument } from '../../../site/shard.ts';

// with the measure pages: a document shard makes its own measures' files
export const getStaticPaths = (() =>
  measureRecords
    .filter((r) => makesDocument(r.source.document))
    .map((record) => ({ params: { id: record.id }, props: { record } }))) satisfies GetStaticPaths;

/** /data/measures/<id>.json (validates against /data/schema/measure.schema.json). */
export const GET: APIRoute = ({ props }) =>
  new Response(toOpenDataRecordJson(props.record), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
