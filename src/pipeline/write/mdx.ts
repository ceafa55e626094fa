/**
 * Serialise one measure record to an MDX file for the Astro content collection.
 *
 * Document text is untrusted data. It never becomes markup by string
 * concatenation: the frontmatter is written by the `yaml` package (every
 * string double-quoted, one line per value) and the body is an mdast syntax
 * tree serialised by mdast-util-to-markdown with the MDX extension, which
 * escapes whatever MDX or CommonMark would otherwise interpret
 * ({ } < > * _ # [ ` …). ESM (`import`/`export` at the start of a line) has
 * no escape rule in mdast-util-mdx, so one is added here.
 *
 * GFM must stay off in the MDX integration (astro.config.mjs): its autolink
 * literals turn bare URLs into links after parsing, which no escape prevents.
 */
import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import { joinLines } from '../../lib/normalise.ts';
import type { MeasureRecord } from '../types.ts';

/** Paragraph shown for a section the source document leaves empty. */
export const EMPTY_SECTION = '資料に記載がありません。';

/** Headings of the body, in order. */
export const SECTION_HEADINGS = {
  purpose: '目的',
  overview: '概要・スキーム',
  outcome: '成果',
} as const;

/**
 * A line starting with one of these markers is a list item in the source
 * (○ ・ ① (1) …). The marker stays part of the item's text.
 */
const LIST_MARKER =
  /^(?:[○◯●◎・◆◇■□▶▷▸►➢※→⇒]|[①-⑳]|[（(][0-9０-９一二三四五六七八九十]{1,3}[)）])/u;

/**
 * MDX parses `import`/`export` at the start of a line as JavaScript. Encode
 * the first letter as a character reference there (`&#x69;mport`).
 */
const ESM_UNSAFE: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport' },
  { character: 'e', atBreak: true, after: 'xport' },
];

/** The whole MDX file: YAML frontmatter with the full record, then the body. */
export function measureToMdx(record: MeasureRecord): string {
  return `---\n${measureFrontmatter(record)}---\n\n${measureBody(record)}`;
}

/** YAML of the whole record (no delimiters). Every string double-quoted on one line. */
export function measureFrontmatter(record: MeasureRecord): string {
  return stringify(record, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    minContentWidth: 0,
  });
}

/** The MDX body (sections), serialised from a syntax tree. */
export function measureBody(record: MeasureRecord): string {
  return toMarkdown(measureTree(record), {
    extensions: [mdxToMarkdown()],
    unsafe: ESM_UNSAFE,
    bullet: '-',
    rule: '-',
  });
}

/** The mdast tree of the body. */
export function measureTree(record: MeasureRecord): Root {
  const { sections } = record;
  return {
    type: 'root',
    children: [
      heading(SECTION_HEADINGS.purpose),
      ...orEmpty(textToBlocks(sections.purpose)),
      heading(SECTION_HEADINGS.overview),
      ...orEmpty([...textToBlocks(sections.overview), ...textToBlocks(sections.scheme)]),
      heading(SECTION_HEADINGS.outcome),
      ...orEmpty(textToBlocks(sections.outcome)),
    ],
  };
}

/**
 * Split section text into blocks: blank lines separate paragraphs, lines
 * starting with a list marker become list items (following unmarked lines
 * continue the item), other lines are kept as line breaks in a paragraph.
 */
export function textToBlocks(text: string): RootContent[] {
  const blocks: RootContent[] = [];
  let para: string[] = [];
  let items: string[][] = [];

  const flushPara = () => {
    if (para.length > 0) blocks.push(paragraph(para));
    para = [];
  };
  const flushList = () => {
    if (items.length > 0) blocks.push(list(items));
    items = [];
  };

  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flushPara();
      flushList();
    } else if (LIST_MARKER.test(line)) {
      flushPara();
      items.push([line]);
    } else if (items.length > 0) {
      items[items.length - 1]!.push(line);
    } else {
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return blocks;
}

function orEmpty(blocks: RootContent[]): RootContent[] {
  return blocks.length > 0 ? blocks : [paragraph([EMPTY_SECTION])];
}

function heading(text: string): Heading {
  return { type: 'heading', depth: 2, children: [{ type: 'text', value: text }] };
}

/** A paragraph: wrapped lines joined, other line ends kept as hard breaks. */
function paragraph(lines: string[]): Paragraph {
  const children: PhrasingContent[] = [];
  joinLines(lines).forEach((line, i) => {
    if (i > 0) children.push({ type: 'break' });
    children.push({ type: 'text', value: line });
  });
  return { type: 'paragraph', children };
}

function list(items: string[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((lines): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(lines) as BlockContent],
    })),
  };
}
