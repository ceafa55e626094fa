// Developer aid: a measure's trace next to what the reference wants.
//   TRACE_SECTIONS=1 tsx scripts/dev/show.ts <doc-prefix> <amount line>
import { join } from 'node:path';
import { readJsonl, type SectionRef } from '../../test/helpers/section-score.ts';
import { oneMeasure, ROOT } from './one-measure.ts';
const [prefix, lineArg] = process.argv.slice(2) as [string, string];
const { meta, lines, result: r, trace: t } = oneMeasure(prefix, Number(lineArg));
const refs = [
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/own'), /^sections-/u),
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/sections'), /jsonl$/u),
];
const ref = refs.find((x) => x.seed === meta.file && x.amount_line === Number(lineArg));
const m = r.measures.find((x) => x.amount_line === Number(lineArg))!;
console.log(
  `${m.title} | ${m.subtitle ?? ''}  region ${t.start + 1}-${t.end + 1}${ref ? `  ref ${ref.lines?.join('-')}` : ''}`,
);
const norm = (s: string) => s.normalize('NFKC').replace(/[\s○◯・･•●■◆◇➢▶►\-–—‐〇※]/gu, '');
const marks = new Map<number, string>();
if (ref)
  for (const k of ['purpose', 'overview', 'scheme', 'outcome'] as const) {
    const s = ref[k];
    if (!s) continue;
    for (const [w, tag] of [
      [s.start, '▶'],
      [s.end, '◀'],
    ] as const) {
      const key = w === s.start ? norm(w).slice(0, 10) : norm(w).slice(-10);
      const i = lines.findIndex((l, j) => j >= (ref.lines?.[0] ?? 1) - 1 && norm(l).includes(key));
      if (i >= 0) marks.set(i, `${marks.get(i) ?? ''}${tag}${k[0]}${k === 'outcome' ? 'c' : ''}`);
    }
  }
const at = new Map(t.trace.map((x) => [x.line, x]));
const lo = Math.min(t.start, (ref?.lines?.[0] ?? t.start + 1) - 1);
const hi = Math.max(t.end, (ref?.lines?.[1] ?? t.end + 1) - 1);
for (let i = lo; i <= hi; i++) {
  const x = at.get(i);
  if (!lines[i]!.trim()) continue;
  console.log(
    `${String(i + 1).padStart(5)} ${(marks.get(i) ?? '').padEnd(6)} ${x ? x.kind.slice(0, 8).padEnd(8) : '        '} ${lines[i]!.slice(0, Number(process.env.WIDTH ?? 60))}${x?.why && process.env.WHY ? `   {${x.why}}` : ''}`,
  );
}
