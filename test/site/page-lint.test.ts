/**
 * The page lint (src/checks/page-lint.ts) over every built live measure page:
 * prints the count per rule and fails on any problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { lintPages, RULES } from '../../src/checks/page-lint.ts';
import { viewOfPage } from '../helpers/page-view.ts';
import { GENERATED_DIR, readGenerated } from '../../src/schemas/generated.ts';

const { tmp, distRoot } = inject('site');
const records = readGenerated(join(tmp, GENERATED_DIR), 'measures');
// the test site holds a hostile and a hand-made fixture document too; the lint is about the real documents' pages
const sources = resolve(import.meta.dirname, '../../content/sources');
const documents = new Set(
  readdirSync(sources)
    .filter((f) => f.endsWith('.meta.yaml'))
    .map((f) => (parse(readFileSync(join(sources, f), 'utf8')) as { id: string }).id),
);
const real = records.filter((r) => documents.has(r.source.document));

describe('page lint over every built measure page', () => {
  const pages = real.map((r) =>
    viewOfPage(
      readFileSync(join(distRoot, 'measures', r.id, 'index.html'), 'utf8'),
      r.id,
      r.source.document,
    ),
  );
  const report = lintPages(pages, records);

  it('reads the pages it lints', () => {
    expect(pages.length).toBeGreaterThan(300);
    expect(pages.every((p) => p.h1 !== '')).toBe(true);
    expect(
      pages.filter((p) => p.sections.purpose !== '' || p.sections.body !== '').length,
    ).toBeGreaterThan(300);
  });

  it('finds nothing on any page', () => {
    console.log(
      `page lint over ${pages.length} pages: ${RULES.map((r) => `${r.name} ${report.counts[r.name]}`).join(', ')}`,
    );
    for (const p of report.problems.slice(0, 30)) console.log(`  ${p.rule} ${p.id}: ${p.detail}`);
    expect(report.problems).toEqual([]);
  });
});
