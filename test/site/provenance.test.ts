/**
 * Provenance, citing and reporting on the built site (issue 17, items 1 and 2): every measure
 * page says where in its document it is (page and lines) and links to the original or says
 * that its URL is not recorded; its citation holds the permanent URL and the page; its BibTeX
 * and CSL-JSON files say the same; the report link carries the page's id and URL; the
 * corrections log lists every entry of content/corrections.yaml; every page shows the data's date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { describe, expect, inject, it } from 'vitest';
import { formatDate } from '../../src/lib/format.ts';
import { reportHref, siteConfigOrThrow } from '../../src/lib/site-config.ts';
import { whereInSource } from '../../src/site/cite.ts';
import { NO_URL } from '../../src/site/provenance.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';
import { BASE, REPORT, SITE } from './global-setup.ts';

const { tmp, dist, distRoot } = inject('site');
const generated = join(tmp, GENERATED_DIR);
const records = readGenerated(generated, 'measures');
const documents = new Map(readGenerated(generated, 'documents').map((d) => [d.meta.id, d]));
const curated = readGenerated(generated, 'curated');

const parse = (file: string): Root => fromHtml(readFileSync(file, 'utf8'));
function byId(tree: Root | Element, id: string): Element | undefined {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (child.properties.id === id) return child;
    const found = byId(child, id);
    if (found) return found;
  }
  return undefined;
}
function links(tree: Root | Element): Element[] {
  return tree.children.flatMap((c) =>
    c.type !== 'element' ? [] : [...(c.tagName === 'a' ? [c] : []), ...links(c)],
  );
}

describe('provenance and citing on every measure page', () => {
  it('says where the measure is, links to the original or says it is not recorded, and cites the permanent URL and page', () => {
    expect(records.length).toBeGreaterThan(300);
    for (const m of records) {
      const file = join(dist, 'measures', m.id, 'index.html');
      const tree = parse(file);
      const text = toText(tree);
      const permanent = `${SITE}${BASE}measures/${m.id}/`;
      const meta = documents.get(m.source.document)!.meta;
      expect(text, m.id).toContain(whereInSource(m.source));
      if (meta.url)
        expect(
          links(tree).some((a) => a.properties.href === meta.url),
          m.id,
        ).toBe(true);
      else expect(text, m.id).toContain(NO_URL);

      const citation = toText(byId(tree, 'citation')!);
      expect(citation, m.id).toContain(permanent);
      expect(citation, m.id).toContain(whereInSource(m.source).replace(/^資料の/u, ''));
      expect(citation, m.id).toContain(meta.title);

      const report = links(tree).find((a) => toText(a).includes('誤りを報告'));
      expect(report?.properties.href, m.id).toBe(
        reportHref(REPORT, { id: m.id, url: permanent, title: m.name }),
      );
      expect(String(report?.properties.href)).toContain(`title=${m.id}&`);
    }
  });

  it('offers BibTeX and CSL-JSON files that carry the same URL and page', () => {
    for (const m of records) {
      const permanent = `${SITE}${BASE}measures/${m.id}/`;
      const bib = readFileSync(join(dist, 'measures', m.id, 'cite.bib'), 'utf8');
      expect(bib.startsWith(`@misc{${m.id},\n`), m.id).toBe(true);
      expect(bib, m.id).toContain(`  url = {${permanent}}`);
      const [item] = JSON.parse(readFileSync(join(dist, 'measures', m.id, 'cite.json'), 'utf8'));
      expect(item.URL, m.id).toBe(permanent);
      const pages = m.source.pages;
      expect(item.page, m.id).toBe(
        pages ? (pages[0] === pages[1] ? `${pages[0]}` : `${pages[0]}-${pages[1]}`) : undefined,
      );
    }
  });

  it('has no report link where no report address is configured, and says so', () => {
    const m = records[0]!;
    const html = readFileSync(join(distRoot, 'measures', m.id, 'index.html'), 'utf8');
    expect(html).not.toContain('誤りを報告');
    expect(html).toContain('誤りの報告先はまだ設定されていません');
  });
});

describe('documents and their source text', () => {
  it('shows the original or says it is not recorded on every budget and source page, marks the counted pages and links each measure back', () => {
    for (const d of documents.values()) {
      if (!existsSync(join(distRoot, 'sources', d.meta.id))) continue;
      for (const path of [`budgets/${d.meta.id}`, `sources/${d.meta.id}`]) {
        const text = toText(parse(join(distRoot, path, 'index.html')));
        expect(text, path).toContain(d.meta.url ?? NO_URL);
      }
      const source = parse(join(distRoot, 'sources', d.meta.id, 'index.html'));
      expect(byId(source, 'pages'), d.meta.id).toBeDefined();
      // and back: each measure's first line links to its page
      for (const m of records.filter((r) => r.source.document === d.meta.id)) {
        const li = byId(source, `L${m.source.lines[0]}`)!;
        expect(
          links(li).some((a) => a.properties.href === `/measures/${m.id}/`),
          m.id,
        ).toBe(true);
      }
      d.page_starts.forEach((line, i) => {
        const li = byId(source, `L${line}`)!;
        expect(byId(li, `p${i + 1}`), `${d.meta.id} page ${i + 1}`).toBeDefined();
      });
    }
  });
});

describe('corrections log and the data date', () => {
  it('lists every correction with its date and links its measures', () => {
    const tree = parse(join(distRoot, 'corrections', 'index.html'));
    const text = toText(tree);
    expect(curated.corrections.length).toBeGreaterThan(0);
    for (const c of curated.corrections) {
      expect(text).toContain(formatDate(c.date));
      expect(text).toContain(c.what.slice(0, 40));
      for (const id of c.ids)
        expect(
          links(tree).some((a) => a.properties.href === `/measures/${id}/`),
          id,
        ).toBe(true);
    }
  });

  it('logs every curated decision of the real content (the build summary lists none missing)', () => {
    const summary = readFileSync(join(tmp, 'summary.txt'), 'utf8');
    expect(summary).toContain('figures printed twice'); // the summary is the real one
    expect(summary).not.toContain('corrections log');
  });

  it('shows the date of content/site.yaml in every page footer', () => {
    const { dataUpdated } = siteConfigOrThrow(tmp);
    expect(dataUpdated).not.toBeNull();
    for (const path of [
      'index.html',
      `measures/${records[0]!.id}/index.html`,
      'corrections/index.html',
    ])
      expect(readFileSync(join(distRoot, path), 'utf8'), path).toContain(
        `データの更新日: <time datetime="${dataUpdated}">${formatDate(dataUpdated!)}</time>`,
      );
  });
});
