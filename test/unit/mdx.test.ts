import { compile, evaluate } from '@mdx-js/mdx';
import type { Root as HastRoot, Element, RootContent as HastContent } from 'hast';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { joinLines } from '../../src/lib/normalise.ts';
import {
  EMPTY_SECTION,
  measureBody,
  measureFrontmatter,
  measureToMdx,
  textToBlocks,
} from '../../src/pipeline/write/mdx.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { HOSTILE_LINES, makeRecord } from '../fixtures/records.ts';

const ALLOWED_ELEMENTS = new Set(['h2', 'p', 'br', 'ul', 'li']);

/** Compile MDX and return the HTML syntax tree it produced. */
async function compileToHast(body: string): Promise<HastRoot> {
  let captured: HastRoot | undefined;
  const capture = () => (tree: HastRoot) => {
    captured = structuredClone(tree);
  };
  // Plain MDX, as configured in astro.config.mjs (GFM off, see src/pipeline/write/mdx.ts).
  await compile(body, { rehypePlugins: [capture] });
  if (!captured) throw new Error('no tree captured');
  return captured;
}

/** Every node type and element name in a tree. */
function inventory(
  node: HastRoot | HastContent,
  types = new Set<string>(),
  elements = new Set<string>(),
) {
  types.add(node.type);
  if (node.type === 'element') elements.add(node.tagName);
  if ('children' in node)
    for (const child of node.children) inventory(child as HastContent, types, elements);
  return { types, elements };
}

/** Text of the blocks (p, li, h2), with <br> as a newline, one string per block. */
function blockTexts(node: HastRoot | HastContent, out: string[] = []): string[] {
  if (node.type === 'element' && ['p', 'h2'].includes(node.tagName)) {
    out.push(textOf(node));
    return out;
  }
  if (node.type === 'element' && node.tagName === 'li') {
    out.push(textOf(node).trim());
    return out;
  }
  if ('children' in node) for (const child of node.children) blockTexts(child as HastContent, out);
  return out;
}

function textOf(node: Element | HastContent): string {
  if (node.type === 'text') return node.value;
  // a hard break is <br> followed by a text node starting with the line ending
  if (node.type === 'element' && node.tagName === 'br') return '';
  if ('children' in node) return node.children.map((c) => textOf(c as HastContent)).join('');
  return '';
}

/** Render compiled MDX with a minimal JSX runtime; returns element names and text lines. */
async function render(body: string) {
  const elements = new Set<string>();
  type Node = { type: unknown; props: { children?: unknown } };
  const jsx = (type: unknown, props: { children?: unknown }): Node => ({ type, props });
  const Fragment = Symbol('Fragment');
  const { default: Content } = await evaluate(body, { jsx, jsxs: jsx, Fragment } as never);
  const text = (value: unknown): string => {
    if (value == null || typeof value === 'boolean') return '';
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map(text).join('');
    const node = value as Node;
    if (typeof node.type === 'string') elements.add(node.type);
    else if (node.type !== Fragment) elements.add(`component:${String(node.type)}`);
    if (node.type === 'br') return '\n';
    const inner = text(node.props.children);
    return typeof node.type === 'string' && ['p', 'li', 'h2'].includes(node.type)
      ? `${inner}\n`
      : inner;
  };
  const output = text((Content as (props: object) => unknown)({}));
  return { elements, lines: output.split('\n') };
}

const hostileRecord = makeRecord({
  sections: {
    purpose: HOSTILE_LINES.join('\n'),
    overview: HOSTILE_LINES.map((l) => `○${l}`).join('\n'),
    scheme: HOSTILE_LINES.join('\n\n'),
    outcome: HOSTILE_LINES.map((l) => `・${l}\n${l}`).join('\n'),
  },
});

describe('measureBody', () => {
  it('keeps hostile text literal', async () => {
    const tree = await compileToHast(measureBody(hostileRecord));
    const { types, elements } = inventory(tree);
    expect([...types].sort()).toEqual(['element', 'root', 'text']);
    for (const name of elements) expect(ALLOWED_ELEMENTS).toContain(name);

    const blocks = blockTexts(tree);
    // purpose: one paragraph, one line per source line (lines that filled the layout joined)
    expect(blocks).toContain(joinLines(HOSTILE_LINES).join('\n'));
    // overview: one list item per marked line, marker kept
    for (const line of HOSTILE_LINES) expect(blocks).toContain(`○${line}`);
    // scheme: one paragraph per line
    for (const line of HOSTILE_LINES) expect(blocks).toContain(line);
    // outcome: list items with a continuation line
    for (const line of HOSTILE_LINES)
      expect(blocks).toContain(joinLines([`・${line}`, line]).join('\n'));
  });

  it('renders no injected elements, components or expressions', async () => {
    const g = globalThis as { __pwned?: unknown };
    delete g.__pwned;
    const { elements, lines } = await render(measureBody(hostileRecord));
    expect(g.__pwned).toBeUndefined();
    for (const name of elements) expect(ALLOWED_ELEMENTS).toContain(name);
    for (const line of HOSTILE_LINES) expect(lines).toContain(line);
  });

  it('compiles every single hostile line on its own, in every section', async () => {
    for (const line of HOSTILE_LINES) {
      for (const key of ['purpose', 'overview', 'scheme', 'outcome'] as const) {
        const record = makeRecord({
          sections: { purpose: '', overview: '', scheme: '', outcome: '', [key]: line },
        });
        const tree = await compileToHast(measureBody(record));
        expect(blockTexts(tree), `${key}: ${line}`).toContain(line);
        expect([...inventory(tree).types].sort()).toEqual(['element', 'root', 'text']);
      }
    }
  });

  it('has the three section headings in order and says when a section is empty', async () => {
    const record = makeRecord({ sections: { purpose: '', overview: '', scheme: '', outcome: '' } });
    const blocks = blockTexts(await compileToHast(measureBody(record)));
    expect(blocks).toEqual([
      '目的',
      EMPTY_SECTION,
      '概要・スキーム',
      EMPTY_SECTION,
      '成果',
      EMPTY_SECTION,
    ]);
    expect(EMPTY_SECTION).toBe('資料に記載がありません。');
  });

  it('puts the overview before the scheme', async () => {
    const record = makeRecord({
      sections: { purpose: '目的文', overview: '概要文', scheme: 'スキーム文', outcome: '成果文' },
    });
    const blocks = blockTexts(await compileToHast(measureBody(record)));
    expect(blocks.indexOf('概要文')).toBeLessThan(blocks.indexOf('スキーム文'));
    expect(blocks.indexOf('概要・スキーム')).toBeLessThan(blocks.indexOf('概要文'));
    expect(blocks.at(-1)).toBe('成果文');
  });
});

describe('textToBlocks', () => {
  it('splits paragraphs on blank lines and groups marked lines into a list', () => {
    const blocks = textToBlocks(
      '前文\n続き\n\n○ 一つ目\n  続く行\n・二つ目\n① 三つ目\n(1) 四つ目\n\n後文',
    );
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph']);
    const list = blocks[1];
    expect(list?.type === 'list' && list.children.length).toBe(4);
  });

  it('joins lines the layout wrapped, keeps short lines apart, and makes → a list marker', () => {
    const wrapped = '医療機関の経営状況が急変する中で、地域の医療提供体制を確保するために、';
    const blocks = textToBlocks(
      `${wrapped}\n医療機関を支援する。\n短い見出し\n別の行\n→ 矢印の項目`,
    );
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    const para = blocks[0]!.type === 'paragraph' ? blocks[0]!.children : [];
    expect(
      para.filter((c) => c.type === 'text').map((c) => (c as { value: string }).value),
    ).toEqual([`${wrapped}医療機関を支援する。`, '短い見出し', '別の行']);
    expect(joinLines(['This line is long enough to have been wrapped by', 'the layout'])).toEqual([
      'This line is long enough to have been wrapped by the layout',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(textToBlocks('  \n\n \r\n')).toEqual([]);
  });
});

describe('measureFrontmatter', () => {
  const record: MeasureRecord = makeRecord({
    title: '---\n--- title: x\n...',
    subtitle: 'yes',
    bureau: '2024-01-01',
    tags: [
      'null',
      '0x1F',
      '- item',
      '#c',
      "'q'",
      '"dq"',
      'a: b',
      '{ }',
      '[ ]',
      '&anchor',
      '*alias',
      '!tag',
      '%dir',
      '@',
      '`',
      '|',
      '>',
    ],
    sections: {
      purpose: HOSTILE_LINES.join('\n'),
      overview: '\t tab',
      scheme: ' lead',
      outcome: 'trail ',
    },
  });

  it('round-trips through yaml and through js-yaml (the parser Astro uses for frontmatter)', () => {
    const text = measureFrontmatter(record);
    expect(parseYaml(text)).toEqual(record);
    expect(jsYaml.load(text)).toEqual(record);
  });

  it('never lets a value end the frontmatter block', () => {
    const mdx = measureToMdx(record);
    const lines = mdx.split('\n');
    expect(lines[0]).toBe('---');
    const end = lines.indexOf('---', 1);
    // Astro ends frontmatter at the first line starting with ---
    expect(lines.findIndex((l, i) => i > 0 && l.startsWith('---'))).toBe(end);
    expect(jsYaml.load(lines.slice(1, end).join('\n'))).toEqual(record);
  });

  it('compiles as a whole file once the frontmatter is removed, like Astro does', async () => {
    const mdx = measureToMdx(record);
    const match = /^---\n([\s\S]*?\n)---/.exec(mdx);
    expect(match).not.toBeNull();
    const body = mdx.slice(match![0].length);
    await expect(compile(body)).resolves.toBeDefined();
  });
});
