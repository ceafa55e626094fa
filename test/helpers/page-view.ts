/**
 * The view of a built measure page that the page lint reads
 * (src/checks/page-lint.ts): its <h1>, the text under 目的・概要・スキーム・成果, the
 * card's facts, and whether it carries the note about namesakes.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import type { PageView } from '../../src/checks/page-lint.ts';

type Node = Root | RootContent;

/** Text of a node: readings (<rt>) and scripts left out; <br> and block ends as line breaks. */
function text(n: Node): string {
  if (n.type === 'text') return n.value;
  if (n.type !== 'element' && n.type !== 'root') return '';
  if (n.type === 'element' && ['rt', 'script', 'style', 'template'].includes(n.tagName)) return '';
  if (n.type === 'element' && n.tagName === 'br') return '\n';
  const inner = n.children.map(text).join('');
  return n.type === 'element' &&
    ['p', 'li', 'div', 'dd', 'dt', 'h1', 'h2', 'h3'].includes(n.tagName)
    ? `${inner}\n`
    : inner;
}

function* elements(n: Node): Generator<Element> {
  if (n.type === 'element') yield n;
  if (n.type === 'element' || n.type === 'root') for (const c of n.children) yield* elements(c);
}

const cls = (e: Element) =>
  String((e.properties?.className as string[] | undefined)?.join(' ') ?? '');

export function viewOfPage(html: string, id: string, document: string): PageView {
  const tree = fromHtml(html);
  const all = [...elements(tree)];
  const h1 = all.find((e) => e.tagName === 'h1');
  // the body's sections: the siblings after each <h2 id="目的|概要スキーム|成果"> up to the next <h2>
  const sections = { purpose: '', body: '', outcome: '' };
  const keys: Record<string, keyof typeof sections> = {
    目的: 'purpose',
    概要スキーム: 'body',
    成果: 'outcome',
  };
  for (const parent of all) {
    let current: keyof typeof sections | null = null;
    for (const c of parent.children) {
      if (c.type === 'element' && c.tagName === 'h2') {
        current = keys[String(c.properties?.id ?? '')] ?? null;
        continue;
      }
      if (current) sections[current] += text(c);
    }
  }
  // the card's facts: <dt> then <dd>; a missing fact is printed as 資料に記載がありません
  const card = all.find((e) => cls(e).includes('summary-facts'));
  const facts: PageView['facts'] = { implementer: null, rate: null };
  if (card) {
    const items = card.children.filter((c): c is Element => c.type === 'element');
    items.forEach((dt, i) => {
      if (dt.tagName !== 'dt') return;
      const label = text(dt).trim();
      const value = text(items[i + 1] ?? dt).trim();
      const stated = /資料に記載がありません/u.test(value) ? null : value;
      if (label === '実施主体') facts.implementer = stated;
      if (label === '国の負担') facts.rate = stated;
    });
  }
  return {
    id,
    document,
    h1: h1 ? text(h1).trim() : '',
    sections: {
      purpose: sections.purpose.trim(),
      body: sections.body.trim(),
      outcome: sections.outcome.trim(),
    },
    facts,
    namesakeNote: /同じ名前の施策がほかに/u.test(html),
  };
}
