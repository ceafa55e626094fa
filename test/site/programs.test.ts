/**
 * Programs across budgets on the built site (issue 17, item 3): each program is exactly a
 * connected group of the cross-budget links in two documents or more, its page lists and links
 * every appearance, its timeline's numbers are the records', and every appearance links back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';

const { tmp, distRoot } = inject('site');
const generated = join(tmp, GENERATED_DIR);
const records = new Map(readGenerated(generated, 'measures').map((r) => [r.id, r]));
const nav = readGenerated(generated, 'navigation');

describe('programs across budgets', () => {
  it('are the connected groups of the cross-budget links that span two documents or more', () => {
    expect(nav.programs.length).toBeGreaterThan(20);
    const inProgram = new Map<string, string>();
    for (const p of nav.programs) {
      const members = new Set(p.measures);
      for (const id of p.measures) {
        expect(inProgram.has(id), `${id} in two programs`).toBe(false);
        inProgram.set(id, p.slug);
        expect(nav.measures[id]!.program).toBe(p.slug);
        // closed: every linked measure is in the same program
        for (const o of nav.measures[id]!.related)
          expect(members.has(o), `${id} → ${o}`).toBe(true);
      }
      // connected: a walk over the links from the first member reaches all
      const reached = new Set([p.measures[0]!]);
      const queue = [p.measures[0]!];
      while (queue.length > 0)
        for (const o of nav.measures[queue.shift()!]!.related)
          if (!reached.has(o)) {
            reached.add(o);
            queue.push(o);
          }
      expect([...reached].sort()).toEqual([...members].sort());
      expect(
        new Set(p.measures.map((id) => records.get(id)!.source.document)).size,
      ).toBeGreaterThan(1);
    }
    // and every linked measure is in a program
    for (const [id, m] of Object.entries(nav.measures))
      if (m.related.length > 0) expect(inProgram.has(id), id).toBe(true);
  });

  it('each have a page linking every appearance, and each appearance links back', () => {
    const pages = readdirSync(join(distRoot, 'programs')).filter((n) => n !== 'index.html');
    expect(pages.sort()).toEqual(nav.programs.map((p) => p.slug).sort());
    for (const p of nav.programs) {
      const html = readFileSync(join(distRoot, 'programs', p.slug, 'index.html'), 'utf8');
      for (const id of p.measures) {
        expect(html, p.slug).toContain(`href="/measures/${id}/"`);
        const page = readFileSync(join(distRoot, 'measures', id, 'index.html'), 'utf8');
        expect(page, id).toContain(`href="/programs/${p.slug}/"`);
      }
    }
    const list = readFileSync(join(distRoot, 'programs', 'index.html'), 'utf8');
    for (const p of nav.programs) expect(list).toContain(`href="/programs/${p.slug}/"`);
  });

  it('draw a timeline whose numbers are the records’ amounts and the prior figures requests print', () => {
    for (const p of nav.programs) {
      const file = join(distRoot, 'data/charts', `program-${p.slug}-timeline.csv`);
      const members = p.measures.map((id) => records.get(id)!);
      const expected = members.flatMap((m) => [
        ...(m.budget.kind === 'request' && m.amount.prior_yen !== null ? [m.amount.prior_yen] : []),
        ...(m.amount.kind === 'own' && m.amount.yen !== null ? [m.amount.yen] : []),
      ]);
      if (expected.length === 0) {
        expect(existsSync(file), p.slug).toBe(false);
        continue;
      }
      const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/u, ''), {
        from_line: 2,
      }) as string[][];
      expect(
        rows.map((r) => Number(r[r.length - 1])),
        p.slug,
      ).toEqual(expected);
    }
  });
});
