// Developer aid: the lines of each measure's region that appear in none of its
// sections (dropped as debris, headings or header), longest first, to find text
// lost by a rule that is too wide.
//   tsx scripts/dev/dropped.ts [min-characters]
import { extractAll, loadSources } from '../../src/pipeline/index.ts';
import {
  COMMON_HEADINGS,
  looksLikeHeading,
  readHeadings,
} from '../../src/pipeline/extract/rules/headings.ts';
import { cleanLine } from '../../src/pipeline/extract/rules/clean-text.ts';
import { norm } from '../../test/helpers/section-score.ts';

const min = Number(process.argv[2] ?? 25);
const { sources } = loadSources('content/sources');
const { results } = extractAll(sources);
const rows: [number, string][] = [];
for (const r of results) {
  const lines = r.lines ?? [];
  for (const m of r.measures) {
    const all = norm(Object.values(m.sections).join('\n'));
    const [a, b] = m.source.lines;
    for (let i = a - 1; i < b; i++) {
      const t = norm(cleanLine(lines[i]!));
      if ([...t].length < min || all.includes(t)) continue;
      // headings, the measure's own title and header lines are left out on purpose
      if (readHeadings(lines[i]!, COMMON_HEADINGS) || looksLikeHeading(lines[i]!)) continue;
      if (norm(m.title).includes(t) || t.includes(norm(m.title))) continue;
      rows.push([
        [...t].length,
        `${r.meta.file.slice(0, 3)}:${i + 1} ${m.id} ${lines[i]!.trim().slice(0, 70)}`,
      ]);
    }
  }
}
rows.sort((x, y) => y[0] - x[0]);
console.log(`${rows.length} lines of ${min}+ characters in no section`);
for (const [, s] of rows.slice(0, Number(process.env.TOP ?? 60))) console.log(s);
