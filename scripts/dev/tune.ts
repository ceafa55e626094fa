// Developer aid: how the evidence weights of read-sections score against the
// section references. Tries each weight at other values (coordinate search on
// the own references; the shared reference is printed as a check that was
// not tuned on) and prints what helps.   tsx scripts/dev/tune.ts [rounds]
import { join, resolve } from 'node:path';
import { extractAll, loadSources } from '../../src/lib/pipeline.ts';
import { W } from '../../src/pipeline/extract/steps/read-sections.ts';
import { readJsonl, scoreAll, type SectionRef } from '../../test/helpers/section-score.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { sources } = loadSources(join(ROOT, 'content/sources'));
const own = readJsonl<SectionRef>(join(ROOT, 'test/reference/own'), /^sections-.*\.jsonl$/u);
const shared = readJsonl<SectionRef>(join(ROOT, 'test/reference/sections'), /\.jsonl$/u);
function score() {
  const { results } = extractAll(sources);
  const byFile = new Map(results.map((r) => [r.meta.file, r.measures]));
  const of = (seed: string) => byFile.get(seed) ?? [];
  const a = scoreAll(own, of);
  const b = scoreAll(shared, of);
  return { own: a.right + a.blocksOk / 1000, shared: b.right, text: `own ${a.right}/${a.measures} (${a.blocksOk}/${a.blocks}) shared ${b.right}/${b.measures} (${b.blocksOk}/${b.blocks})` };
}
const w = W as Record<string, number>;
let best = score();
console.log('start', JSON.stringify(W), best.text);
const rounds = Number(process.argv[2] ?? 2);
for (let r = 0; r < rounds; r++) {
  for (const k of Object.keys(w)) {
    const orig = w[k]!;
    for (const f of [0, 0.5, 0.75, 1.25, 1.5, 2]) {
      w[k] = Math.round(orig * f * 100) / 100;
      if (w[k] === orig) continue;
      const s = score();
      if (s.own > best.own + 0.5) {
        best = s;
        console.log(`  ${k} ${orig} → ${w[k]}: ${s.text}`);
        break;
      }
      w[k] = orig;
    }
  }
}
console.log('end', JSON.stringify(W), best.text);
