import { describe, expect, it } from 'vitest';
import { pageIndexOf, splitPages } from '../../src/pipeline/extract/rules/pages.ts';

describe('splitPages', () => {
  const lines = [
    ' 全ゲノム解析等実行計画の推進', // page 1 starts with one space
    '施策の目的',
    '厚生労働省 令和３年度補正予算案：２４億円',
    ' 介護ロボット開発等加速化事業', // page 2
    '本文',
    '34', // page number ends page 2
    '',
    '次のページ',
    '  二つの空白は新しいページではない',
  ];
  const pages = splitPages(lines);
  it('starts a page at a line with exactly one leading space and after a page number', () => {
    expect(pages.map((p) => p.start)).toEqual([0, 3, 7]);
    expect(pages.at(-1)!.end).toBe(lines.length - 1);
  });
  it('finds the page of a line', () => {
    expect(pageIndexOf(pages, 2)).toBe(0);
    expect(pageIndexOf(pages, 4)).toBe(1);
    expect(pageIndexOf(pages, 8)).toBe(2);
  });
});
