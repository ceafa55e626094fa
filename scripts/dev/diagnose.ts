// Developer aid: for every reference section the build gets wrong, where its
// start line is in the source and what the extraction did with that line.
//   TRACE_SECTIONS=1 tsx scripts/dev/diagnose.ts [--only <ref-file-substring>]
import { join, resolve } from 'node:path';
import { extractAll, loadSources } from '../../src/pipeline/index.ts';
import { traces } from '../../src/pipeline/extract/index.ts';
import {
  norm,
  readJsonl,
  scoreMeasure,
  pick,
  type SectionRef,
} from '../../test/helpers/section-score.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : undefined;
const { sources } = loadSources(join(ROOT, 'content/sources'));
const byDoc = new Map<
  string,
  { lines: string[]; tr: Map<number, typeof traces extends Map<number, infer T> ? T : never> }
>();
const measures = new Map<string, ReturnType<typeof extractAll>['results'][number]['measures']>();
for (const src of sources) {
  traces.clear();
  const { results } = extractAll([src]);
  measures.set(src.meta.file, results[0]!.measures);
  byDoc.set(src.meta.file, { lines: src.text.split('\n'), tr: new Map(traces) });
}
const refs = [
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/sections'), /\.jsonl$/u),
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/own'), /^sections-.*\.jsonl$/u),
].filter((r) => !only || r.from!.includes(only));
const tally = new Map<string, number>();
for (const ref of refs) {
  const m = pick(ref, measures.get(ref.seed) ?? []);
  const sc = scoreMeasure(ref, m);
  if (sc.right || !m) continue;
  const doc = byDoc.get(ref.seed)!;
  const t = doc.tr.get(m.amount_line!);
  for (const p of sc.problems) {
    const sec = p.split(':')[0] as 'purpose' | 'overview' | 'scheme' | 'outcome';
    const want = (ref as unknown as Record<string, { start: string } | null>)[sec] ?? null;
    let where = '';
    let cat = 'other';
    if (want && /\[start\]/u.test(p)) {
      const key = norm(want.start).slice(0, 10);
      const [lo, hi] = ref.lines ?? [1, doc.lines.length];
      let found = -1;
      for (let i = lo - 1; i < hi; i++)
        if (norm(doc.lines[i]).includes(key)) {
          found = i;
          break;
        }
      if (found < 0) cat = 'start-not-in-source';
      else if (!t || found < t.start || found > t.end) {
        cat = 'outside-region';
        where = `L${found + 1} region ${t ? `${t.start + 1}-${t.end + 1}` : '?'}`;
      } else {
        // the trace entry of the block holding that line
        const entries = t.trace.filter((e) => e.line <= found).sort((a, b) => b.line - a.line);
        const e = entries[0];
        const holds = e && norm(e.text).includes(key);
        cat = holds ? `as-${e.kind}` : 'dropped';
        where = `L${found + 1} → ${holds ? e.kind : 'dropped'}`;
      }
    } else if (/page has none/u.test(p)) cat = `${sec}-should-be-empty`;
    else if (/heading label/u.test(p)) cat = 'heading-label';
    else if (/\[end\]/u.test(p)) cat = `${sec}-end`;
    const k = `${sec}:${cat}`;
    tally.set(k, (tally.get(k) ?? 0) + 1);
    console.log(
      `${ref.seed.slice(0, 3)}:${ref.amount_line} ${m.id} ${k} ${where} | ${p.slice(0, 140)}`,
    );
  }
}
console.log(
  [...tally]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n}\t${k}`)
    .join('\n'),
);
