/**
 * The content loader of the measure pages: one MDX file per measure in
 * src/generated/measures/ (written by src/pipeline/write/mdx.ts), its
 * frontmatter the whole record, checked by the collection's schema.
 *
 * The body is rendered to HTML here, once, by Astro's Markdown processor
 * (the site's `markdown` settings), and kept in the content layer's data
 * store, instead of being compiled by @astrojs/mdx into one JavaScript
 * module per measure that Vite then bundles (that took 8 of the build's 31
 * seconds). It is the same HTML: the writer emits MDX without JSX, ESM or
 * expressions, with every character that MDX and CommonMark would read
 * differently escaped, so both read the same tree
 * (test/integration/mdx-compile.test.ts holds every generated page to that).
 * An unchanged file (same digest) is not rendered again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';

/** The frontmatter and body of an MDX file (`---\n<yaml>---\n\n<body>`); throws naming the file. */
export function splitMdx(text: string, file: string): { frontmatter: string; body: string } {
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 3) : -1;
  if (end < 0) throw new Error(`${file}:1: no YAML frontmatter between --- lines`);
  return { frontmatter: text.slice(4, end + 1), body: text.slice(end + 5).replace(/^\n/u, '') };
}

/** Loads every `*.mdx` file of `dir` (absolute, or relative to the project root), one entry per file, the id taken from the record. */
export function measuresLoader(dir: string): Loader {
  return {
    name: 'measures-mdx',
    load: async ({ store, parseData, renderMarkdown, generateDigest, config }) => {
      const root = fileURLToPath(config.root);
      const base = resolve(root, dir);
      const seen = new Set<string>();
      for (const name of readdirSync(base)
        .filter((n) => n.endsWith('.mdx'))
        .sort()) {
        const filePath = relative(root, join(base, name));
        const text = readFileSync(join(base, name), 'utf8');
        const { frontmatter, body } = splitMdx(text, filePath);
        const raw = parseYaml(frontmatter) as Record<string, unknown>;
        const id = String(raw.id);
        if (seen.has(id)) throw new Error(`${filePath}:2: the id ${id} is in two files`);
        seen.add(id);
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest) continue;
        const data = await parseData({ id, data: raw, filePath });
        store.set({ id, data, body, filePath, digest, rendered: await renderMarkdown(body) });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
