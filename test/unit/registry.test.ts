import { describe, expect, it } from 'vitest';
import {
  amountSignature,
  emptyRegistry,
  formatRegistry,
  matchDocument,
  mintId,
  parseRegistry,
  type Fingerprint,
  type Registry,
} from '../../src/pipeline/ids/registry-file.ts';
import { dice } from '../../src/pipeline/ids/similarity.ts';

const fp = (title: string, over: Partial<Fingerprint> = {}): Fingerprint => ({
  title,
  untitled: false,
  amount: 'own 100000000',
  bureau: '医政局地域医療計画課',
  parentTitle: null,
  purpose: `${title}の目的を説明する文章です。`,
  ...over,
});

/** Register `measures` from scratch, as a first build does. */
function firstBuild(
  measures: Fingerprint[],
  parents: (number | null)[] = measures.map(() => null),
) {
  return matchDocument(emptyRegistry('doc'), measures, parents);
}

describe('dice', () => {
  it('is 1 for equal strings, 0 for nothing shared, in between for a typo', () => {
    expect(dice('医療提供体制', '医療提供体制')).toBe(1);
    expect(dice('abc', 'xyz')).toBe(0);
    expect(dice('', '')).toBe(0);
    const typo = dice('地域医療介護総合確保基金', '地域医療介護総合確保基全');
    expect(typo).toBeGreaterThan(0.8);
    expect(typo).toBeLessThan(1);
  });
});

describe('mintId', () => {
  it('pads to three digits and grows beyond', () => {
    expect(mintId('r6-hosei', 7)).toBe('r6-hosei-007');
    expect(mintId('r6-hosei', 1234)).toBe('r6-hosei-1234');
  });
});

describe('amountSignature', () => {
  it('tells own amounts, funds and none apart', () => {
    expect(amountSignature({ kind: 'own', yen: 5, fund: null })).toBe('own 5');
    expect(amountSignature({ kind: 'part_of', yen: null, fund: '〇〇基金' })).toBe(
      'part_of 〇〇基金',
    );
    expect(amountSignature({ kind: 'none', yen: null, fund: null })).toBe('none');
  });
});

describe('matchDocument', () => {
  const A = fp('がん対策推進事業');
  const B = fp('難病対策推進事業', { amount: 'own 200000000' });
  const C = fp('認知症施策推進事業', {
    amount: 'own 300000000',
    bureau: '老健局認知症施策・地域介護推進課',
  });

  it('mints ids in source order on the first build', () => {
    const r = firstBuild([A, B, C]);
    expect(r.ids).toEqual(['doc-001', 'doc-002', 'doc-003']);
    expect(r.registry.next).toBe(4);
    expect(r.events.map((e) => e.kind)).toEqual(['new', 'new', 'new']);
  });

  it('keeps ids when measures are reordered, inserted before, or their amount and body change', () => {
    const { registry } = firstBuild([A, B, C]);
    const D = fp('新しい事業');
    const again = matchDocument(
      registry,
      [D, C, { ...A, amount: 'own 999', purpose: '書き換えた目的' }, B],
      [null, null, null, null],
    );
    expect(again.ids).toEqual(['doc-004', 'doc-003', 'doc-001', 'doc-002']);
    expect(again.events).toEqual([{ kind: 'new', measure: 0, id: 'doc-004' }]);
  });

  it('keeps the id of a measure whose title was corrected and reports it', () => {
    const { registry } = firstBuild([A, B, C]);
    const corrected = { ...B, title: '難病対策推進事業費' };
    const again = matchDocument(registry, [A, corrected, C], [null, null, null]);
    expect(again.ids).toEqual(['doc-001', 'doc-002', 'doc-003']);
    expect(again.events).toEqual([
      expect.objectContaining({ kind: 'renamed', id: 'doc-002', from: '難病対策推進事業' }),
    ]);
    expect(again.registry.entries[1]!.title).toBe('難病対策推進事業費');
  });

  it('keeps the id of a measure with no figure whose title and text both changed, by its place between kept neighbours', () => {
    const none = { amount: 'none' };
    const old = [
      A,
      fp('就業規則等に、テレワークに関する制度を規定', none),
      fp('制度要求の別の施策', none),
      C,
    ];
    const { registry } = firstBuild(old);
    const moved = fp('人材確保等支援助成金（テレワークコース）の概要', {
      ...none,
      purpose: '良質なテレワークの導入・定着が必要。',
    });
    const again = matchDocument(registry, [A, moved, old[2]!, C], [null, null, null, null]);
    expect(again.ids).toEqual(['doc-001', 'doc-002', 'doc-003', 'doc-004']);
    expect(again.events).toContainEqual(
      expect.objectContaining({ kind: 'uncertain', id: 'doc-002' }),
    );
    // two such measures between the same neighbours cannot be told apart by place: new ids, never a guess
    const other = fp('もう一つの新しい施策', {
      ...none,
      purpose: '地域の子育て世帯に相談の場を設ける。',
    });
    const two = matchDocument(registry, [A, moved, other, C], [null, null, null, null]);
    expect(two.ids.slice(1, 3)).toEqual(['doc-005', 'doc-006']);
  });

  it('turns a vanished measure into a tombstone and revives it when it returns', () => {
    const { registry } = firstBuild([A, B, C]);
    const without = matchDocument(registry, [A, C], [null, null]);
    expect(without.ids).toEqual(['doc-001', 'doc-003']);
    expect(without.registry.entries[1]).toMatchObject({ id: 'doc-002', status: 'gone' });
    expect(without.events).toContainEqual({ kind: 'gone', id: 'doc-002', title: B.title });
    const back = matchDocument(without.registry, [A, B, C], [null, null, null]);
    expect(back.ids).toEqual(['doc-001', 'doc-002', 'doc-003']);
    expect(back.events).toEqual([{ kind: 'revived', measure: 1, id: 'doc-002' }]);
  });

  it('keeps a tombstone quietly on later builds', () => {
    const { registry } = matchDocument(firstBuild([A, B]).registry, [A], [null]);
    const later = matchDocument(registry, [A], [null]);
    expect(later.events).toEqual([]);
    expect(later.registry).toEqual(registry);
  });

  it('does not reuse a gone number for a new measure', () => {
    const { registry } = firstBuild([A, B]);
    const r = matchDocument(
      registry,
      [A, fp('まったく別の名前の施策', { amount: 'own 5', bureau: null })],
      [null, null],
    );
    expect(r.ids).toEqual(['doc-001', 'doc-003']);
  });

  it('tells two measures with the same title apart by amount, and they do not swap when reordered', () => {
    const X1 = fp('地域医療介護総合確保基金', { amount: 'own 100', purpose: '医療分の説明' });
    const X2 = fp('地域医療介護総合確保基金', { amount: 'own 200', purpose: '介護分の説明' });
    const { registry } = firstBuild([X1, X2]);
    const swapped = matchDocument(registry, [X2, X1], [null, null]);
    expect(swapped.ids).toEqual(['doc-002', 'doc-001']);
    expect(swapped.events).toEqual([]);
  });

  it('tells same-titled sub-measures apart by their package', () => {
    const P1 = fp('医療パッケージ', { amount: 'own 1000' });
    const P2 = fp('介護パッケージ', { amount: 'own 2000' });
    const s1 = fp('人材確保支援', { parentTitle: P1.title, purpose: '共通の説明' });
    const s2 = fp('人材確保支援', { parentTitle: P2.title, purpose: '共通の説明' });
    const { registry } = firstBuild([P1, s1, P2, s2], [null, 0, null, 2]);
    expect(registry.entries.map((e) => e.parent)).toEqual([null, 'doc-001', null, 'doc-003']);
    const swapped = matchDocument(registry, [P2, s2, P1, s1], [null, 0, null, 2]);
    expect(swapped.ids).toEqual(['doc-003', 'doc-004', 'doc-001', 'doc-002']);
  });

  it('reports measures with the same title that nothing tells apart, and pairs them in order', () => {
    const twin = fp('同名の事業');
    const { registry } = firstBuild([twin, twin]);
    const again = matchDocument(registry, [twin, twin], [null, null]);
    expect(again.ids).toEqual(['doc-001', 'doc-002']);
    expect(again.events.filter((e) => e.kind === 'uncertain')).toEqual([
      expect.objectContaining({ measure: 0, id: 'doc-001' }),
    ]);
  });

  it('matches an untitled page by its content even when its derived title changed', () => {
    const u = fp('事業の目的は高齢者の', {
      untitled: true,
      purpose: '事業の目的は高齢者の生活を支えることです。',
    });
    const { registry } = firstBuild([A, u]);
    const edited = {
      ...u,
      title: '高齢者の生活を支える',
      purpose: '事業の目的は、高齢者の生活を支えることです。',
    };
    expect(matchDocument(registry, [A, edited], [null, null]).ids).toEqual(['doc-001', 'doc-002']);
  });

  it('never matches an entry that was moved to another id', () => {
    const { registry } = firstBuild([A, B]);
    const moved: Registry = {
      ...registry,
      entries: registry.entries.map((e) =>
        e.id === 'doc-002' ? { ...e, moved_to: 'doc-001' } : e,
      ),
    };
    const r = matchDocument(moved, [A, B], [null, null]);
    expect(r.ids).toEqual(['doc-001', 'doc-003']);
    expect(r.registry.entries[1]).toMatchObject({ id: 'doc-002', moved_to: 'doc-001' });
  });
});

describe('registry files', () => {
  const registry = firstBuild([fp('がん対策'), fp('難病対策', { amount: 'none' })]).registry;

  it('round-trips through YAML, byte-identical', () => {
    const text = formatRegistry(registry);
    const parsed = parseRegistry(text, 'doc.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.loaded.registry).toEqual(registry);
    expect(formatRegistry(parsed.loaded.registry)).toBe(text);
  });

  it('refuses a registry where an id was deleted, naming the file and line', () => {
    const text = formatRegistry({ ...registry, entries: registry.entries.slice(1) });
    const parsed = parseRegistry(text, 'content/registry/doc.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        file: 'content/registry/doc.yaml',
        line: expect.any(Number),
        message: expect.stringMatching(/^id doc-001 was removed from the registry/),
      }),
    ]);
  });

  it('names the line of a malformed entry', () => {
    const text = formatRegistry(registry).replace('status: live', 'status: maybe');
    const parsed = parseRegistry(text, 'r.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('status: maybe')) + 1;
    expect(parsed.problems[0]).toMatchObject({
      code: 'schema',
      severity: 'error',
      file: 'r.yaml',
      line,
    });
    expect(parsed.problems[0]!.message).toMatch(/^entries\.0\.status: /);
  });

  it('refuses duplicate ids and ids of another document', () => {
    const dup = formatRegistry({
      ...registry,
      entries: [registry.entries[0]!, registry.entries[0]!, registry.entries[1]!],
    });
    expect(parseRegistry(dup, 'r.yaml')).toMatchObject({
      ok: false,
      problems: [
        expect.objectContaining({ code: 'registry', message: 'id doc-001 is registered twice' }),
      ],
    });
    const other = formatRegistry({
      ...registry,
      entries: [{ ...registry.entries[0]!, id: 'other-001' }, registry.entries[1]!],
    });
    const parsed = parseRegistry(other, 'r.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.map((p) => p.message)).toContain(
        'id other-001 is not of the form doc-001',
      );
  });
});
