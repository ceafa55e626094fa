// Developer aid: which section each reference block should be in and which the
// extractor put it in, per document (a confusion table of blocks, by lines).
//   tsx scripts/dev/confusion.ts [--list gold>pred]
import { join, resolve } from 'node:path';
import { sectionInput } from '../../src/pipeline/extract/index.ts';
import { placedDocuments } from './one-measure.ts';
import { labelSections, prepareSections } from '../../src/pipeline/extract/steps/read-sections.ts';
import { SECTION_WEIGHTS } from '../../src/pipeline/extract/rules/section-weights.ts';
import { readJsonl, referenceRanges, type SectionRef } from '../../test/helpers/section-score.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const list = process.argv.includes('--list')
  ? process.argv[process.argv.indexOf('--list') + 1]
  : null;
const refs = [
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/own'), /^sections-.*\.jsonl$/u),
  ...readJsonl<SectionRef>(join(ROOT, 'test/reference/sections'), /\.jsonl$/u),
];
for (const { meta, doc, measures } of placedDocuments()) {
  const table = new Map<string, number>();
  for (const ref of refs.filter((r) => r.seed === meta.file)) {
    const d = measures.find((m) => m.anchor.figureLine + 1 === ref.amount_line);
    if (!d) continue;
    const input = sectionInput(doc, d);
    if (input.role === 'component') continue;
    const { problem } = prepareSections(input);
    const pred = labelSections(problem, SECTION_WEIGHTS);
    const ranges = referenceRanges(ref, doc.lines);
    problem.placed.forEach((p, i) => {
      const at = p.block.lines[0]!;
      const hit = ranges.filter(([, a, b]) => at >= a && at <= b).map(([k]) => k);
      const gold = hit.length === 1 ? hit[0]! : hit.length ? '?' : '-';
      const key = `${gold}>${pred[i]}`;
      table.set(key, (table.get(key) ?? 0) + 1);
      if (list === key)
        console.log(
          `  ${meta.file.slice(0, 3)}:${at + 1} (${ref.amount_line}) ${p.block.text.slice(0, 60).replace(/\n/gu, ' ')}`,
        );
    });
  }
  const wrong = [...table].filter(([k]) => {
    const [g, p] = k.split('>');
    return g !== p && g !== '-' && g !== '?';
  });
  console.log(
    meta.file.slice(0, 3),
    'right',
    [...table].filter(([k]) => k.split('>')[0] === k.split('>')[1]).reduce((s, [, n]) => s + n, 0),
    'wrong',
    wrong
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k}:${n}`)
      .join(' '),
    '| outside refs',
    [...table]
      .filter(([k]) => k.startsWith('-'))
      .map(([k, n]) => `${k}:${n}`)
      .join(' '),
  );
}
