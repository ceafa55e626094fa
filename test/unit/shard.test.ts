import { describe, expect, it } from 'vitest';
import { makesDocument, parseShard, sharedPaths } from '../../src/site/shard.ts';

describe('SITE_SHARD', () => {
  it('makes everything when unset, only its documents in a document shard, none in the shared one', () => {
    const all = parseShard(undefined);
    const docs = parseShard('documents:r3-hosei,r4-digiden');
    const shared = parseShard('shared');
    expect([all, docs, shared].map((s) => makesDocument('r3-hosei', s))).toEqual([
      true,
      true,
      false,
    ]);
    expect(makesDocument('r6-hosei', docs)).toBe(false);
    expect([all, docs, shared].map((s) => sharedPaths([1, 2], s).length)).toEqual([2, 0, 2]);
  });

  it('refuses anything else, saying what it accepts', () => {
    for (const bad of ['documents:', 'document:r3-hosei', 'documents:a b', 'all'])
      expect(() => parseShard(bad), bad).toThrow(/use "shared" or "documents:<id>,<id>"/);
  });
});
