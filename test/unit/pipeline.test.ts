import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../src/pipeline/derive/documents.ts';
import { toOpenDataJson } from '../../src/lib/open-data.ts';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/pipeline/load/encoding.ts';
import {
  buildOutputs,
  decodeSource,
  loadSources,
  normaliseText,
  validateMeta,
} from '../../src/pipeline/index.ts';
import { fixtureDocument, makeRecord } from '../fixtures/records.ts';

const GOOD_META = {
  id: 'good',
  file: 'good.txt',
  title: '資料',
  publisher: '厚生労働省',
  fiscal_year: 2024,
  kind: 'supplementary',
  date: null,
  budgets: [{ label: '令和6年度補正予算案', fiscal_year: 2024, kind: 'supplementary' }],
};

describe('normaliseText', () => {
  it('strips a BOM and normalises line endings', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(normaliseText('x\uFEFF')).toBe('x\uFEFF');
  });
});

describe('validateMeta', () => {
  it('accepts a complete record and fills optional fields', () => {
    expect(validateMeta(GOOD_META)).toEqual({
      ok: true,
      meta: { ...GOOD_META, url: null, url_checked: null, family: null },
    });
  });

  it('accepts a layout family and refuses an unknown one', () => {
    expect(validateMeta({ ...GOOD_META, family: 'gaisan' })).toMatchObject({
      ok: true,
      meta: { family: 'gaisan' },
    });
    const bad = validateMeta({ ...GOOD_META, family: 'brochure' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors).toEqual([
      'family: must be one of hosei-form, hosei-free, gaisan, policy',
    ]);
  });

  it('lists everything that is wrong', () => {
    const result = validateMeta({
      ...GOOD_META,
      id: 'Bad Id',
      title: '',
      kind: 'other',
      budgets: [{ label: 'x' }],
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      'id: must be lowercase ASCII letters, digits and single hyphens',
      'title: must be a non-empty string',
      'kind: must be one of supplementary, request, initial, policy',
      'budgets.0.fiscal_year: must be a year (integer)',
      'budgets.0.kind: must be one of supplementary, request, initial, policy',
    ]);
  });

  it('rejects non-mappings, paths in file names and non-http URLs', () => {
    expect(validateMeta(['x']).ok).toBe(false);
    expect(validateMeta(null).ok).toBe(false);
    expect(validateMeta({ ...GOOD_META, file: '../secret.txt' }).ok).toBe(false);
    expect(validateMeta({ ...GOOD_META, url: 'javascript:alert(1)' }).ok).toBe(false);
    expect(
      validateMeta({ ...GOOD_META, url: 'https://www.mhlw.go.jp/x.pdf', url_checked: '2026-12-02' })
        .ok,
    ).toBe(true);
  });
});

describe('loadSources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sources-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const yaml = (o: object) => JSON.stringify(o); // JSON is YAML
  writeFileSync(join(dir, 'a.meta.yaml'), yaml(GOOD_META));
  writeFileSync(join(dir, 'good.txt'), '\uFEFF一行目\r\n二行目\r三行目');
  writeFileSync(join(dir, 'b.meta.yaml'), 'id: [unclosed\n');
  writeFileSync(
    join(dir, 'c.meta.yaml'),
    yaml({ ...GOOD_META, id: 'c', file: 'c.txt', publisher: undefined }),
  );
  writeFileSync(join(dir, 'c.txt'), 'c');
  writeFileSync(join(dir, 'd.meta.yaml'), yaml({ ...GOOD_META, id: 'd', file: 'missing.txt' }));
  writeFileSync(join(dir, 'e.meta.yaml'), yaml({ ...GOOD_META, file: 'e.txt' }));
  writeFileSync(join(dir, 'e.txt'), 'e');
  writeFileSync(join(dir, 'orphan.txt'), 'no metadata');
  writeFileSync(join(dir, 'f.meta.yaml'), yaml({ ...GOOD_META, id: 'f', file: 'F.txt' }));
  writeFileSync(join(dir, 'f.txt'), 'f');
  writeFileSync(join(dir, 'g.meta.yaml'), yaml({ ...GOOD_META, id: 'g', file: 'g.txt' }));
  writeFileSync(join(dir, 'g.txt'), Buffer.from([0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'h.meta.yaml'), yaml({ ...GOOD_META, id: 'h', file: 'h.txt' }));
  writeFileSync(join(dir, 'h.txt'), '\n \n');

  it('returns the good documents and one error per bad file, with the line of a YAML error', () => {
    const { sources, errors } = loadSources(dir);
    expect(sources).toEqual([
      {
        meta: { ...GOOD_META, url: null, url_checked: null, family: null },
        text: '一行目\n二行目\n三行目',
        metaFile: 'a.meta.yaml',
        problems: [],
        encoding: 'UTF-8 with BOM',
      },
    ]);
    expect(errors.map((e) => [e.file, e.line, e.code, e.severity])).toEqual([
      ['b.meta.yaml', 2, 'yaml', 'error'],
      ['c.meta.yaml', 1, 'schema', 'error'],
      ['d.meta.yaml', 1, 'missing-file', 'error'],
      ['e.meta.yaml', 1, 'duplicate-id', 'error'],
      ['f.meta.yaml', 1, 'missing-file', 'error'],
      ['g.txt', null, 'encoding', 'error'],
      ['h.txt', null, 'empty-text', 'error'],
      ['orphan.txt', null, 'orphan-text', 'error'],
    ]);
    expect(errors[0]!.message).toMatch(/^invalid YAML: /);
    expect(errors[1]!.message).toBe('publisher: must be a non-empty string');
    expect(errors[2]!.message).toBe('text file "missing.txt" not found');
    expect(errors[3]!.message).toBe(
      'id "good" is already used by a.meta.yaml: two documents cannot share an id',
    );
    expect(errors[4]!.message).toBe(
      'text file "F.txt" not found; there is "f.txt" (file names are case-sensitive)',
    );
    expect(errors[5]!.message).toBe(
      'binary, not text: a NUL byte at offset 0 (UTF-16 needs a BOM)',
    );
    expect(errors[6]!.message).toBe('empty: there is no text to read measures from');
    expect(errors[7]!.message).toMatch(/no \*\.meta\.yaml names this text file/);
    for (const e of errors) expect(e.message).not.toContain('\n');
  });

  it('reports a missing directory', () => {
    const { sources, errors } = loadSources(join(dir, 'nope'));
    expect(sources).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('reads the real sources without errors', () => {
    const { sources, errors } = loadSources(join(import.meta.dirname, '../../content/sources'));
    expect(errors).toEqual([]);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.text).not.toMatch(/\r|^\uFEFF/);
    }
  });
});

describe('buildOutputs', () => {
  it('produces MDX files, JSON and summary from results', () => {
    const doc = fixtureDocument();
    const out = buildOutputs([doc]);
    expect(out.records).toEqual(doc.measures);
    expect(out.mdx.map((m) => m.file)).toEqual(doc.measures.map((m) => `${m.id}.mdx`).sort());
    expect(out.generated.measures).toBe(toOpenDataJson(doc.measures));
    expect(out.summary).toContain('fixture (fixture.txt): 5 measures');

    const [summary] = JSON.parse(out.generated.documents) as DocumentSummary[];
    expect(summary!.counts).toEqual({
      measures: 5,
      own: 3,
      part_of: 1,
      none: 1,
      untitled: 1,
      top_level: 3,
      unattributed: 1,
      problems: 1,
    });
    // fixture-1 (1,311億円) and fixture-5 (72百万円); the child fixture-2 is inside fixture-1
    expect(summary!.totals).toEqual([
      {
        label: '令和6年度補正予算案',
        fiscal_year: 2024,
        kind: 'supplementary',
        measures: 5,
        top_level_own_yen: 131_172_000_000,
        top_level_own_count: 2,
      },
    ]);
  });

  it('is deterministic', () => {
    const a = buildOutputs([fixtureDocument()]);
    const b = buildOutputs([fixtureDocument()]);
    expect(a).toEqual(b);
  });

  it('refuses duplicate ids and ids that are not file names', () => {
    const dup = {
      ...fixtureDocument(),
      measures: [makeRecord({ id: 'x' }), makeRecord({ id: 'x' })],
    };
    expect(() => buildOutputs([dup])).toThrow(/duplicate measure id "x"/);
    const bad = { ...fixtureDocument(), measures: [makeRecord({ id: '../x' })] };
    expect(() => buildOutputs([bad])).toThrow(/not usable as a file name/);
  });
});

describe('decodeSource', () => {
  it('removes control, C1 and bidirectional characters and every kind of line end, reporting each line', () => {
    const bytes = Buffer.from('\uFEFF一行目\r\n二\u202E行目\n三行目\u0007ベル\u0085\r四行目\n');
    const decoded = decodeSource(bytes, 'x.txt');
    expect(decoded).toEqual({
      ok: true,
      encoding: 'UTF-8 with BOM',
      text: '一行目\n二行目\n三行目ベル\n四行目\n',
      problems: [
        {
          code: 'control-characters',
          severity: 'warning',
          file: 'x.txt',
          line: 2,
          message: 'control or bidirectional characters removed (U+202E)',
        },
        {
          code: 'control-characters',
          severity: 'warning',
          file: 'x.txt',
          line: 3,
          message: 'control or bidirectional characters removed (U+0007, U+0085)',
        },
      ],
    });
  });

  it('keeps every printed character, | and tabs included', () => {
    const decoded = decodeSource(Buffer.from('A|B\tC ｜ D\n'), 'p.txt');
    expect(decoded).toMatchObject({ ok: true, text: 'A|B\tC ｜ D\n', problems: [] });
  });

  it('refuses an empty text, a binary file and damaged UTF-8, naming the offset', () => {
    expect(decodeSource(Buffer.from('  \n\n'), 'e.txt')).toEqual({
      ok: false,
      code: 'empty-text',
      message: 'empty: there is no text to read measures from',
    });
    expect(
      decodeSource(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
        'b.txt',
      ),
    ).toEqual({
      ok: false,
      code: 'encoding',
      message: 'binary, not text: a NUL byte at offset 8 (UTF-16 needs a BOM)',
    });
    const damaged = Buffer.concat([
      Buffer.from('令和６年度補正予算案の主要施策について'),
      Buffer.from([0xe4, 0xb8]),
      Buffer.from('\n以下同じ\n'),
    ]);
    expect(decodeSource(damaged, 'd.txt')).toEqual({
      ok: false,
      code: 'encoding',
      message: `UTF-8 with 2 invalid bytes, the first at offset ${Buffer.from('令和６年度補正予算案の主要施策について').length} (0xE4): the file is damaged`,
    });
  });

  it('counts long lists of lines', () => {
    const many = decodeSource(
      Buffer.from(Array.from({ length: 8 }, () => 'a\u0001').join('\n')),
      'c.txt',
    );
    expect(many.ok && many.problems).toHaveLength(6);
    expect(many.ok && many.problems.at(-1)).toEqual({
      code: 'control-characters',
      severity: 'warning',
      file: 'c.txt',
      line: null,
      message: 'control or bidirectional characters removed on 3 more lines',
    });
  });
});

describe('decodeText', () => {
  const text =
    '令和６年度補正予算案 ５．２億円\n施策名：障害福祉関係データベース構築に関する事業費\n';
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['Shift_JIS (CP932)', iconv.encode(text, 'cp932')],
  ])('reads %s to the same characters', (encoding, bytes) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text, encoding });
  });
  it('refuses what is no text of these encodings, naming the first bad byte', () => {
    expect(decodeText(Buffer.from([0x41, 0x81, 0x7f, 0x42]))).toEqual({
      ok: false,
      message:
        'neither UTF-8, UTF-16 (with a BOM) nor Shift_JIS: byte 1 (0x81) is the first that is not valid UTF-8; save the text as UTF-8',
    });
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x41]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('odd number of bytes'),
    });
  });
});
