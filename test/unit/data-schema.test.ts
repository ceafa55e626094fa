/**
 * The published JSON Schemas (src/lib/json-schema.ts): generated from the zod schemas,
 * deterministic, every field described in Japanese and English, and they accept what the site
 * writes and refuse what breaks the contract. The /data/ page's column list
 * (src/site/data-docs.ts) documents every CSV column.
 */
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  generateJsonSchemas,
  jsonSchemaText,
  publishedJsonSchema,
  schemaFields,
  SCHEMA_KEYS,
} from '../../src/lib/json-schema.ts';
import {
  CSV_COLUMNS,
  toOpenDataJson,
  toOpenDataRecordJson,
  toOpenDocuments,
} from '../../src/lib/open-data.ts';
import { buildOutputs } from '../../src/pipeline/index.ts';
import { summariseDocument } from '../../src/pipeline/derive/documents.ts';
import { indexRecords } from '../../src/pipeline/derive/totals.ts';
import { doc, readDoc } from '../../src/schemas/describe.ts';
import { CHART_KINDS, csvColumnDocs, fieldDocs } from '../../src/site/data-docs.ts';
import { publicUrls } from '../../src/site/publish-files.ts';
import { fixtureDocument } from '../fixtures/records.ts';
import { schemaValidator } from '../helpers/json-schema.ts';

const schemas = generateJsonSchemas();
const ajv = schemaValidator();
// one compiled validator per schema (ajv refuses a second schema with the same $id)
const validators = new Map<string, ValidateFunction>();
const validator = (key: (typeof SCHEMA_KEYS)[number]) => {
  if (!validators.has(key))
    validators.set(key, ajv.compile(publishedJsonSchema(key, schemas, '/sub/')));
  return validators.get(key)!;
};
const document = fixtureDocument();
const outputs = buildOutputs([document]);
const records = outputs.records;

describe('the published JSON Schemas', () => {
  it('are draft-07 schemas with a $id under the base (no host) and a title', () => {
    for (const key of SCHEMA_KEYS) {
      const s = publishedJsonSchema(key, schemas, '/sub/');
      expect(ajv.validateSchema(s), `${key}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(s.$id).toBe(`/sub/data/schema/${key}.schema.json`);
      expect(Object.keys(s).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
      expect(s.title).toMatch(/\S/u);
    }
  });

  it('are byte-identical from one generation to the next', () => {
    const again = generateJsonSchemas();
    expect(JSON.stringify(again)).toBe(JSON.stringify(schemas));
    for (const key of SCHEMA_KEYS)
      expect(jsonSchemaText(key, again, '/')).toBe(jsonSchemaText(key, schemas, '/'));
  });

  it('describe every field in Japanese and English (the zod schemas’ doc())', () => {
    for (const key of SCHEMA_KEYS) {
      const fields = schemaFields(schemas[key]);
      expect(fields.length, key).toBeGreaterThan(5);
      const undocumented = fields.filter((f) => f.meaning === null).map((f) => f.path);
      expect(undocumented, key).toEqual([]);
    }
    expect(fieldDocs('measure', schemas).map((f) => f.path)).toContain(
      'earlier_supplementary[].fiscal_year',
    );
  });

  it('accept the records the build writes, one file or all of them', () => {
    const one = validator('measure');
    const all = validator('measures');
    expect(records.length).toBeGreaterThan(2);
    for (const r of records) expect(one(JSON.parse(toOpenDataRecordJson(r))), r.id).toBe(true);
    expect(all(JSON.parse(toOpenDataJson(records))), ajv.errorsText(all.errors)).toBe(true);
  });

  it('refuse a record missing a required field, with a wrong type, or with a field they do not know', () => {
    const one = validator('measure');
    const record = JSON.parse(toOpenDataRecordJson(records[0]!)) as Record<string, unknown>;
    const { bureau: _, ...noBureau } = record;
    expect(one(noBureau)).toBe(false);
    expect(one.errors?.[0]?.message).toMatch(/must have required property 'bureau'/u);
    const { amount } = record as { amount: Record<string, unknown> };
    expect(one({ ...record, amount: { ...amount, yen: '12億円' } })).toBe(false);
    expect(one({ ...record, amount: { ...amount, kind: 'maybe' } })).toBe(false);
    expect(one({ ...record, source: { document: 'x', lines: [0, 3] } })).toBe(false);
    expect(one({ ...record, extra: true })).toBe(false);
    const { yen: __, ...noYen } = amount;
    expect(one({ ...record, amount: noYen })).toBe(false);
  });

  it('accept urls.json with and without a public address, and refuse an unknown status', () => {
    const urls = validator('urls');
    const entries = [
      ...outputs.records.map((r) => ({
        id: r.id,
        path: r.url,
        status: 'live' as const,
        document: r.source.document,
        title: r.title,
        target: null,
        successor: null,
        amount: null,
      })),
      {
        id: 'fixture-999',
        path: '/measures/fixture-999/',
        status: 'gone' as const,
        document: 'fixture',
        title: '外れた施策',
        target: null,
        successor: records[0]!.id,
        amount: null,
      },
    ];
    for (const site of [null, 'https://example.org']) {
      const file = JSON.parse(JSON.stringify(publicUrls(entries, '/sub/', site))) as {
        ids: { status: string; url?: string }[];
      };
      expect(urls(file), `${site}: ${ajv.errorsText(urls.errors)}`).toBe(true);
      expect(file.ids.every((i) => (site === null) === (i.url === undefined))).toBe(true);
      file.ids[0]!.status = 'lost';
      expect(urls(file)).toBe(false);
    }
  });

  it('accept documents.json, which leaves out the build’s internals', () => {
    const docs = validator('documents');
    const index = indexRecords(records);
    const open = JSON.parse(JSON.stringify(toOpenDocuments([summariseDocument(document, index)])));
    expect(docs(open), ajv.errorsText(docs.errors)).toBe(true);
    expect(Object.keys(open[0])).not.toContain('file');
    expect(Object.keys(open[0].counts)).not.toContain('problems');
    expect(docs([{ ...open[0], family: 'gaisan' }])).toBe(false);
  });
});

describe('the /data/ page’s documentation', () => {
  it('documents every CSV column from a record field, in order', () => {
    const columns = csvColumnDocs(schemas);
    expect(columns.map((c) => c.column)).toEqual([...CSV_COLUMNS]);
    const unknown = columns
      .filter((c) => c.meaning === null)
      .map((c) => `${c.column} ← ${c.field}`);
    expect(unknown).toEqual([]);
    expect(columns.find((c) => c.column === 'amount_yen')!.type).toBe('integer | empty');
    expect(columns.find((c) => c.column === 'untitled')!.type).toBe('true | false');
  });

  it('has one chart kind per chart id form, each telling apart the others', () => {
    const ids = [
      'budgets-totals',
      'treemap-r7-gaisan',
      'budget-r7-gaisan-measures',
      'budget-r7-gaisan-bureaus',
      'bureau-health-policy-measures',
      'measure-r7-gaisan-001-prior',
      'measure-r7-gaisan-001-share',
      'measure-r7-gaisan-001-programs',
    ];
    for (const id of ids) expect(CHART_KINDS.filter((k) => k.test.test(id)).length, id).toBe(1);
  });

  it('writes a description as two one-line texts, Japanese first', () => {
    expect(readDoc(doc('目的', 'Purpose'))).toEqual({ ja: '目的', en: 'Purpose' });
    expect(() => doc('二行\nの説明', 'x')).toThrow(/one non-empty line/u);
    expect(() => doc('説明', '')).toThrow(/one non-empty line/u);
    expect(readDoc('only one language')).toBeNull();
    expect(readDoc(undefined)).toBeNull();
  });
});
