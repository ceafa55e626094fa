/**
 * Integrity of the built site (that a second build is byte-identical is
 * asserted by the fault suite's two builds at once, test/faults/): the totals
 * shown reconcile with the open data; and the
 * performance budgets hold (measure page HTML ≤ 60 KB, script on a measure
 * page ≤ 15 KB gzipped, the explorer's HTML per row and script, no web fonts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { formatYenExact } from '../../src/lib/format.ts';
import { contextLines, NO_CONTEXT } from '../../src/site/budget-context.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';

const { tmp, distRoot } = inject('site');
const records = JSON.parse(
  readFileSync(join(distRoot, 'data/measures.json'), 'utf8'),
) as MeasureRecord[];
const documents = readGenerated(join(tmp, GENERATED_DIR), 'documents');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
describe('totals', () => {
  it('shows, per budget, the sum of the own amounts of top-level measures, on the home and budget pages', () => {
    const home = readFileSync(join(distRoot, 'index.html'), 'utf8');
    let checked = 0;
    for (const doc of documents) {
      const page = readFileSync(join(distRoot, 'budgets', doc.meta.id, 'index.html'), 'utf8');
      const mine = records.filter((r) => r.source.document === doc.meta.id);
      const ids = new Set(mine.map((r) => r.id));
      for (const t of doc.totals) {
        const top = mine.filter(
          (r) =>
            r.budget.label === t.label &&
            (r.parent === null || !ids.has(r.parent)) &&
            // a figure printed again as a breakdown row of another measure counts there
            (r.counted_in === null || !ids.has(r.counted_in.id)) &&
            r.amount.kind === 'own',
        );
        const sum = top.reduce((s, r) => s + r.amount.yen!, 0);
        expect(t.top_level_own_yen, `${doc.meta.id} ${t.label}`).toBe(sum);
        if (top.length === 0) continue;
        expect(page, `${doc.meta.id} ${t.label}`).toContain(formatYenExact(sum));
        expect(home, `${doc.meta.id} ${t.label}`).toContain(formatYenExact(sum));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("has one total per document: the treemap's rows add up to the total the card, budget and home pages show", () => {
    let checked = 0;
    for (const doc of documents) {
      const csv = join(distRoot, 'data/charts', `treemap-${doc.meta.id}.csv`);
      if (!existsSync(csv)) continue;
      const rows = readFileSync(csv, 'utf8')
        .replace(/^\uFEFF/u, '')
        .trim()
        .split('\n')
        .slice(1);
      const sum = rows.reduce((s, line) => s + Number(line.split(',').pop()), 0);
      expect(sum, doc.meta.id).toBe(doc.totals.reduce((s, t) => s + t.top_level_own_yen, 0));
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('puts the ministry-wide figures of budget-context.yaml beside the total, or says none is recorded', () => {
    const { context } = readGenerated(join(tmp, GENERATED_DIR), 'curated');
    for (const doc of documents) {
      const page = readFileSync(join(distRoot, 'budgets', doc.meta.id, 'index.html'), 'utf8');
      const lines = contextLines(doc.meta.id, context);
      if (lines.length === 0) expect(page, doc.meta.id).toContain(NO_CONTEXT);
      else
        for (const l of lines) {
          expect(page, doc.meta.id).toContain(`<dt>${l.term}</dt>`);
          expect(page, doc.meta.id).toContain(l.exact);
          expect(page, doc.meta.id).toContain(`${l.checked}確認`);
        }
    }
  });
});

describe('performance budgets', () => {
  const measurePages = records.map((r) => join(distRoot, 'measures', r.id, 'index.html'));

  it('keeps every measure page under 60 KB of HTML', () => {
    const sizes = measurePages.map((f) => ({ f: relative(distRoot, f), size: statSync(f).size }));
    const over = sizes.filter((s) => s.size > 60 * 1024);
    console.log(
      `measure pages: ${sizes.length}, largest ${(Math.max(...sizes.map((s) => s.size)) / 1024).toFixed(1)} KB`,
    );
    expect(over).toEqual([]);
  });

  it('ships at most 15 KB of gzipped script to a measure page; search loads on demand', () => {
    for (const f of measurePages) {
      const html = readFileSync(f, 'utf8');
      const srcs = [...html.matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);
      const bytes = srcs.reduce(
        (s, src) => s + gzipSync(readFileSync(join(distRoot, src))).length,
        0,
      );
      expect(bytes, relative(distRoot, f)).toBeLessThanOrEqual(15 * 1024);
      expect(html).not.toContain('pagefind');
    }
  });

  it('keeps the explorer lean: under 700 bytes of HTML per row, at most 4 KB of gzipped script', () => {
    const html = readFileSync(join(distRoot, 'explore/index.html'), 'utf8');
    const bytes = Buffer.byteLength(html);
    const srcs = [...html.matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);
    const script = srcs.reduce(
      (s, src) => s + gzipSync(readFileSync(join(distRoot, src))).length,
      0,
    );
    console.log(
      `explorer: ${records.length} rows, ${(bytes / 1024).toFixed(1)} KB of HTML (${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped), ${(script / 1024).toFixed(1)} KB of gzipped script`,
    );
    expect(bytes / records.length).toBeLessThan(700);
    expect(script).toBeLessThanOrEqual(4 * 1024);
    expect(html).not.toContain('pagefind');
  });

  it('loads no web font', () => {
    for (const f of files(distRoot).filter((x) => x.endsWith('.css') || x.endsWith('.html'))) {
      const text = readFileSync(f, 'utf8');
      expect(text, relative(distRoot, f)).not.toMatch(
        /@font-face|fonts\.googleapis|rel="preload"[^>]*as="font"/,
      );
    }
    expect(files(distRoot).filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f))).toEqual([]);
  });
});
