import { describe, expect, it, vi } from 'vitest';
import { extractAll } from '../../src/pipeline/index.ts';
import type { SourceMeta } from '../../src/pipeline/types.ts';

// A parser that fails on one document.
vi.mock('../../src/pipeline/extract/index.ts', () => ({
  extractDocument: (text: string, meta: SourceMeta) => {
    if (meta.id === 'boom') throw new Error('kaboom');
    return {
      meta,
      measures: [],
      parentIndex: [],
      problems: [],
      unattributed: [],
      lineCount: text.split('\n').length,
    };
  },
}));

const meta = (id: string): SourceMeta => ({
  id,
  file: `${id}.txt`,
  title: id,
  publisher: '厚生労働省',
  fiscal_year: 2024,
  kind: 'request',
  date: null,
  budgets: [{ label: '令和7年度概算要求額', fiscal_year: 2025, kind: 'request' }],
  url: null,
  url_checked: null,
  family: null,
});

describe('extractAll', () => {
  it('reports a document whose extraction throws and keeps the others', () => {
    const { results, errors } = extractAll([
      { meta: meta('ok'), text: 'a\nb', metaFile: 'ok.meta.yaml' },
      { meta: meta('boom'), text: 'x', metaFile: 'boom.meta.yaml' },
    ]);
    expect(results.map((r) => r.meta.id)).toEqual(['ok']);
    expect(errors).toEqual([
      {
        code: 'extraction-failed',
        severity: 'error',
        file: 'boom.meta.yaml',
        line: null,
        message: 'extraction failed: kaboom',
      },
    ]);
  });
});
