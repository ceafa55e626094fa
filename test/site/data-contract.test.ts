/**
 * The published data contract in both builds (at / without a public address, under /sub/
 * with one): every JSON file under dist/data/ validates against its published JSON Schema
 * (and the schemas against draft-07), the schemas are the pipeline's, one file per live
 * measure is its element of measures.json, and the /data/ page documents every field of every
 * JSON file, every CSV column and every kind of chart CSV.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, inject, it } from 'vitest';
import { jsonSchemaText, SCHEMA_KEYS, type SchemaKey } from '../../src/lib/json-schema.ts';
import { CSV_COLUMNS } from '../../src/lib/open-data.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';
import { CHART_KINDS, fieldDocs } from '../../src/site/data-docs.ts';
import { schemaValidator } from '../helpers/json-schema.ts';
import { BASE } from './global-setup.ts';

const { tmp, dist, distRoot } = inject('site');
const schemas = readGenerated(join(tmp, GENERATED_DIR), 'schemas');
const BUILDS = [
  { name: 'root', dir: distRoot, base: '/' },
  { name: 'sub-path', dir: dist, base: BASE },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Which published schema a file under data/ answers to; null: none (a test failure). */
function schemaFor(path: string): SchemaKey | 'meta-schema' | null {
  if (path === 'measures.json') return 'measures';
  if (path === 'urls.json') return 'urls';
  if (path === 'documents.json') return 'documents';
  if (/^measures\/[^/]+\.json$/u.test(path)) return 'measure';
  if (/^schema\/[^/]+\.schema\.json$/u.test(path)) return 'meta-schema';
  return null;
}

const decode = (s: string) =>
  s
    .replace(/<[^>]*>/gu, '')
    .replace(/&#x([0-9a-f]+);/giu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');

/** The table captioned `captionId`: the decoded text of its `<code>` elements, and all its text. */
function table(html: string, captionId: string): { codes: Set<string>; text: string } {
  const found = new RegExp(`<caption id="${captionId}"[^>]*>[\\s\\S]*?</table>`, 'u').exec(html);
  expect(found, captionId).not.toBeNull();
  return {
    codes: new Set(
      [...found![0].matchAll(/<code[^>]*>([\s\S]*?)<\/code>/gu)].map((m) => decode(m[1]!)),
    ),
    text: decode(found![0]),
  };
}

describe.each(BUILDS)('the published data ($name build)', ({ dir, base }) => {
  const data = join(dir, 'data');
  const published = files(data)
    .map((f) => relative(data, f).split('\\').join('/'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const read = (path: string) => readFileSync(join(data, path), 'utf8');

  it('validates every JSON file under data/ against its published schema', () => {
    const ajv = schemaValidator();
    const validators = new Map<SchemaKey, ValidateFunction>();
    const validate = (key: SchemaKey) => {
      if (!validators.has(key))
        validators.set(key, ajv.compile(JSON.parse(read(`schema/${key}.schema.json`))));
      return validators.get(key)!;
    };
    const failures: string[] = [];
    const counts = new Map<string, number>();
    for (const path of published) {
      const key = schemaFor(path);
      counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
      const value: unknown = JSON.parse(read(path));
      if (key === null) failures.push(`${path}: no published schema says what it holds`);
      else if (key === 'meta-schema') {
        if (!ajv.validateSchema(value as object)) failures.push(`${path}: ${ajv.errorsText()}`);
      } else if (!validate(key)(value))
        failures.push(`${path}: ${ajv.errorsText(validate(key).errors)}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(counts.get('meta-schema')).toBe(SCHEMA_KEYS.length);
    for (const key of ['measures', 'urls', 'documents']) expect(counts.get(key), key).toBe(1);
    expect(counts.get('measure')).toBeGreaterThan(300);
  });

  it('publishes the schemas the pipeline generated, with a $id under the base', () => {
    for (const key of SCHEMA_KEYS) {
      const text = read(`schema/${key}.schema.json`);
      expect(text, key).toBe(jsonSchemaText(key, schemas, base));
      expect(JSON.parse(text).$id).toBe(`${base}data/schema/${key}.schema.json`);
    }
  });

  it('has one file per live measure: its element of measures.json, byte for byte', () => {
    const records = JSON.parse(read('measures.json')) as { id: string }[];
    const perMeasure = published.filter((p) => p.startsWith('measures/'));
    expect(perMeasure).toEqual(records.map((r) => `measures/${r.id}.json`).sort());
    const text = read('measures.json');
    for (const r of records) {
      const one = read(`measures/${r.id}.json`);
      const indented = one
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n');
      expect(text.includes(indented), r.id).toBe(true);
    }
  });
});

describe('the /data/ page', () => {
  const html = readFileSync(join(distRoot, 'data/index.html'), 'utf8');

  it('documents every field of every JSON file, in its table', () => {
    const tables = {
      measure: 'fields-measure-table-caption',
      urls: 'fields-urls-table-caption',
      documents: 'fields-documents-table-caption',
    } as const;
    for (const [key, caption] of Object.entries(tables)) {
      const { codes, text } = table(html, caption);
      const fields = fieldDocs(key as SchemaKey, schemas);
      expect(
        fields.filter((f) => !codes.has(f.path)).map((f) => f.path),
        key,
      ).toEqual([]);
      const unexplained = fields.filter(
        (f) => !f.meaning || !text.includes(f.meaning.ja) || !text.includes(f.meaning.en),
      );
      expect(
        unexplained.map((f) => f.path),
        key,
      ).toEqual([]);
    }
    // the measures.json elements and the one-record files share one table
    expect(fieldDocs('measures', schemas)).toEqual(fieldDocs('measure', schemas));
  });

  it('documents every CSV column, and the header of measures.csv is that list', () => {
    const { codes } = table(html, 'csv-caption');
    expect(CSV_COLUMNS.filter((c) => !codes.has(c))).toEqual([]);
    const header = readFileSync(join(distRoot, 'data/measures.csv'), 'utf8')
      .replace(/^\uFEFF/u, '')
      .split('\n')[0];
    expect(header).toBe(CSV_COLUMNS.join(','));
  });

  it('names the kind of every chart CSV the build published', () => {
    const charts = readdirSync(join(distRoot, 'data/charts')).map((f) => f.replace(/\.csv$/u, ''));
    expect(charts.filter((id) => !CHART_KINDS.some((k) => k.test.test(id)))).toEqual([]);
    const { codes } = table(html, 'charts-caption');
    expect(CHART_KINDS.filter((k) => !codes.has(k.pattern)).map((k) => k.pattern)).toEqual([]);
  });

  it('links every data file and schema under the base, and says whose documents they are and on what terms', () => {
    const sub = readFileSync(join(dist, 'data/index.html'), 'utf8');
    for (const path of [
      'data/measures.json',
      'data/measures.csv',
      'data/urls.json',
      'data/documents.json',
      ...SCHEMA_KEYS.map((k) => `data/schema/${k}.schema.json`),
    ]) {
      expect(html, path).toContain(`href="/${path}"`);
      expect(sub, path).toContain(`href="${BASE}${path}"`);
    }
    expect(html).toContain('政府標準利用規約（第2.0版）');
    expect(html).toContain('CC BY 4.0');
    expect(html).toMatch(/lang="en"[^>]*>[^<]*MHLW/u);
  });
});
