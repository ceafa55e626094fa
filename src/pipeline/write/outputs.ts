/**
 * Everything the build writes, in memory: the MDX of every measure, the JSON of src/generated/
 * (schemas/generated.ts), the registry files that changed and the console report.
 */
import { hasKanji } from '../../lib/normalise.ts';
import { measureUrl } from '../../lib/links.ts';
import { generateJsonSchemas } from '../../lib/json-schema.ts';
import { toOpenDataJson } from '../../lib/open-data.ts';
import type { GeneratedKey } from '../../schemas/generated.ts';
import type { CuratedForPages } from '../../schemas/page-curated.ts';
import { summariseDocument } from '../derive/documents.ts';
import { buildNavigation } from '../derive/navigation.ts';
import { findRepeats } from '../derive/repeats.ts';
import { indexRecords } from '../derive/totals.ts';
import { idSummary, type IdAssignment, type UrlEntry } from '../ids/assign.ts';
import { formatProblem } from '../load/checked-yaml.ts';
import { NO_CURATED, PROGRAMS_FILE, type Curated } from '../load/curated.ts';
import type { DocumentResult, MeasureRecord } from '../types.ts';
import { measureToMdx } from './mdx.ts';
import { buildReport } from './report.ts';
import { assignPrograms, formatProgramRegistry, programGroups } from '../derive/programs.ts';

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
export function buildOutputs(
  results: readonly DocumentResult[],
  ids?: IdAssignment,
  curated: Curated = NO_CURATED,
): Outputs {
  const records = results.flatMap((r) => r.measures);
  const seen = new Set<string>();
  for (const r of records) {
    if (!/^[^/\\.\s][^/\\\s]*$/.test(r.id))
      throw new Error(`measure id "${r.id}" is not usable as a file name (${r.source.document})`);
    if (seen.has(r.id)) throw new Error(`duplicate measure id "${r.id}" (${r.source.document})`);
    seen.add(r.id);
  }
  // before anything is written from the records: the MDX frontmatter holds counted_in too
  const repeats = results.flatMap(findRepeats);
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const x of repeats) byId.get(x.measure)!.counted_in = { id: x.in, line: x.line };
  const urls = ids?.urls ?? liveUrls(records);
  const mdx = records
    .map((r) => ({ file: `${r.id}.mdx`, content: measureToMdx(r) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const files = new Map(results.map((r) => [r.meta.id, r.meta.file]));
  const index = indexRecords(records);
  const { nav, problems } = buildNavigation({ records, index, files, ...curated });
  const programs = assignPrograms(
    programGroups(records, (id) => nav.measures[id]?.related ?? []),
    curated.programs.registry,
  );
  nav.programs = programs.programs;
  for (const p of programs.programs)
    for (const id of p.measures) nav.measures[id]!.program = p.slug;
  const programsText = formatProgramRegistry(programs.registry);
  const unplaced = curated.context.filter((c) => !files.has(c.figure.document));
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
    ...(repeats.length > 0
      ? [
          'figures printed twice, counted once (a breakdown row inside one measure that is also a measure of its own):',
          ...repeats.map((x) => {
            const m = byId.get(x.measure)!;
            const file = files.get(x.document) ?? x.document;
            return `  ${file}:${x.line}: row 「${x.row}」 of ${x.in} is ${x.measure} 「${m.title}」 (${file}:${m.amount_line ?? m.source.lines[0]}), ${x.yen} yen; counted in ${x.in}`;
          }),
        ]
      : []),
    ...(unplaced.length > 0
      ? [
          'budget context figures not shown (their document is not in content/sources/):',
          ...unplaced.map(
            (c) =>
              `  ${c.file}:${c.line ?? '?'}: ${c.figure.document} ${c.figure.account} ${c.figure.yen} yen`,
          ),
        ]
      : []),
    ...correctionsBlock(curated, new Set(urls.map((u) => u.id))),
    ...(ids ? idSummaryBlock(ids) : []),
    ...(problems.length > 0
      ? ['navigation:', ...problems.map((p) => `  ${formatProblem(p)}`)]
      : []),
    `ids: ${countBy(urls, (u) => u.status)}; cross-budget links: ${Object.values(nav.measures).reduce((n, m) => n + m.related.length, 0) / 2}; programs across budgets: ${nav.programs.length}; bureaus: ${nav.bureaus.length}; tags: ${nav.tags.length}`,
  ].join('\n');
  return {
    records,
    mdx,
    generated: {
      measures: toOpenDataJson(records),
      documents: `${JSON.stringify(
        results.map((r) => summariseDocument(r, index)),
        null,
        2,
      )}\n`,
      urls: `${JSON.stringify(urls, null, 2)}\n`,
      navigation: `${JSON.stringify(nav, null, 2)}\n`,
      curated: `${JSON.stringify(curatedForPages(curated, records, files), null, 2)}\n`,
      sources: `${JSON.stringify(Object.fromEntries(results.map((r) => [r.meta.id, r.lines ?? []])))}\n`,
      retired: `${JSON.stringify(ids?.orphans ?? [], null, 2)}\n`,
      schemas: `${JSON.stringify(generateJsonSchemas(), null, 2)}\n`,
    },
    registries: [
      ...(ids?.registries ?? [])
        .filter((r) => r.changed)
        .map(({ file, content }) => ({ file, content })),
      // only a build with the registries writes them back; an unchanged file is left alone
      ...(ids &&
      programsText !== curated.programs.text &&
      (curated.programs.text !== null || programs.registry.programs.length > 0)
        ? [{ file: `content/${PROGRAMS_FILE}`, content: programsText }]
        : []),
    ],
    summary: `${summary}\n`,
  };
}

/** Words of the documents a query typo is corrected to: kanji and katakana runs of 2–12 characters. */
const DOCUMENT_WORD = /[\p{Script=Han}\p{Script=Katakana}ー々〆ヶ]{2,12}/gu;

/**
 * The documents' words in the measures' titles and sections, most frequent first (ties in
 * code-point order): each run and its endings of two characters or more (慢性腎臓病 gives
 * 腎臓病 and 臓病 too: a compound's last word is often a word of its own).
 */
function documentWords(records: readonly MeasureRecord[]): string[] {
  const count = new Map<string, number>();
  for (const r of records)
    for (const text of [r.title, r.subtitle ?? '', ...Object.values(r.sections)])
      for (const [run] of text.matchAll(DOCUMENT_WORD)) {
        const cs = [...run];
        for (let i = 0; i + 2 <= cs.length; i++) {
          const w = cs.slice(i).join('');
          count.set(w, (count.get(w) ?? 0) + 1);
        }
      }
  return [...count]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
}

function curatedForPages(
  curated: Curated,
  records: readonly MeasureRecord[],
  documents: ReadonlyMap<string, string>,
): CuratedForPages {
  const readings = new Map<string, string>(Object.entries(curated.readings));
  // a glossary headword's reading (aliases have none: 補正予算案 is found through 補正予算)
  for (const t of curated.glossary)
    if (!readings.has(t.term)) readings.set(t.term, t.reading.replace(/[・ ]/gu, ''));
  return {
    glossary: curated.glossary,
    population: curated.population,
    context: curated.context.filter((c) => documents.has(c.figure.document)).map((c) => c.figure),
    corrections: [...curated.corrections].sort((a, b) =>
      a.date > b.date ? -1 : a.date < b.date ? 1 : 0,
    ),
    readings: readingTable(readings),
    search: {
      ...curated.search,
      vocabulary: [
        ...new Set([
          ...curated.glossary.flatMap((t) => [t.term, ...t.aliases]),
          ...curated.tags.flatMap((t) => [t.name, ...t.aliases]),
          ...curated.search.synonyms.flatMap(([, official]) => official),
        ]),
      ].sort(),
      words: documentWords(records),
    },
  };
}

/**
 * The corrections log against the curated decisions: every measure id decided in
 * cross-budget.yaml is listed in an entry, and every id an entry names is known.
 */
function correctionsBlock(curated: Curated, known: ReadonlySet<string>): string[] {
  const listed = new Set(curated.corrections.flatMap((c) => c.ids));
  const decided = [...curated.cross.same, ...curated.cross.different].flat();
  const lines = [
    ...[...new Set(decided)]
      .filter((id) => !listed.has(id))
      .map((id) => `  content/cross-budget.yaml: ${id} is decided there but listed in no entry`),
    ...[...listed]
      .filter((id) => !known.has(id))
      .map((id) => `  content/corrections.yaml: ${id} is not a measure id`),
  ];
  return lines.length > 0 ? ['corrections log (content/corrections.yaml):', ...lines] : [];
}

function idSummaryBlock(ids: IdAssignment): string[] {
  const lines = idSummary(ids);
  return lines.length > 0 ? ['registry:', ...lines.map((l) => `  ${l}`)] : [];
}

function countBy<T>(items: readonly T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return (
    [...counts]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none'
  );
}

/** Curated readings, longest word first. */
export function readingTable(entries: Iterable<[string, string]>): [string, string][] {
  return [...entries]
    .filter(([w, r]) => hasKanji(w) && r !== '')
    .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
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
