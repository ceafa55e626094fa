/**
 * The real pipeline on content/sources/: every generated MDX file splits
 * and parses as the site's loader reads it (src/site/measures-loader.ts),
 * compiles as MDX with nothing but plain elements in it, and reads as the
 * same tree in CommonMark, which is how the site renders it.
 */
import type { Root as HastRoot, RootContent } from 'hast';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildOutputs, extractAll, loadSources } from '../../src/pipeline/index.ts';
import { splitMdx } from '../../src/site/measures-loader.ts';
import { markdownTree, mdxTree } from '../helpers/mdx-readings.ts';

const SOURCES = join(resolve(import.meta.dirname, '../..'), 'content/sources');
const loaded = loadSources(SOURCES);
const { results } = extractAll(loaded.sources);
const outputs = buildOutputs(results);

function elementNames(node: HastRoot | RootContent, out = new Set<string>()): Set<string> {
  out.add(node.type === 'element' ? node.tagName : `#${node.type}`);
  if ('children' in node) for (const c of node.children) elementNames(c as RootContent, out);
  return out;
}

describe('generated MDX of the real sources', () => {
  it('reads every source document', () => {
    expect(loaded.errors).toEqual([]);
    expect(results).toHaveLength(loaded.sources.length);
  });

  it('has one MDX file per record', () => {
    expect(outputs.mdx).toHaveLength(outputs.records.length);
    expect(JSON.parse(outputs.generated.measures)).toHaveLength(outputs.records.length);
  });

  it('compiles every file, with the record as frontmatter, only plain elements and the same tree as CommonMark', async () => {
    const byFile = new Map(outputs.records.map((r) => [`${r.id}.mdx`, r]));
    for (const { file, content } of outputs.mdx) {
      const { frontmatter, body } = splitMdx(content, file);
      expect(parseYaml(frontmatter), file).toEqual(byFile.get(file));
      const tree = await mdxTree(body);
      expect(markdownTree(body), file).toEqual(tree);
      for (const name of elementNames(tree)) {
        expect(['#root', '#text', 'h2', 'p', 'br', 'ul', 'li'], `${file}: ${name}`).toContain(name);
      }
    }
  }, 120_000);
});
