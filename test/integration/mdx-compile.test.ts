/**
 * The real pipeline on content/sources/: every generated MDX file parses
 * (frontmatter as Astro reads it) and compiles, with nothing but plain
 * elements in it.
 */
import { compile } from '@mdx-js/mdx';
import type { Root as HastRoot, RootContent } from 'hast';
import jsYaml from 'js-yaml';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputs, extractAll, loadSources } from '../../src/pipeline/index.ts';

const SOURCES = join(resolve(import.meta.dirname, '../..'), 'content/sources');
const loaded = loadSources(SOURCES);
const { results } = extractAll(loaded.sources);
const outputs = buildOutputs(results);

/** Astro's frontmatter split (@astrojs/markdown-remark frontmatter.js). */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---)([\s\S]*?\n)(?:---)/;

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

  it('compiles every file, with the record as frontmatter and only plain elements', async () => {
    const byFile = new Map(outputs.records.map((r) => [`${r.id}.mdx`, r]));
    for (const { file, content } of outputs.mdx) {
      const match = FRONTMATTER.exec(content);
      expect(match, file).not.toBeNull();
      expect(jsYaml.load(match![1]!), file).toEqual(byFile.get(file));
      let tree: HastRoot | undefined;
      await compile(content.replace(match![0], ''), {
        rehypePlugins: [() => (t: HastRoot) => void (tree = t)],
      });
      for (const name of elementNames(tree!)) {
        expect(['#root', '#text', 'h2', 'p', 'br', 'ul', 'li'], `${file}: ${name}`).toContain(name);
      }
    }
  }, 120_000);
});
