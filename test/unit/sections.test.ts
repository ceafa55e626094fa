import { describe, expect, it } from 'vitest';
import { collectSections } from '../../src/lib/sections.ts';

const read = (lines: string[], skip: number[] = []) =>
  collectSections({ lines, start: 0, end: lines.length - 1, skip: new Set(skip) });

describe('collectSections', () => {
  it('maps the headings of a budget request onto the four sections', () => {
    const { sections } = read([
      '1 事業の目的',
      '日本の創薬力向上のためには、体制強化を行う必要がある。',
      '2 事業の概要・スキーム',
      '仕様設計を行う。',
      '3 実施主体等',
      '補助率：10／10',
      '4 事業実績',
      '25,000症例',
    ]);
    expect(sections).toEqual({
      purpose: '日本の創薬力向上のためには、体制強化を行う必要がある。',
      overview: '仕様設計を行う。',
      scheme: '補助率：10／10',
      outcome: '25,000症例',
    });
  });

  it('gives a column of headings their paragraphs in order, across layout gaps inside a sentence', () => {
    const { sections } = read([
      '① 施策の目的',
      '',
      '⑤ 成果イメージ（経済効果、雇用の下支え・創出効果、波及プロセスを含む）',
      '',
      '医師としての人格をか',
      '',
      'ん養する。',
      '',
      '地域に必要な医療提供体制を確保する。',
      '（内線4142）',
      'Ⅰ Ⅱ Ⅲ',
      '○ ○',
    ]);
    expect(sections.purpose).toBe('医師としての人格をかん養する。');
    expect(sections.outcome).toBe('地域に必要な医療提供体制を確保する。');
  });

  it('keeps text before the first heading apart and skips header lines', () => {
    const { sections, lead } = read(['施策名：テスト事業', '前書きの文。', '① 施策の目的', '目的の文。'], [0]);
    expect(lead).toBe('前書きの文。');
    expect(sections.purpose).toBe('目的の文。');
    expect(sections.scheme).toBe('');
  });
});
