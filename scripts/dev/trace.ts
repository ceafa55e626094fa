// Developer aid: how the sections of one measure were read.
//   TRACE_SECTIONS=1 tsx scripts/dev/trace.ts <doc-prefix e.g. 001> <amount line>
import { oneMeasure } from './one-measure.ts';
const [prefix, lineArg] = process.argv.slice(2) as [string, string];
const { lines, trace: t } = oneMeasure(prefix, Number(lineArg));
const at = new Map(t.trace.map((x) => [x.line, x]));
for (let i = t.start; i <= t.end; i++) {
  const x = at.get(i);
  console.log(
    `${String(i + 1).padStart(5)} ${x ? x.kind.padEnd(8) : '        '} ${lines[i]!.slice(0, Number(process.env.WIDTH ?? 70))}${x && 'why' in x && x.why ? `   {${x.why}}` : ''}`,
  );
}
