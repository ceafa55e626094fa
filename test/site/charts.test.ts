/**
 * The charts of the built site: on every page type, with accessible names,
 * and with data tables (and CSV files) whose numbers are the open data's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { launch } from '../helpers/browser.ts';

const { dist } = inject('site');
const published = JSON.parse(
  readFileSync(join(dist, 'data/measures.json'), 'utf8'),
) as MeasureRecord[];
const byId = new Map(published.map((r) => [r.id, r]));
const tree = (path: string): Root => fromHtml(readFileSync(join(dist, path, 'index.html'), 'utf8'));

function elements(root: Root, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(root, 'element', (e: Element) => {
    if (test(e)) out.push(e);
  });
  return out;
}
const text = (e: Element | Root): string =>
  e.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : ''))
    .join('');
const byIdIn = (root: Root, id: string) => elements(root, (e) => e.properties.id === id)[0];

function htmlPages(dir = dist, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlPages(p, `${prefix}${name}/`);
    return name === 'index.html' ? [prefix] : [];
  });
}

const withChart = (path: string) => tree(path);
const measureWithPrior = published.find(
  (r) => r.amount.prior_yen !== null && r.source.document !== 'fixture',
)!;

describe('charts', () => {
  const pages = {
    home: '',
    budget: `budgets/${published[0]!.source.document}/`,
    bureau: `bureaus/${readdirSync(join(dist, 'bureaus')).find((n) => !n.includes('.'))}/`,
    measure: `measures/${measureWithPrior.id}/`,
  };

  for (const [name, path] of Object.entries(pages)) {
    it(`the ${name} page has charts named by <title> and described by <desc>`, () => {
      const root = withChart(path);
      const svgs = elements(root, (e) => e.tagName === 'svg' && e.properties.role === 'img');
      expect(svgs.length, name).toBeGreaterThan(0);
      for (const svg of svgs) {
        const labelledBy = svg.properties.ariaLabelledBy;
        const ids = Array.isArray(labelledBy)
          ? labelledBy.map(String)
          : String(labelledBy ?? '').split(/\s+/);
        expect(ids).toHaveLength(2);
        const [title, desc] = ids.map((id) => byIdIn(root, id));
        expect(title?.tagName).toBe('title');
        expect(desc?.tagName).toBe('desc');
        expect(text(title!).length).toBeGreaterThan(3);
        expect(text(desc!)).toMatch(/円|%/);
      }
    });
  }

  it('shows the prior year and the share of the budget on a measure page', () => {
    const root = withChart(pages.measure);
    const titles = elements(
      root,
      (e) => e.properties.className?.toString().includes('chart-title') ?? false,
    ).map(text);
    expect(titles).toContain('前年度との比較');
    expect(titles.some((t) => t.endsWith('の合計に占める割合'))).toBe(true);
  });

  it('has data tables whose amounts are those of measures.json, and the same numbers as CSV', () => {
    let tables = 0;
    let rows = 0;
    for (const page of htmlPages()) {
      const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
      if (!html.includes('data-chart=')) continue;
      const root = fromHtml(html);
      for (const table of elements(
        root,
        (e) => e.tagName === 'table' && e.properties.dataChart !== undefined,
      )) {
        tables += 1;
        const id = String(table.properties.dataChart);
        const csv = parseCsv(
          readFileSync(join(dist, 'data/charts', `${id}.csv`), 'utf8').replace(/^\uFEFF/, ''),
        ) as string[][];
        const trs = elements({ type: 'root', children: [table] }, (e) => e.tagName === 'tr').slice(
          1,
        );
        expect(csv.length - 1, id).toBe(trs.length);
        trs.forEach((tr, i) => {
          const yenCell = elements(
            { type: 'root', children: [tr] },
            (e) => e.properties.dataYen !== undefined,
          )[0];
          const yen = yenCell ? Number(yenCell.properties.dataYen) : null;
          if (yen !== null) expect(Number(csv[i + 1]!.at(-1)), `${id} row ${i}`).toBe(yen);
          const measure = tr.properties.dataId ? byId.get(String(tr.properties.dataId)) : undefined;
          if (measure) {
            rows += 1;
            expect(yen, `${id} ${measure.id}`).toBe(measure.amount.yen);
          }
        });
      }
    }
    expect(tables).toBeGreaterThan(300);
    expect(rows).toBeGreaterThan(1000);
    console.log(`chart tables checked: ${tables}, measure rows matched to measures.json: ${rows}`);
  });

  it('ships no chart JavaScript: a measure page loads at most 10 KB of script, gzipped', () => {
    for (const r of published.filter((x) => x.source.document !== 'fixture').slice(0, 50)) {
      const html = readFileSync(join(dist, 'measures', r.id, 'index.html'), 'utf8');
      const srcs = [...html.matchAll(/<script[^>]*src="\/sub\/([^"]+)"/g)].map((m) => m[1]!);
      const bytes = srcs.reduce((s, src) => s + gzipSync(readFileSync(join(dist, src))).length, 0);
      expect(bytes, r.id).toBeLessThanOrEqual(10 * 1024);
      expect(
        srcs.every((s) => /PageTools/.test(s)),
        r.id,
      ).toBe(true);
    }
  });
});

describe('chart labels in Chromium', () => {
  it('never overlap: no two tick labels of an axis intersect, and no label leaves its chart, on any page', async () => {
    // every distinct chart SVG of the site, drawn side by side in one page
    const svgs = new Set<string>();
    for (const path of htmlPages())
      for (const [svg] of readFileSync(join(dist, path, 'index.html'), 'utf8').matchAll(
        /<svg class="chart-svg[\s\S]*?<\/svg>/gu,
      ))
        svgs.add(svg);
    expect(svgs.size).toBeGreaterThan(100);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><body>${[...svgs].join('\n')}</body>`,
      );
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const boxes = (svg: SVGSVGElement, sel: string) =>
          [...svg.querySelectorAll<SVGTextElement>(sel)].map((t) => ({ t, b: t.getBBox() }));
        for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart-svg')) {
          const name = svg.querySelector('title')?.textContent ?? '?';
          const view = svg.viewBox.baseVal;
          for (const { t, b } of boxes(svg, 'text'))
            if (
              b.x < view.x - 0.5 ||
              b.y < view.y - 0.5 ||
              b.x + b.width > view.x + view.width + 0.5 ||
              b.y + b.height > view.y + view.height + 0.5
            )
              out.push(`${name}: 「${t.textContent}」 leaves the chart`);
          const ticks = boxes(svg, 'text[font-size="11"]');
          for (let i = 1; i < ticks.length; i++) {
            const a = ticks[i - 1]!.b;
            const c = ticks[i]!.b;
            if (Math.abs(a.y - c.y) < 1 && a.x + a.width > c.x)
              out.push(
                `${name}: ticks 「${ticks[i - 1]!.t.textContent}」 and 「${ticks[i]!.t.textContent}」 overlap`,
              );
          }
        }
        return out;
      });
      console.log(`chart labels: ${svgs.size} charts drawn, ${problems.length} problems`);
      expect([...new Set(problems)].slice(0, 20)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
