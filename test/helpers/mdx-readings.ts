/**
 * The two readings of a generated MDX body: as MDX (@mdx-js/mdx, what the
 * file is) and as CommonMark (remark-parse → mdast-util-to-hast, what the
 * site's Markdown processor renders: src/site/measures-loader.ts). Both
 * without positions, so the trees compare equal when the text reads the same.
 */
import { compile } from '@mdx-js/mdx';
import type { Root as HastRoot, RootContent } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

function withoutPositions<T extends HastRoot | RootContent>(node: T): T {
  const { position: _p, ...rest } = node as T & { position?: unknown };
  if ('children' in rest)
    (rest as { children: RootContent[] }).children = (rest.children as RootContent[]).map(
      withoutPositions,
    );
  return rest as T;
}

/** The hast tree of `body` read as MDX (the tree @mdx-js/mdx compiles to JavaScript). */
export async function mdxTree(body: string): Promise<HastRoot> {
  let tree: HastRoot | undefined;
  await compile(body, { rehypePlugins: [() => (t: HastRoot) => void (tree = structuredClone(t))] });
  return withoutPositions(tree!);
}

/** The hast tree of `body` read as CommonMark. */
export function markdownTree(body: string): HastRoot {
  return withoutPositions(toHast(unified().use(remarkParse).parse(body)) as HastRoot);
}

/** Every node of a tree, depth first. */
export function walk(
  node: HastRoot | RootContent,
  visit: (n: HastRoot | RootContent) => void,
): void {
  visit(node);
  if ('children' in node) for (const c of node.children) walk(c as RootContent, visit);
}
