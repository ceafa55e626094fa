/**
 * Reading aids applied to a rendered page (a hast tree), at build time:
 *
 * - glossary: inside elements marked `data-enhance` containing "glossary",
 *   the first occurrence of each term links to its explanation in the
 *   page's term list (filled into the element marked `data-glossary-list`),
 *   with aria-describedby so screen readers announce the short explanation;
 * - ruby: inside elements marked `data-enhance` containing "ruby", kanji
 *   words get furigana as `<ruby>漢字<rt data-r="かんじ"></rt></ruby>` at
 *   their first occurrence on the page (as printed publications do: 初出ルビ).
 *   The reading is drawn by CSS from the attribute (with an empty
 *   alternative text for screen readers) and only when the reader turns
 *   furigana on, so it never enters copied text or the search index;
 * - phrases: every h1–h3 gets <wbr> between phrases, so Japanese headings
 *   wrap between words (with `word-break: keep-all` in the stylesheet).
 *
 * Pure: the tokenizer, phrase splitter and glossary come in as arguments.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import { termMatcher } from './glossary.ts';
import { rubySegments, type Token } from './ruby.ts';

export interface EnhanceOptions {
  tokenize?: (s: string) => Token[];
  /** Curated readings (word → hiragana), matched before the tokenizer. */
  readings?: readonly [string, string][];
  glossary?: readonly GlossaryTerm[];
  /** URL of a term's entry on the glossary page. */
  glossaryHref?: (slug: string) => string;
  /** Split a heading's text into phrases (BudouX). */
  phrases?: (s: string) => string[];
}

type Parent = Root | Element;

const NO_TEXT_WORK = new Set([
  'script',
  'style',
  'rt',
  'rp',
  'code',
  'pre',
  'svg',
  'title',
  'textarea',
  'option',
  'template',
]);
const NO_GLOSSARY = new Set([
  ...NO_TEXT_WORK,
  'a',
  'button',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'summary',
  'label',
  'caption',
  'th',
  'dt',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3']);

const el = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[] = [],
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): Text => ({ type: 'text', value });

function marks(node: Element, what: string): boolean {
  const v = node.properties.dataEnhance;
  return typeof v === 'string' && v.split(/\s+/).includes(what);
}

/** Replace text nodes below `parent` (not below skipped elements) by what `f` returns. */
function mapText(
  parent: Parent,
  skip: ReadonlySet<string>,
  f: (t: Text) => ElementContent[] | null,
): void {
  const out: RootContent[] = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type === 'text') {
      const repl = f(child);
      if (repl) {
        out.push(...repl);
        changed = true;
        continue;
      }
    } else if (
      child.type === 'element' &&
      !skip.has(child.tagName) &&
      child.properties.dataNoEnhance === undefined
    ) {
      mapText(child, skip, f);
    }
    out.push(child);
  }
  if (changed) parent.children = out as Parent['children'];
}

/** Elements below `node` that pass `test`; with `outermost`, not those inside another match. */
function findAll(
  node: Parent,
  test: (e: Element) => boolean,
  outermost = false,
  out: Element[] = [],
): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const hit = test(child);
    if (hit) out.push(child);
    if (!(hit && outermost)) findAll(child, test, outermost, out);
  }
  return out;
}

const NO_RUBY = new Set([...NO_TEXT_WORK, 'ruby']);

/** Apply the reading aids to a page tree, in place. */
export function enhancePage(tree: Root, options: EnhanceOptions): void {
  // 1. glossary links, first occurrence per page, in document order
  const list = findAll(tree, (e) => e.properties.dataGlossaryList !== undefined)[0];
  if (options.glossary && options.glossary.length > 0 && options.glossaryHref && list) {
    const matcher = termMatcher(options.glossary);
    const used: GlossaryTerm[] = [];
    const seen = new Set<string>();
    for (const scope of findAll(tree, (e) => marks(e, 'glossary'), true)) {
      mapText(scope, NO_GLOSSARY, (t) => {
        const parts: ElementContent[] = [];
        let rest = t.value;
        for (let hit = matcher.find(rest, seen); hit; hit = matcher.find(rest, seen)) {
          seen.add(hit.term.slug);
          used.push(hit.term);
          if (hit.at > 0) parts.push(txt(rest.slice(0, hit.at)));
          parts.push(
            el(
              'a',
              {
                className: ['term'],
                href: `#term-${hit.term.slug}`,
                id: `ref-${hit.term.slug}`,
                ariaDescribedBy: [`term-short-${hit.term.slug}`],
              },
              [txt(rest.slice(hit.at, hit.at + hit.length))],
            ),
          );
          rest = rest.slice(hit.at + hit.length);
        }
        if (parts.length === 0) return null;
        if (rest) parts.push(txt(rest));
        return parts;
      });
    }
    if (used.length > 0) {
      list.children = [
        el('h2', { id: 'terms' }, [txt('このページの用語')]),
        el(
          'dl',
          { className: ['term-list'] },
          used.flatMap((term) => [
            el('dt', { id: `term-${term.slug}` }, [
              el('a', { href: options.glossaryHref!(term.slug) }, [txt(term.term)]),
              txt(`（${term.reading}）`),
            ]),
            el('dd', {}, [
              el('span', { id: `term-short-${term.slug}` }, [txt(term.short)]),
              txt(' '),
              el('a', { href: `#ref-${term.slug}`, className: ['back'] }, [txt('本文に戻る')]),
            ]),
          ]),
        ),
      ];
    } else {
      delete list.properties.dataGlossaryList;
      list.properties.hidden = true;
    }
  }

  // 2. phrase breaks in headings
  if (options.phrases) {
    for (const heading of findAll(tree, (e) => HEADINGS.has(e.tagName))) {
      mapText(heading, NO_TEXT_WORK, (t) => {
        const phrases = options.phrases!(t.value);
        if (phrases.length < 2) return null;
        return phrases.flatMap((p, i) => (i === 0 ? [txt(p)] : [el('wbr', {}), txt(p)]));
      });
    }
  }

  // 3. furigana
  if (options.tokenize) {
    const given = new Set<string>();
    for (const scope of findAll(tree, (e) => marks(e, 'ruby'), true)) {
      mapText(scope, NO_RUBY, (t) => {
        const segments = rubySegments(t.value, options.tokenize!, options.readings).map((s) => {
          if (s.ruby === undefined) return s;
          const key = `${s.text}\u0000${s.ruby}`;
          if (given.has(key)) return { text: s.text };
          given.add(key);
          return s;
        });
        if (segments.every((s) => s.ruby === undefined)) return null;
        const out: ElementContent[] = [];
        for (const s of segments) {
          const last = out[out.length - 1];
          if (s.ruby === undefined && last?.type === 'text') last.value += s.text;
          else
            out.push(
              s.ruby === undefined
                ? txt(s.text)
                : el('ruby', {}, [txt(s.text), el('rt', { dataR: s.ruby })]),
            );
        }
        return out;
      });
    }
  }
}
