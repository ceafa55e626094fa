import { describe, expect, it } from 'vitest';
import { NO_CURATED, parseBudgetContext } from '../../src/pipeline/load/curated.ts';
import { buildOutputs } from '../../src/pipeline/write/outputs.ts';
import { contextLines } from '../../src/site/budget-context.ts';
import { fixtureDocument } from '../fixtures/records.ts';

const FILE = 'content/budget-context.yaml';
const entry = (over: Record<string, string> = {}) => {
  const fields = {
    document: 'fixture',
    label: '架空省 令和7年度概算要求額',
    account: '一般会計',
    yen: '34000000000000',
    source: '架空省「概算要求の概要」',
    url: 'https://example.org/gaisan.pdf',
    published: '2024-08-30',
    checked: '2026-12-02',
    ...over,
  };
  return `  - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n    ')}\n`;
};

describe('content/budget-context.yaml', () => {
  it('reads an empty file as no figures', () => {
    expect(parseBudgetContext('figures: []\n', FILE)).toMatchObject({ ok: true, value: [] });
    expect(parseBudgetContext('figures:\n', FILE)).toMatchObject({ ok: true, value: [] });
  });

  it('reads a figure with the line it is written on', () => {
    const parsed = parseBudgetContext(`# comment\nfigures:\n${entry()}`, FILE);
    expect(parsed.ok && parsed.value).toEqual([
      {
        file: FILE,
        line: 3,
        figure: expect.objectContaining({ document: 'fixture', yen: 34_000_000_000_000 }),
      },
    ]);
  });

  it('refuses a date that is not YYYY-MM-DD, an unknown account and an unknown key, naming the line', () => {
    const bad = parseBudgetContext(
      `figures:\n${entry({ checked: '2026/12/02' })}${entry({ account: '合計', document: 'other' })}${entry({ document: 'x', note: 'y' })}`,
      FILE,
    );
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [9, expect.stringMatching(/^figures\.0\.checked: must be a date written YYYY-MM-DD/)],
      [12, 'figures.1.account: must be one of 一般会計, 特別会計'],
      [18, expect.stringContaining('figures.2: Unrecognized key')],
    ]);
  });

  it('refuses two figures of one account for one document', () => {
    const bad = parseBudgetContext(`figures:\n${entry()}${entry()}`, FILE);
    expect(bad.ok ? [] : bad.problems.map((p) => [p.file, p.line, p.message])).toEqual([
      [FILE, 10, 'fixture has two 一般会計 figures'],
    ]);
  });
});

describe('the figures on a document page', () => {
  it('gives 一般会計 first, in Japanese units and dates, and only the document’s own', () => {
    const parsed = parseBudgetContext(
      `figures:\n${entry({ account: '特別会計', yen: '5000000000000' })}${entry()}${entry({ document: 'other' })}`,
      FILE,
    );
    const figures = parsed.ok ? parsed.value.map((f) => f.figure) : [];
    expect(contextLines('fixture', figures)).toMatchObject([
      {
        term: '厚生労働省全体（一般会計）',
        amount: '34兆円',
        published: '2024年8月30日',
        checked: '2026年12月2日',
      },
      { term: '厚生労働省全体（特別会計）', amount: '5兆円' },
    ]);
    expect(contextLines('none', figures)).toEqual([]);
  });
});

describe('the build and the figures', () => {
  it('passes a known document’s figure to the pages, never into its total, and lists an unknown one', () => {
    const parsed = parseBudgetContext(`figures:\n${entry()}${entry({ document: 'gone' })}`, FILE);
    const context = parsed.ok ? parsed.value : [];
    const doc = fixtureDocument();
    const plain = buildOutputs([doc]);
    const out = buildOutputs([doc], undefined, { ...NO_CURATED, context });
    expect(JSON.parse(out.generated.curated).context).toEqual([context[0]!.figure]);
    expect(out.generated.documents).toBe(plain.generated.documents);
    expect(out.summary).toContain(
      `budget context figures not shown (their document is not in content/sources/):\n  ${FILE}:10: gone 一般会計 34000000000000 yen`,
    );
  });
});
