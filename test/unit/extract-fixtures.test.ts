/**
 * Golden fixtures per document family and per known quirk:
 * test/fixtures/extract/<family>/<case>.txt (an excerpt of a real document)
 * + <case>.meta.yaml + <case>.expected.json (what the extraction reads from
 * it). One loop runs them all; `UPDATE=1 npx vitest run test/unit/extract-fixtures.test.ts`
 * rewrites the expected files, so every change to the extractor shows as a
 * reviewable diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, validateMeta } from '../../src/pipeline/index.ts';
import { parse } from 'yaml';
import { extractDocument } from '../../src/pipeline/extract/index.ts';

const DIR = resolve(import.meta.dirname, '../fixtures/extract');
const update = process.env.UPDATE === '1';

/** What a reviewer checks: the fields a page shows, compactly. */
function view(text: string, metaText: string) {
  const checked = validateMeta(parse(metaText));
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  const decoded = decodeSource(new TextEncoder().encode(text), checked.meta.file);
  if (!decoded.ok) throw new Error(`${checked.meta.file}: ${decoded.message}`);
  const r = extractDocument(decoded.text, checked.meta);
  return {
    family: checked.meta.family,
    measures: r.measures.map((m, i) => ({
      lines: m.source.lines,
      title: m.title,
      name: m.name,
      subtitle: m.subtitle,
      untitled: m.untitled,
      parent: r.parentIndex[i],
      amount: `${m.amount.kind}${m.amount.yen === null ? '' : ` ${m.amount.yen}`}${m.amount.prior_yen === null ? '' : ` (prior ${m.amount.prior_yen})`}`,
      bureau: m.bureau,
      tags: m.tags,
      facts: Object.fromEntries(
        Object.entries(m.details).map(([k, v]) => [k, v ? `${v.text} (L${v.line})` : null]),
      ),
      sections: m.sections,
    })),
    notes: r.sectionNotes,
  };
}

const cases = readdirSync(DIR).flatMap((family) =>
  readdirSync(join(DIR, family))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ family, name: f.replace(/\.txt$/u, ''), dir: join(DIR, family) })),
);

describe('golden extraction fixtures', () => {
  it('has fixtures for every family', () => {
    expect(new Set(cases.map((c) => c.family))).toEqual(
      new Set(['gaisan', 'hosei-form', 'hosei-free', 'policy']),
    );
  });
  for (const c of cases) {
    it(`${c.family}/${c.name}`, () => {
      const got = view(
        readFileSync(join(c.dir, `${c.name}.txt`), 'utf8'),
        readFileSync(join(c.dir, `${c.name}.meta.yaml`), 'utf8'),
      );
      expect(got.family).toBe(c.family);
      const file = join(c.dir, `${c.name}.expected.json`);
      if (update || !existsSync(file)) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
      expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
