/**
 * Ids survive edits to the documents. The real sources are extracted with
 * the committed registry (content/registry/), then mutated copies of every
 * document: body text edited, a measure inserted at the top, two measures
 * swapped, titles corrected, amounts corrected, a measure removed. The
 * ground truth of "the same measure" is independent of the id machinery:
 * the measure's amount (or title) line, moved by however the mutation moved
 * the lines. Every surviving measure must keep its id; a removed one must
 * become a tombstone.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutputs,
  extractAll,
  loadCurated,
  loadRegistries,
  loadSources,
  type ExtractResult,
  type SourceDocument,
} from '../../src/pipeline/index.ts';
import { titleKey } from '../../src/lib/normalise.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const registries = loadRegistries(join(ROOT, 'content/registry'), 'content/registry');
const { sources } = loadSources(join(ROOT, 'content/sources'));

/** The line a measure is known by: its amount line, else its title line, else its first line (1-based). */
const anchorLine = (m: MeasureRecord) => m.amount_line ?? m.title_line ?? m.source.lines[0];
/** Position keys: document, anchor line, and order among measures sharing that line (table rows). */
function positions(
  doc: string,
  measures: readonly MeasureRecord[],
  line: (m: MeasureRecord) => number | null,
): Map<string, MeasureRecord> {
  const out = new Map<string, MeasureRecord>();
  const count = new Map<number, number>();
  for (const m of measures) {
    const l = line(m);
    if (l === null) continue;
    const n = count.get(l) ?? 0;
    count.set(l, n + 1);
    out.set(`${doc}:${l}:${n}`, m);
  }
  return out;
}

interface Mutation {
  /** New text of the document (lines), and where each old line went (1-based; null = removed). */
  lines: string[];
  moved: (oldLine: number) => number | null;
  /** Ids of measures the mutation removed. */
  removed: string[];
}

type Mutate = (doc: SourceDocument, measures: MeasureRecord[]) => Mutation;

let baseline: ExtractResult;
/** Figures printed after the run (for the issue note). */
const stats: string[] = [];
afterAll(() =>
  console.log(`id stability over ${baselineByDoc.size} documents:\n  ${stats.join('\n  ')}`),
);
const baselineByDoc = new Map<string, MeasureRecord[]>();

beforeAll(() => {
  baseline = extractAll(sources, registries);
  for (const r of baseline.results) baselineByDoc.set(r.meta.id, r.measures);
});

/** Measures whose page can be moved around as a block: top level, no children, titled, title on its own line. */
function movable(measures: MeasureRecord[], lines: string[]): MeasureRecord[] {
  const spans = measures.map((m) => m.source.lines);
  return measures.filter((m) => {
    if (m.parent !== null || m.children.length > 0 || m.untitled || m.title_line === null)
      return false;
    if (!lines[m.title_line - 1]!.includes(m.title)) return false;
    const [a, b] = m.source.lines;
    if (m.amount_line !== null && (m.amount_line < a || m.amount_line > b)) return false;
    // no other measure's region overlaps this one
    return spans.every((s, i) => measures[i] === m || s[1] < a || s[0] > b);
  });
}

/** Run a mutation over every document and return old measures paired with what now stands at their line. */
function runMutation(mutate: Mutate) {
  const applied = new Map<string, Mutation>();
  const mutated = sources.map((s) => {
    const m = mutate(s, baselineByDoc.get(s.meta.id) ?? []);
    applied.set(s.meta.id, m);
    return { ...s, text: m.lines.join('\n') };
  });
  const after = extractAll(mutated, registries);
  const now = new Map<string, MeasureRecord>();
  for (const r of after.results)
    for (const [k, m] of positions(r.meta.id, r.measures, anchorLine)) now.set(k, m);
  const kept: { before: MeasureRecord; after: MeasureRecord | undefined }[] = [];
  const removed: string[] = [];
  for (const [doc, measures] of baselineByDoc) {
    const mutation = applied.get(doc)!;
    const survivors = measures.filter((m) => !mutation.removed.includes(m.id));
    // sort survivors by their new line so that shared lines keep their order
    const moved = survivors.map((m) => ({ m, line: mutation.moved(anchorLine(m)) }));
    const keys = positions(
      doc,
      moved
        .filter((x) => x.line !== null)
        .sort((a, b) => a.line! - b.line!)
        .map((x) => x.m),
      (m) => mutation.moved(anchorLine(m)),
    );
    const keyOf = new Map([...keys].map(([k, m]) => [m.id, k]));
    for (const { m } of moved) {
      const k = keyOf.get(m.id);
      kept.push({ before: m, after: k === undefined ? undefined : now.get(k) });
    }
    removed.push(...mutation.removed);
  }
  return { kept, removed, after };
}

/** The programs across budgets of an extraction (slugs from the committed content/registry/_programs.yaml). */
const curated = loadCurated(join(ROOT, 'content'));
function programsOf(extracted: ExtractResult) {
  const nav = JSON.parse(
    buildOutputs(extracted.results, extracted.ids, curated).generated.navigation,
  ) as { programs: { slug: string; measures: string[] }[] };
  return nav.programs;
}

/** Every program whose appearances all survive keeps its slug (its URL). */
function expectProgramsKept(result: ReturnType<typeof runMutation>) {
  const removed = new Set(result.removed);
  const after = new Map(
    programsOf(result.after).flatMap((p) => p.measures.map((id) => [id, p.slug] as const)),
  );
  const before = programsOf(baseline).filter((p) => p.measures.every((id) => !removed.has(id)));
  expect(before.length).toBeGreaterThan(20);
  const moved = before
    .filter((p) => p.measures.some((id) => after.get(id) !== p.slug))
    .map((p) => `${p.slug}: ${p.measures.map((id) => `${id}→${after.get(id)}`).join(' ')}`);
  expect(moved, 'programs whose slug changed').toEqual([]);
}

/** Every surviving measure is found at its moved line with its old id, and every program its slug. */
function expectIdsKept(result: ReturnType<typeof runMutation>) {
  expectProgramsKept(result);
  const lost = result.kept
    .filter((k) => k.after === undefined)
    .map((k) => `${k.before.id} 「${k.before.title}」`);
  expect(lost, 'measures the extractor no longer finds at their line').toEqual([]);
  const changed = result.kept
    .filter((k) => k.after!.id !== k.before.id)
    .map((k) => `${k.before.id} → ${k.after!.id} 「${k.before.title}」`);
  expect(changed).toEqual([]);
}

const identity = (l: number) => l;

/** Swap the pages (source regions) of two measures, x before y. */
function swap(lines: string[], x: MeasureRecord, y: MeasureRecord): Mutation {
  const [a1, a2] = x.source.lines;
  const [b1, b2] = y.source.lines;
  const A = lines.slice(a1 - 1, a2);
  const B = lines.slice(b1 - 1, b2);
  const between = lines.slice(a2, b1 - 1);
  return {
    lines: [...lines.slice(0, a1 - 1), ...B, ...between, ...A, ...lines.slice(b2)],
    moved: (l) => {
      if (l >= a1 && l <= a2) return l + (B.length + between.length);
      if (l >= b1 && l <= b2) return l - (b1 - a1);
      if (l > a2 && l < b1) return l + (B.length - A.length);
      return l;
    },
    removed: [],
  };
}

describe('stable ids', () => {
  it('the committed registry is up to date with the sources (no new, gone or changed ids)', () => {
    expect(baseline.errors).toEqual([]);
    expect(baseline.ids.events).toEqual([]);
    expect(baseline.ids.registries.filter((r) => r.changed).map((r) => r.file)).toEqual([]);
    const live = baseline.ids.urls
      .filter((u) => u.status === 'live')
      .map((u) => u.id)
      .sort();
    expect(live).toEqual(baseline.results.flatMap((r) => r.measures.map((m) => m.id)).sort());
  });

  it('keeps every id when body text is edited', () => {
    let edits = 0;
    const result = runMutation((doc, measures) => {
      const header = new Set(measures.flatMap((m) => [m.title_line, m.amount_line]));
      const lines = doc.text.split('\n').map((l, i) => {
        if (header.has(i + 1) || !/。\s*$/u.test(l)) return l;
        edits += 1;
        return l.replace(/。(\s*)$/u, 'など。$1');
      });
      return { lines, moved: identity, removed: [] };
    });
    expect(edits).toBeGreaterThan(100);
    expectIdsKept(result);
    stats.push(`body text: ${edits} lines edited, ${result.kept.length} ids kept`);
  });

  it('keeps every id when a new measure is inserted at the top of each document', () => {
    let inserted = 0;
    const insertedLines = new Map<string, number>();
    const result = runMutation((doc, measures) => {
      const lines = doc.text.split('\n');
      const template = movable(measures, lines)[0];
      if (!template) return { lines, moved: identity, removed: [] };
      const [a, b] = template.source.lines;
      const copy = lines.slice(a - 1, b);
      const t = template.title_line! - a;
      copy[t] = copy[t]!.replace(template.title, '架空の新設事業テスト用挿入施策');
      inserted += 1;
      insertedLines.set(doc.meta.file, copy.length);
      return { lines: [...copy, ...lines], moved: (l) => l + copy.length, removed: [] };
    });
    expect(inserted).toBeGreaterThanOrEqual(3);
    expectIdsKept(result);
    const fresh = result.after.ids.events.filter((e) => e.event.kind === 'new');
    expect(fresh).toHaveLength(inserted);
    // the new ids belong to the inserted pages, one per document
    expect(fresh.map((e) => e.file).sort()).toEqual([...insertedLines.keys()].sort());
    for (const e of fresh) expect(e.line!).toBeLessThanOrEqual(insertedLines.get(e.file)!);
    stats.push(
      `insertion at the top: ${inserted} pages inserted, ${fresh.length} new ids, ${result.kept.length} ids kept`,
    );
  });

  it('keeps every id when two measures swap places', () => {
    let swaps = 0;
    const result = runMutation((doc, measures) => {
      const lines = doc.text.split('\n');
      const candidates = movable(measures, lines);
      if (candidates.length < 2) return { lines, moved: identity, removed: [] };
      swaps += 1;
      return swap(lines, candidates[0]!, candidates[candidates.length - 1]!);
    });
    expect(swaps).toBeGreaterThanOrEqual(3);
    expectIdsKept(result);
    stats.push(`swap: ${swaps} pairs swapped, ${result.kept.length} ids kept`);
  });

  it('keeps two measures with the same title apart when they swap places', () => {
    const pairs: string[] = [];
    const result = runMutation((doc, measures) => {
      const lines = doc.text.split('\n');
      const candidates = movable(measures, lines);
      for (const [i, x] of candidates.entries()) {
        const y = candidates.slice(i + 1).find((o) => titleKey(o.title) === titleKey(x.title));
        if (y) {
          pairs.push(`${x.id}/${y.id}`);
          return swap(lines, x, y);
        }
      }
      return { lines, moved: identity, removed: [] };
    });
    expect(pairs.length).toBeGreaterThanOrEqual(1);
    expectIdsKept(result);
    stats.push(`same-title swap: ${pairs.join(', ')} swapped, ${result.kept.length} ids kept`);
  });

  it('keeps the ids of measures whose title was corrected', () => {
    let corrected = 0;
    const result = runMutation((doc, measures) => {
      const lines = doc.text.split('\n');
      for (const m of measures) {
        const chars = [...m.title];
        if (
          m.untitled ||
          m.title_line === null ||
          chars.length < 8 ||
          !lines[m.title_line - 1]!.includes(m.title)
        )
          continue;
        // a typo fixed: one kanji near the middle becomes another
        const at = chars.findIndex((c, i) => i >= chars.length / 2 && /\p{Script=Han}/u.test(c));
        if (at < 0) continue;
        chars[at] = chars[at] === '新' ? '改' : '新';
        lines[m.title_line - 1] = lines[m.title_line - 1]!.replace(m.title, chars.join(''));
        corrected += 1;
      }
      return { lines, moved: identity, removed: [] };
    });
    expect(corrected).toBeGreaterThan(100);
    expectIdsKept(result);
    const renamed = result.after.ids.events.filter((e) => e.event.kind === 'renamed').length;
    expect(renamed).toBeGreaterThan(100);
    stats.push(
      `title corrections: ${corrected} titles changed, ${renamed} reported as renamed, ${result.kept.length} ids kept`,
    );
  });

  it('keeps the ids of measures whose amount was corrected', () => {
    let corrected = 0;
    const result = runMutation((doc, measures) => {
      const lines = doc.text.split('\n');
      for (const m of measures) {
        if (m.amount.kind !== 'own' || m.amount_line === null) continue;
        const line = lines[m.amount_line - 1]!;
        const figure = /([0-9０-９][0-9０-９,，.．]*)(\s*(?:億|百万|千万|万)円)/u.exec(line);
        if (!figure) continue;
        const first = figure[1]![0]!;
        const bumped =
          first === '9' || first === '９'
            ? '1'
            : String((Number(first.normalize('NFKC')) + 1) % 10);
        lines[m.amount_line - 1] =
          line.slice(0, figure.index) + bumped + line.slice(figure.index + 1);
        corrected += 1;
      }
      return { lines, moved: identity, removed: [] };
    });
    expect(corrected).toBeGreaterThan(100);
    expectIdsKept(result);
    stats.push(`amount corrections: ${corrected} amounts changed, ${result.kept.length} ids kept`);
  });

  it('turns a removed measure into a tombstone and keeps every other id', () => {
    const gone: string[] = [];
    const result = runMutation((doc, measures) => {
      const lines = doc.text.split('\n');
      const victim = movable(measures, lines)[1];
      if (!victim) return { lines, moved: identity, removed: [] };
      const [a, b] = victim.source.lines;
      gone.push(victim.id);
      return {
        lines: [...lines.slice(0, a - 1), ...lines.slice(b)],
        moved: (l) => (l < a ? l : l > b ? l - (b - a + 1) : null),
        removed: [victim.id],
      };
    });
    expect(gone.length).toBeGreaterThanOrEqual(3);
    expectIdsKept(result);
    for (const id of gone) {
      expect(result.after.ids.urls.find((u) => u.id === id)).toMatchObject({ status: 'gone' });
      expect(result.after.ids.events).toContainEqual(
        expect.objectContaining({ event: expect.objectContaining({ kind: 'gone', id }) }),
      );
    }
    // the registry written back keeps the entry, as a tombstone
    const written = result.after.ids.registries.find(
      (r) => r.document === gone[0]!.replace(/-\d+$/, ''),
    )!;
    expect(written.content).toContain(`id: ${gone[0]}`);
    const entry = written.content.split('  - id: ').find((e) => e.startsWith(`${gone[0]}\n`))!;
    expect(entry).toMatch(/status: gone/);
    stats.push(
      `removal: ${gone.join(', ')} removed and tombstoned, ${result.kept.length} ids kept`,
    );
  });
});
