import { describe, expect, it } from 'vitest';
import { parseCurated } from '../../src/pipeline/load/checked-yaml.ts';
import {
  assignPrograms,
  formatProgramRegistry,
  NO_PROGRAMS,
  programGroups,
} from '../../src/pipeline/derive/programs.ts';
import { programRegistrySchema } from '../../src/schemas/programs.ts';
import { sentenceChanges } from '../../src/lib/sentences.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { makeRecord } from '../fixtures/records.ts';

/** A measure of document `doc` in a budget of `year` and `kind`. */
const m = (id: string, doc: string, year: number, kind: MeasureRecord['budget']['kind']) =>
  makeRecord({
    id,
    name: `事業${id}`,
    budget: { label: `${year}${kind}`, fiscal_year: year, kind },
    source: { document: doc, lines: [1, 2], pages: null },
  });

const records = [
  m('a-1', 'a', 2024, 'supplementary'),
  m('a-2', 'a', 2024, 'supplementary'),
  m('b-1', 'b', 2025, 'request'),
  m('b-2', 'b', 2025, 'request'),
  m('c-1', 'c', 2021, 'supplementary'),
  m('a-3', 'a', 2024, 'supplementary'),
];
const links = (pairs: [string, string][]) => {
  const map = new Map<string, string[]>();
  for (const [x, y] of pairs) {
    map.set(x, [...(map.get(x) ?? []), y]);
    map.set(y, [...(map.get(y) ?? []), x]);
  }
  return (id: string) => map.get(id) ?? [];
};
const ids = (groups: MeasureRecord[][]) => groups.map((g) => g.map((r) => r.id));

describe('programs from the cross-budget links', () => {
  it('joins links transitively, oldest budget first, and only across two documents or more', () => {
    const groups = programGroups(
      records,
      links([
        ['a-1', 'b-1'],
        ['b-1', 'c-1'],
        ['a-2', 'a-3'],
      ]),
    );
    // a-2 and a-3 are in one document: no program; a-1, b-1, c-1 by fiscal year
    expect(ids(groups)).toEqual([['c-1', 'a-1', 'b-1']]);
  });

  it('gives the same slugs for the same links, mints new ones in order and records them', () => {
    const groups = programGroups(
      records,
      links([
        ['a-1', 'b-1'],
        ['a-2', 'b-2'],
      ]),
    );
    const first = assignPrograms(groups, NO_PROGRAMS);
    expect(first.programs.map((p) => [p.slug, p.measures])).toEqual([
      ['p-001', ['a-1', 'b-1']],
      ['p-002', ['a-2', 'b-2']],
    ]);
    expect(first.programs[0]!.title).toBe('事業b-1'); // the newest appearance's name
    const again = assignPrograms(groups, first.registry);
    expect(again.programs).toEqual(first.programs);
    expect(again.registry).toEqual(first.registry);
  });

  it('keeps a slug when the program gains, loses and regains an appearance', () => {
    const before = assignPrograms(
      programGroups(
        records,
        links([
          ['a-1', 'b-1'],
          ['a-2', 'b-2'],
        ]),
      ),
      NO_PROGRAMS,
    ).registry;
    // c-1 joins a-2's program
    const grown = assignPrograms(
      programGroups(
        records,
        links([
          ['a-2', 'b-2'],
          ['c-1', 'a-2'],
          ['a-1', 'b-1'],
        ]),
      ),
      before,
    );
    expect(grown.programs.map((p) => [p.slug, p.measures])).toEqual([
      ['p-001', ['a-1', 'b-1']],
      ['p-002', ['c-1', 'a-2', 'b-2']],
    ]);
    // a-1 leaves: no program of a-1 and b-1 this build; the registry keeps it for its return
    const shrunk = assignPrograms(programGroups(records, links([['a-2', 'b-2']])), grown.registry);
    expect(shrunk.programs.map((p) => p.slug)).toEqual(['p-002']);
    expect(shrunk.registry.programs.map((p) => p.slug)).toEqual(['p-001', 'p-002']);
    const back = assignPrograms(
      programGroups(
        records,
        links([
          ['a-2', 'b-2'],
          ['a-1', 'b-1'],
        ]),
      ),
      shrunk.registry,
    );
    expect(back.programs.map((p) => p.slug).sort()).toEqual(['p-001', 'p-002']);
    expect(back.registry.next).toBe(3);
  });

  it('gives two programs that merge the older slug, and a split the new one', () => {
    const two = assignPrograms(
      programGroups(
        records,
        links([
          ['a-1', 'b-1'],
          ['a-2', 'b-2'],
        ]),
      ),
      NO_PROGRAMS,
    ).registry;
    const merged = assignPrograms(
      programGroups(
        records,
        links([
          ['a-1', 'b-1'],
          ['a-2', 'b-2'],
          ['b-1', 'a-2'],
        ]),
      ),
      two,
    );
    expect(merged.programs.map((p) => p.slug)).toEqual(['p-001']);
    const split = assignPrograms(
      programGroups(
        records,
        links([
          ['a-1', 'b-1'],
          ['a-2', 'b-2'],
        ]),
      ),
      merged.registry,
    );
    // p-001 now holds all four ids; a-1's group comes first and keeps it, a-2's gets p-002 back
    expect(split.programs.map((p) => p.slug)).toEqual(['p-001', 'p-002']);
  });

  it('writes a registry that reads back the same', () => {
    const { registry } = assignPrograms(
      programGroups(records, links([['a-1', 'b-1']])),
      NO_PROGRAMS,
    );
    const hostile = {
      ...registry,
      programs: registry.programs.map((p) => ({ ...p, title: '"引用": #コメント\\ \n改行' })),
    };
    const text = formatProgramRegistry(hostile);
    const parsed = parseCurated(text, 'content/registry/_programs.yaml', programRegistrySchema);
    expect(parsed.ok && parsed.value).toEqual(hostile);
    expect(formatProgramRegistry(NO_PROGRAMS)).toContain('programs: []');
  });
});

describe('how a purpose changed', () => {
  it('lists sentences added and removed, ignoring list marks, spaces and width', () => {
    expect(
      sentenceChanges(
        '• 医薬品の安定供給を図る。\n\n• 原薬の多くを輸入している。',
        '医薬品の安定供給を 図る。原薬の調達先を探す。',
      ),
    ).toEqual({ added: ['原薬の調達先を探す。'], removed: ['原薬の多くを輸入している。'] });
  });
});
