// Developer aid: how the sections of one measure were read.
//   TRACE_SECTIONS=1 tsx scripts/dev/trace.ts <doc-prefix e.g. 001> <amount line>
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { extractDocument, traces } from '../../src/pipeline/extract/index.ts';
const ROOT = resolve(import.meta.dirname, '../..');
const [prefix, lineArg] = process.argv.slice(2) as [string, string];
const dir = join(ROOT, 'content/sources');
const metaFile = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.meta.yaml'))!;
const meta = parse(readFileSync(join(dir, metaFile), 'utf8'));
const text = readFileSync(join(dir, meta.file), 'utf8');
const lines = text.split('\n');
extractDocument(text, meta);
const t = traces.get(Number(lineArg));
if (!t) throw new Error(`no measure with amount line ${lineArg}`);
const at = new Map(t.trace.map((x) => [x.line, x]));
for (let i = t.start; i <= t.end; i++) {
  const x = at.get(i);
  console.log(`${String(i + 1).padStart(5)} ${x ? x.kind.padEnd(8) : '        '} ${lines[i]!.slice(0, Number(process.env.WIDTH ?? 70))}${x && 'why' in x && x.why ? `   {${x.why}}` : ''}`);
}
