// Developer aid (shared by trace.ts and show.ts): extract one document, chosen
// by the prefix of its file name, and return one measure's trace.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  extractDocument,
  placeMeasures,
  readDocument,
  traces,
} from '../../src/pipeline/extract/index.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export function oneMeasure(prefix: string, amountLine: number) {
  const dir = join(ROOT, 'content/sources');
  const metaFile = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.meta.yaml'));
  if (!metaFile) throw new Error(`no metadata file in content/sources/ starts with ${prefix}`);
  const meta = parse(readFileSync(join(dir, metaFile), 'utf8'));
  const text = readFileSync(join(dir, meta.file), 'utf8');
  const result = extractDocument(text, meta);
  const trace = traces.get(amountLine);
  if (!trace) throw new Error(`no measure with amount line ${amountLine}`);
  return { meta, lines: text.split('\n'), result, trace };
}

/** Every document of content/sources/, read and placed (its measures' anchors, titles and regions). */
export function placedDocuments() {
  const dir = join(ROOT, 'content/sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.meta.yaml'))
    .sort()
    .map((f) => {
      const meta = parse(readFileSync(join(dir, f), 'utf8'));
      const doc = readDocument(readFileSync(join(dir, meta.file), 'utf8'), meta);
      return { meta, doc, measures: placeMeasures(doc).measures };
    });
}
