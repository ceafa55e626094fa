import { describe, expect, it } from 'vitest';
import { NO_CURATED } from '../../src/pipeline/load/curated.ts';
import { parseCurated } from '../../src/pipeline/load/checked-yaml.ts';
import { buildOutputs } from '../../src/pipeline/write/outputs.ts';
import { correctionsFileSchema } from '../../src/schemas/corrections.ts';
import { fixtureDocument } from '../fixtures/records.ts';

const FILE = 'content/corrections.yaml';

describe('content/corrections.yaml', () => {
  it('reads entries and refuses a bad date or a file outside content/, naming the line', () => {
    const ok = parseCurated(
      'corrections:\n  - date: 2026-11-24\n    what: つなぎました\n    ids: [fixture-1]\n    file: content/cross-budget.yaml\n',
      FILE,
      correctionsFileSchema,
    );
    expect(ok.ok && ok.value.corrections[0]).toEqual({
      date: '2026-11-24',
      what: 'つなぎました',
      ids: ['fixture-1'],
      file: 'content/cross-budget.yaml',
    });
    const bad = parseCurated(
      'corrections:\n  - date: 24.11.2026\n    what: x\n    ids: []\n    file: /etc/passwd\n',
      FILE,
      correctionsFileSchema,
    );
    expect(bad.ok ? [] : bad.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'corrections.0.date: must be a date written YYYY-MM-DD'],
      [5, 'corrections.0.file: must be a path under content/'],
    ]);
  });
});

describe('the build checks the log against the curated decisions', () => {
  const doc = fixtureDocument();
  const cross = { same: [['fixture-1', 'fixture-2']] as [string, string][], different: [] };
  it('lists a decided id that no entry names, and an entry naming an unknown id', () => {
    const out = buildOutputs([doc], undefined, {
      ...NO_CURATED,
      cross,
      corrections: [
        {
          date: '2026-11-24',
          what: 'x',
          ids: ['fixture-1', 'nobody-9'],
          file: 'content/cross-budget.yaml',
        },
      ],
    });
    expect(out.summary).toContain(
      [
        'corrections log (content/corrections.yaml):',
        '  content/cross-budget.yaml: fixture-2 is decided there but listed in no entry',
        '  content/corrections.yaml: nobody-9 is not a measure id',
      ].join('\n'),
    );
  });
  it('says nothing when every decision is logged, and gives the pages the log newest first', () => {
    const out = buildOutputs([doc], undefined, {
      ...NO_CURATED,
      cross,
      corrections: [
        { date: '2026-01-01', what: 'a', ids: ['fixture-1'], file: 'content/cross-budget.yaml' },
        { date: '2026-11-24', what: 'b', ids: ['fixture-2'], file: 'content/cross-budget.yaml' },
      ],
    });
    expect(out.summary).not.toContain('corrections log');
    expect(
      JSON.parse(out.generated.curated).corrections.map((c: { what: string }) => c.what),
    ).toEqual(['b', 'a']);
  });
});
