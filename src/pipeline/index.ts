/**
 * Orchestration from source documents to the generated files, in memory.
 * Only loadSources touches the file system; scripts/extract.ts writes the
 * outputs and prints the summary.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { summariseDocument } from './derive/documents.ts';
import { indexRecords } from './derive/totals.ts';
import { buildReport } from './write/report.ts';
import { toOpenDataJson } from '../lib/open-data.ts';
import { extractDocument } from './extract/index.ts';
import { CuratedError, formatProblem, parseCurated } from './load/checked-yaml.ts';
import { assignIds, idSummary, type IdAssignment, type UrlEntry } from './ids/assign.ts';
import { measureUrl } from '../lib/links.ts';
import { parseRegistry, type LoadedRegistry } from './ids/registry-file.ts';
import { buildNavigation, parseCrossBudget, parseTags, type CrossBudgetLinks, type TagDef } from './derive/navigation.ts';
import { indexOrganisation, parseOrganisation, type OrgIndex } from './derive/organisation.ts';
import { parseGlossary, type GlossaryTerm } from './load/glossary.ts';
import { hasKanji } from '../lib/normalise.ts';
import { populationSchema, type Population } from '../schemas/population.ts';
import { readingsSchema } from '../schemas/readings.ts';
import type { CuratedForPages } from '../schemas/page-curated.ts';
import type { GeneratedKey } from '../schemas/generated.ts';

export type { CuratedForPages };
import { sourceMetaSchema, type SourceMeta } from '../schemas/source-meta.ts';
import type { Problem, ProblemCode } from '../schemas/problem.ts';
import { decodeText, type Encoding } from './load/encoding.ts';
import { measureToMdx } from './write/mdx.ts';
import type { DocumentResult, MeasureRecord } from './types.ts';

/** A source document ready for extraction. */
export interface SourceDocument {
  meta: SourceMeta;
  /** Text with BOM removed and line endings normalised to LF. */
  text: string;
  /** Name of the metadata file, for messages. */
  metaFile: string;
  /** What was wrong with the text but could be read around (control or bidirectional characters removed). */
  problems?: Problem[];
  /** The encoding the text was decoded from. */
  encoding?: Encoding;
}

export interface LoadResult {
  sources: SourceDocument[];
  /** Something wrong with one file (severity error); the build stops. */
  errors: Problem[];
}

const loadError = (code: ProblemCode, file: string, line: number | null, message: string): Problem => ({ code, severity: 'error', file, line, message });

/** The YAML value of a text, or null when it does not parse (the error is reported by parseCurated). */
function parseYamlQuietly(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return null;
  }
}

const META_SUFFIX = '.meta.yaml';

/**
 * Read every *.meta.yaml in `dir` and the text it names. Every problem is
 * listed as `file[:line]: message` (unreadable, malformed or incomplete
 * metadata, a missing, empty, binary or undecodable text, a `file:` whose
 * case differs from the file on disk, a duplicate id, a text file no
 * metadata names); the build stops on any of them, so a fault never turns a
 * document's pages into tombstones. Sorted by file name.
 */
export function loadSources(dir: string): LoadResult {
  const errors: Problem[] = [];
  const sources: SourceDocument[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    return { sources, errors: [loadError('unreadable', dir, null, `cannot read directory: ${errorMessage(e)}`)] };
  }
  const onDisk = new Set(names);
  const referenced = new Set<string>();
  const ids = new Map<string, string>();

  for (const metaFile of names.filter((n) => n.endsWith(META_SUFFIX))) {
    let metaText: string;
    try {
      metaText = readFileSync(join(dir, metaFile), 'utf8');
    } catch (e) {
      errors.push(loadError('unreadable', metaFile, null, `cannot read: ${errorMessage(e)}`));
      continue;
    }
    // A text named by a broken record is reported with that record, not as unnamed.
    const named = (parseYamlQuietly(metaText) as { file?: unknown } | null)?.file;
    if (typeof named === 'string') referenced.add(named);
    const checked = parseCurated(metaText, metaFile, sourceMetaSchema);
    if (!checked.ok) {
      errors.push(...checked.problems);
      continue;
    }
    const meta = checked.value;
    const previous = ids.get(meta.id);
    if (previous !== undefined) {
      errors.push(loadError('duplicate-id', metaFile, checked.lineOf(['id']), `id "${meta.id}" is already used by ${previous}: two documents cannot share an id`));
      continue;
    }
    ids.set(meta.id, metaFile);
    if (!onDisk.has(meta.file)) {
      const other = names.find((n) => n.toLowerCase() === meta.file.toLowerCase());
      if (other) referenced.add(other); // reported here, not again as a text no metadata names
      const message = other ? `text file "${meta.file}" not found; there is "${other}" (file names are case-sensitive)` : `text file "${meta.file}" not found`;
      errors.push(loadError('missing-file', metaFile, checked.lineOf(['file']), message));
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, meta.file));
    } catch (e) {
      errors.push(loadError('unreadable', metaFile, checked.lineOf(['file']), `cannot read "${meta.file}": ${errorMessage(e)}`));
      continue;
    }
    const decoded = decodeSource(bytes, meta.file);
    if (!decoded.ok) {
      errors.push(loadError(decoded.code, meta.file, null, decoded.message));
      continue;
    }
    sources.push({ meta, text: decoded.text, metaFile, problems: decoded.problems, encoding: decoded.encoding });
  }

  for (const name of names.filter((n) => n.endsWith('.txt') && !referenced.has(n))) {
    errors.push(loadError('orphan-text', name, null, `no *${META_SUFFIX} names this text file: add its metadata (README, Adding a document) or move it out of the sources`));
  }
  return { sources, errors };
}

/** Lines listed one by one in a problem report before the rest are counted. */
const LISTED = 5;
/**
 * Characters that must never reach a page, JSON, CSV or the index: C0
 * controls but tab and line feed, DEL, C1 controls, bidirectional controls
 * (U+202E …) and marks, a BOM inside the text, and the two noncharacters.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/gu;

export type DecodedSource = { ok: true; text: string; encoding: Encoding; problems: Problem[] } | { ok: false; code: 'encoding' | 'empty-text'; message: string };

/**
 * Decode a source text (src/pipeline/load/encoding.ts: UTF-8 with or without BOM,
 * UTF-16 with BOM, Shift_JIS), normalise line ends, and remove every
 * unprintable character, reporting each line it was removed from. A text
 * that cannot be decoded, or is empty, is refused (`ok: false`).
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, code: 'encoding', message: decoded.message };
  const problems: Problem[] = [];
  const lines = normaliseText(decoded.text).split('\n');
  const removed: { line: number; chars: string }[] = [];
  const text = lines
    .map((l, i) => {
      const found = l.match(UNPRINTABLE);
      if (!found) return l;
      removed.push({ line: i + 1, chars: [...new Set(found)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ') });
      return l.replace(UNPRINTABLE, '');
    })
    .join('\n');
  problems.push(...removed.slice(0, LISTED).map(({ line, chars }) => ({ code: 'control-characters', severity: 'warning', file, line, message: `control or bidirectional characters removed (${chars})` }) satisfies Problem));
  if (removed.length > LISTED) problems.push({ code: 'control-characters', severity: 'warning', file, line: null, message: `control or bidirectional characters removed on ${removed.length - LISTED} more lines` });
  if (text.trim() === '') return { ok: false, code: 'empty-text', message: 'empty: there is no text to read measures from' };
  return { ok: true, text, encoding: decoded.encoding, problems };
}

/** Remove a leading BOM and normalise CRLF and CR line endings to LF. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export type MetaCheck = { ok: true; meta: SourceMeta } | { ok: false; errors: string[] };

/** Check a parsed metadata record against its schema; list everything wrong as `path: message`. */
export function validateMeta(raw: unknown): MetaCheck {
  const parsed = sourceMetaSchema.safeParse(raw);
  if (parsed.success) return { ok: true, meta: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`) };
}

/**
 * Read every *.yaml registry file in `dir` (a missing directory is an empty
 * registry). Any problem throws a CuratedError: without a sound registry the
 * ids of a document cannot be kept, so the build must stop.
 */
export function loadRegistries(dir: string, label = dir): LoadedRegistry[] {
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  const loaded: LoadedRegistry[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = `${label.replace(/\/+$/, '')}/${name}`;
    const result = parseRegistry(readFileSync(join(dir, name), 'utf8'), file);
    if (result.ok) loaded.push(result.loaded);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new CuratedError(problems);
  return loaded;
}

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
export function extractAll(sources: readonly SourceDocument[], registries: readonly LoadedRegistry[] = []): ExtractResult {
  const { results, errors } = extractDocuments(sources);
  const ids = assignIds(results, registries);
  return { results, errors, ids };
}

/**
 * Extract every document, without ids yet (the build checks what it found
 * before any id is minted). A document whose extraction throws is reported.
 */
export function extractDocuments(sources: readonly SourceDocument[]): { results: DocumentResult[]; errors: Problem[] } {
  const results: DocumentResult[] = [];
  const errors: Problem[] = [];
  for (const { meta, text, metaFile, problems = [] } of sources) {
    try {
      const result = extractDocument(text, meta);
      result.problems.unshift(...problems);
      if (result.measures.length === 0 && text.trim() !== '') {
        result.problems.push({ code: 'no-measure', severity: 'warning', file: meta.file, line: null, message: `no measure found: no line carries a figure after the budget labels (${meta.budgets.map((b) => b.label).join(', ')})` });
      }
      results.push(result);
    } catch (e) {
      errors.push(loadError('extraction-failed', metaFile, null, `extraction failed: ${errorMessage(e)}`));
    }
  }
  return { results, errors };
}

/** URL entries for records that have ids but no registry (test fixtures). */
export function liveUrls(records: readonly MeasureRecord[]): UrlEntry[] {
  return records.map((r) => ({
    id: r.id,
    path: measureUrl(r.id),
    status: 'live',
    document: r.source.document,
    title: r.title,
    target: null,
    successor: null,
    amount: null,
  }));
}

/** The curated files of content/. */
export interface Curated {
  org: OrgIndex | null;
  tags: TagDef[];
  cross: CrossBudgetLinks;
  glossary: GlossaryTerm[];
  population: Population | null;
  /** Word → hiragana reading, for furigana. */
  readings: Record<string, string>;
}

export const NO_CURATED: Curated = { org: null, tags: [], cross: { same: [], different: [] }, glossary: [], population: null, readings: {} };


/**
 * Read content/organisation.yaml, tags.yaml and cross-budget.yaml (each
 * optional). A broken file throws a CuratedError naming file and line:
 * these files define URLs.
 */
export function loadCurated(dir: string, label = dir): Curated {
  const problems: Problem[] = [];
  const read = <T>(name: string, parse: (text: string, file: string) => { ok: true; value: T } | { ok: false; problems: Problem[] }): T | null => {
    const path = join(dir, name);
    if (!existsSync(path)) return null;
    const result = parse(readFileSync(path, 'utf8'), `${label.replace(/\/+$/, '')}/${name}`);
    if (result.ok) return result.value;
    problems.push(...result.problems);
    return null;
  };
  const org = read('organisation.yaml', parseOrganisation);
  const tags = read('tags.yaml', parseTags);
  const cross = read('cross-budget.yaml', parseCrossBudget);
  const glossary = read('glossary.yaml', parseGlossary);
  const population = read('population.yaml', (text, file) => parseCurated(text, file, populationSchema));
  const readings = read('readings.yaml', (text, file) => parseCurated(text, file, readingsSchema));
  if (problems.length > 0) throw new CuratedError(problems);
  return {
    org: org ? indexOrganisation(org) : null,
    tags: tags ?? [],
    cross: cross ?? NO_CURATED.cross,
    glossary: glossary ?? [],
    population: population ?? null,
    readings: readings?.readings ?? {},
  };
}

/** Everything the build writes, in memory. */
export interface Outputs {
  /** All records, in document order then source order. */
  records: MeasureRecord[];
  /** src/content/measures/<file> → MDX text. Sorted by file name. */
  mdx: { file: string; content: string }[];
  /** The JSON of each file of src/generated/ (schemas/generated.ts names them and their schemas). */
  generated: Record<GeneratedKey, string>;
  /** content/registry/<document>.yaml files that changed (written back like a lockfile). */
  registries: { file: string; content: string }[];
  /** Build summary for the console. */
  summary: string;
}

/**
 * Turn extraction results into the generated files. Throws on duplicate or
 * unsafe ids. Without an id assignment (tests with hand-made records)
 * every record counts as live.
 */
export function buildOutputs(results: readonly DocumentResult[], ids?: IdAssignment, curated: Curated = NO_CURATED): Outputs {
  const records = results.flatMap((r) => r.measures);
  const seen = new Set<string>();
  for (const r of records) {
    if (!/^[^/\\.\s][^/\\\s]*$/.test(r.id)) throw new Error(`measure id "${r.id}" is not usable as a file name (${r.source.document})`);
    if (seen.has(r.id)) throw new Error(`duplicate measure id "${r.id}" (${r.source.document})`);
    seen.add(r.id);
  }
  const urls = ids?.urls ?? liveUrls(records);
  const mdx = records
    .map((r) => ({ file: `${r.id}.mdx`, content: measureToMdx(r) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const files = new Map(results.map((r) => [r.meta.id, r.meta.file]));
  const index = indexRecords(records);
  const { nav, problems } = buildNavigation({ records, index, files, ...curated });
  const differing = nav.packages.filter((p) => p.difference !== null && p.difference !== 0);
  const summary = [
    buildReport(results).trimEnd(),
    ...(differing.length > 0
      ? [
          'packages whose items do not add up to the printed total (shown on the package pages, not corrected):',
          ...differing.map((p) => {
            const r = index.get(p.id)!;
            return `  ${files.get(r.source.document) ?? r.source.document}:${r.amount_line ?? r.source.lines[0]}: ${p.id} 「${r.title}」 prints ${p.own_yen} yen; its ${p.children_own_count} items add up to ${p.children_own_yen} (difference ${p.difference})`;
          }),
        ]
      : []),
    ...(ids ? idSummaryBlock(ids) : []),
    ...(problems.length > 0 ? ['navigation:', ...problems.map((p) => `  ${formatProblem(p)}`)] : []),
    `ids: ${countBy(urls, (u) => u.status)}; cross-budget links: ${Object.values(nav.measures).reduce((n, m) => n + m.related.length, 0) / 2}; bureaus: ${nav.bureaus.length}; tags: ${nav.tags.length}`,
  ].join('\n');
  return {
    records,
    mdx,
    generated: {
      measures: toOpenDataJson(records),
      documents: `${JSON.stringify(results.map((r) => summariseDocument(r, index)), null, 2)}\n`,
      urls: `${JSON.stringify(urls, null, 2)}\n`,
      navigation: `${JSON.stringify(nav, null, 2)}\n`,
      curated: `${JSON.stringify(curatedForPages(curated), null, 2)}\n`,
      sources: `${JSON.stringify(Object.fromEntries(results.map((r) => [r.meta.id, r.lines ?? []])))}\n`,
      retired: `${JSON.stringify(ids?.orphans ?? [], null, 2)}\n`,
    },
    registries: (ids?.registries ?? []).filter((r) => r.changed).map(({ file, content }) => ({ file, content })),
    summary: `${summary}\n`,
  };
}

function curatedForPages(curated: Curated): CuratedForPages {
  const readings = new Map<string, string>(Object.entries(curated.readings));
  // a glossary headword's reading (aliases have none: 補正予算案 is found through 補正予算)
  for (const t of curated.glossary) if (!readings.has(t.term)) readings.set(t.term, t.reading.replace(/[・ ]/gu, ''));
  return { glossary: curated.glossary, population: curated.population, readings: readingTable(readings) };
}

function idSummaryBlock(ids: IdAssignment): string[] {
  const lines = idSummary(ids);
  return lines.length > 0 ? ['registry:', ...lines.map((l) => `  ${l}`)] : [];
}

function countBy<T>(items: readonly T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort().map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Curated readings, longest word first. */
export function readingTable(entries: Iterable<[string, string]>): [string, string][] {
  return [...entries].filter(([w, r]) => hasKanji(w) && r !== '').sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
}
