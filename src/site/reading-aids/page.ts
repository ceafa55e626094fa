/**
 * One page's HTML through the reading aids: parse, enhance (enhance.ts),
 * encode `>` in text, serialise. Pure apart from the injected tools; the
 * middleware runs it on every page, and `steps` sums the time of each step
 * for the build profile.
 */
import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'parse5';
import { enhancePage, type EnhanceOptions } from './enhance.ts';

export interface StepTimes {
  parse: number;
  enhance: number;
  tokenize: number;
  serialise: number;
}

/**
 * `>` in text is valid HTML, but encoded it can never be read as the end of a
 * tag by a lax parser (and html-validate asks for it): write it as &gt;.
 */
function encodeGreaterThan(node: Root | Element): void {
  if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return;
  node.children = node.children.flatMap((child): (typeof child)[] => {
    if (child.type === 'element') encodeGreaterThan(child);
    if (child.type !== 'text' || !child.value.includes('>')) return [child];
    return child.value
      .split('>')
      .flatMap((part, i) => [
        ...(i > 0 ? [{ type: 'raw', value: '&gt;' } as unknown as typeof child] : []),
        ...(part ? [{ type: 'text', value: part } as typeof child] : []),
      ]);
  }) as typeof node.children;
}

/** The page `html` with its reading aids; `steps` (when given) gains each step's milliseconds. */
export function enhanceHtml(html: string, options: EnhanceOptions, steps?: StepTimes): string {
  const timed = <T>(step: keyof StepTimes, f: () => T): T => {
    if (!steps) return f();
    const start = performance.now();
    try {
      return f();
    } finally {
      steps[step] += performance.now() - start;
    }
  };
  // parse5 without source positions (hast-util-from-html always asks for them): half the time of
  // parsing a page, and the same tree apart from the positions, which nothing here reads
  const tree = timed('parse', () => fromParse5(parse(html, { scriptingEnabled: false })) as Root);
  const { tokenize } = options;
  timed('enhance', () =>
    enhancePage(tree, {
      ...options,
      tokenize: tokenize && ((s) => timed('tokenize', () => tokenize(s))),
    }),
  );
  // allowDangerousHtml only lets through the "&gt;" raw nodes made by encodeGreaterThan: the
  // parser makes no raw nodes
  return timed('serialise', () => {
    encodeGreaterThan(tree);
    return toHtml(tree, { upperDoctype: true, allowDangerousHtml: true });
  });
}
