/**
 * Property test of the pipeline on hostile documents (test/fixtures/hostile.ts):
 * for many seeded variations — MDX/JSX, HTML and script, javascript: URLs,
 * fences, very long lines, control, C1 and bidirectional characters, a BOM, CRLF
 * and CR line ends, odd amounts — the pipeline finishes, every MDX file
 * compiles to plain elements only with the text literal, amounts are sane,
 * and every problem is reported as file:line in the build summary.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildOutputs, decodeSource, extractAll, validateMeta } from '../../src/pipeline/index.ts';
import { splitMdx } from '../../src/site/measures-loader.ts';
import { markdownTree, mdxTree, walk } from '../helpers/mdx-readings.ts';
import { HOSTILE_META, hostileDocument } from '../fixtures/hostile.ts';

const ALLOWED = new Set(['h2', 'p', 'br', 'ul', 'li']);
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

function run(seed: number) {
  const meta = validateMeta(HOSTILE_META);
  if (!meta.ok) throw new Error(meta.errors.join('; '));
  const decoded = decodeSource(hostileDocument(seed), HOSTILE_META.file);
  if (!decoded.ok) throw new Error(decoded.message);
  const { results, errors, ids } = extractAll([
    {
      meta: meta.meta,
      text: decoded.text,
      metaFile: 'hostile.meta.yaml',
      problems: decoded.problems,
    },
  ]);
  return {
    results,
    errors,
    outputs: buildOutputs(results, ids),
    lineCount: decoded.text.split('\n').length,
  };
}

describe('hostile documents', () => {
  it(`build for ${SEEDS.length} seeded variations, with literal text, sane amounts and every problem located`, async () => {
    let measures = 0;
    let problems = 0;
    for (const seed of SEEDS) {
      const { results, errors, outputs, lineCount } = run(seed);
      expect(errors, `seed ${seed}`).toEqual([]);
      const [doc] = results;
      expect(doc!.measures.length, `seed ${seed}`).toBeGreaterThan(0);
      measures += doc!.measures.length;
      for (const m of doc!.measures) {
        if (m.amount.yen !== null)
          expect(
            Number.isSafeInteger(m.amount.yen) && m.amount.yen >= 0,
            `seed ${seed} ${m.id}`,
          ).toBe(true);
        expect([...m.title].length).toBeLessThanOrEqual(201);
      }
      for (const p of doc!.problems) {
        problems += 1;
        expect(p.file).toBe('hostile.txt');
        if (p.line !== null) expect(p.line).toBeGreaterThanOrEqual(1);
        if (p.line !== null) expect(p.line).toBeLessThanOrEqual(lineCount);
        expect(outputs.summary).toContain(`hostile.txt${p.line === null ? '' : `:${p.line}`}: `);
      }
      for (const { file, content } of outputs.mdx) {
        // the frontmatter is the record, as the site's loader reads it; the body reads the same
        // as MDX and as CommonMark (which renders it)
        const { frontmatter, body } = splitMdx(content, file);
        expect(parseYaml(frontmatter), `${seed} ${file}`).toMatchObject({
          id: file.replace(/\.mdx$/, ''),
        });
        const tree = await mdxTree(body);
        expect(markdownTree(body), `${seed} ${file}`).toEqual(tree);
        walk(tree, (n) => {
          expect(['root', 'element', 'text'], `${seed} ${file}: ${n.type}`).toContain(n.type);
          if (n.type === 'element')
            expect(ALLOWED, `${seed} ${file}: <${n.tagName}>`).toContain(n.tagName);
        });
      }
    }
    console.log(
      `hostile documents: ${SEEDS.length} variations, ${measures} measures, ${problems} problems reported with file and line`,
    );
  });

  it('reports the removed control and bidirectional characters, the odd amounts and the cut title of the fixed document', () => {
    const { outputs } = run(0);
    for (const pattern of [
      /hostile\.txt:\d+: control or bidirectional characters removed \(U\+0007, U\+0085, U\+202E, U\+2066, U\+2069\)/,
      /is a decrease \(▲\)|is a range of amounts|is an approximate amount|larger than any budget/,
      /title of \d+ characters cut to 200/,
    ]) {
      expect(outputs.summary).toMatch(pattern);
    }
  });

  it('lets no control or bidirectional character reach a page, JSON, CSV or the search index', () => {
    const { outputs } = run(0);
    const everything = [
      ...Object.values(outputs.generated),
      ...outputs.mdx.map((m) => m.content),
    ].join('\n');
    expect(everything).not.toMatch(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u,
    );
  });
});
