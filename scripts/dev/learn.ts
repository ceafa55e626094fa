// Developer aid: measure the section weights against the hand-checked
// section references. An averaged structured perceptron over the labelling
// of read-sections (the same features and dynamic programming): trained on
// test/reference/own/, the shared reference is printed as a check that was
// not trained on. Prints the weights to copy into rules/section-weights.ts.
//   tsx scripts/dev/learn.ts [epochs] [--holdout <ref-file-substring>]
import { join, resolve } from 'node:path';
import { extractAll, loadSources } from '../../src/pipeline/index.ts';
import { sectionInput } from '../../src/pipeline/extract/index.ts';
import { placedDocuments } from './one-measure.ts';
import { SECTION_WEIGHTS } from '../../src/pipeline/extract/rules/section-weights.ts';
import type { SectionKind } from '../../src/pipeline/extract/rules/section-kinds.ts';
import {
  labelSections,
  labellingFeatures,
  prepareSections,
  readSections,
  type SectionProblem,
} from '../../src/pipeline/extract/steps/read-sections.ts';
import {
  readJsonl,
  referenceRanges,
  scoreAll,
  type SectionRef,
} from '../../test/helpers/section-score.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const epochs = Number(process.argv[2] ?? 10);
const holdout = process.argv.includes('--holdout')
  ? process.argv[process.argv.indexOf('--holdout') + 1]!
  : null;
const dir = join(ROOT, 'content/sources');
const own = readJsonl<SectionRef>(join(ROOT, 'test/reference/own'), /^sections-.*\.jsonl$/u);
const shared = readJsonl<SectionRef>(join(ROOT, 'test/reference/sections'), /\.jsonl$/u);
const train = own.filter((r) => !holdout || !r.from!.includes(holdout));
const held = holdout ? own.filter((r) => r.from!.includes(holdout)) : [];

interface Example {
  prob: SectionProblem;
  gold: (SectionKind | null)[];
}
const examples: Example[] = [];
for (const { meta, doc, measures } of placedDocuments()) {
  for (const ref of train.filter((r) => r.seed === meta.file)) {
    const d = measures.find((m) => m.anchor.figureLine + 1 === ref.amount_line);
    if (!d) continue;
    const input = sectionInput(doc, d);
    if (input.role === 'component') continue;
    const { problem } = prepareSections(input);
    const ranges = referenceRanges(ref, doc.lines);
    const gold = problem.placed.map((p) => {
      const hit = ranges
        .filter(([, a, b]) => p.block.lines[0]! >= a && p.block.lines[0]! <= b)
        .map(([k]) => k);
      return hit.length === 1 ? hit[0]! : null;
    });
    if (gold.some((g) => g !== null)) examples.push({ prob: problem, gold });
  }
}

const { sources } = loadSources(dir);
function evaluate(w: Record<string, number>) {
  Object.assign(SECTION_WEIGHTS_MUT, w);
  const { results } = extractAll(sources);
  const byFile = new Map(results.map((r) => [r.meta.file, r.measures]));
  const of = (seed: string) => byFile.get(seed) ?? [];
  const fmt = (refs: SectionRef[]) => {
    if (refs.length === 0) return '-';
    const s = scoreAll(refs, of);
    return `${s.right}/${s.measures} (${s.blocksOk}/${s.blocks})`;
  };
  return `train ${fmt(train)} held ${fmt(held)} shared ${fmt(shared)}`;
}
// readSections reads SECTION_WEIGHTS by default: evaluate by changing that object in place
const SECTION_WEIGHTS_MUT = SECTION_WEIGHTS as Record<string, number>;
const start = { ...SECTION_WEIGHTS };
void readSections;

const w: Record<string, number> = { ...start };
const sum: Record<string, number> = {};
let count = 0;
console.log(`examples ${examples.length}; start: ${evaluate(w)}`);
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let e = 0; e < epochs; e++) {
  const order = examples.map((_, i) => i).sort(() => rand() - 0.5);
  let mistakes = 0;
  for (const i of order) {
    const ex = examples[i]!;
    const pred = labelSections(ex.prob, w);
    const wrong = ex.gold.some((g, j) => g !== null && g !== pred[j]);
    if (wrong) {
      mistakes++;
      const goldLabels = labelSections(ex.prob, w, ex.gold);
      const fg = labellingFeatures(ex.prob, goldLabels);
      const fp = labellingFeatures(ex.prob, pred);
      const lr = 0.1;
      for (const [k, v] of fg) w[k] = (w[k] ?? 0) + lr * v;
      for (const [k, v] of fp) w[k] = (w[k] ?? 0) - lr * v;
    }
    for (const [k, v] of Object.entries(w)) sum[k] = (sum[k] ?? 0) + v;
    count++;
  }
  const avg = Object.fromEntries(
    Object.entries(sum).map(([k, v]) => [k, Math.round((v / count) * 100) / 100]),
  );
  console.log(`epoch ${e + 1}: ${mistakes} mistakes; averaged: ${evaluate(avg)}`);
  Object.assign(SECTION_WEIGHTS_MUT, start);
}
const avg = Object.fromEntries(
  Object.entries(sum)
    .map(([k, v]) => [k, Math.round((v / count) * 100) / 100] as const)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
console.log(JSON.stringify(avg, null, 2));
