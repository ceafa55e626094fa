import { describe, expect, it } from 'vitest';
import { cleanText, joinVertical } from '../../src/pipeline/extract/rules/clean-text.ts';

describe('cleanText', () => {
  it('joins a sentence broken over lines without inserting spaces', () => {
    const lines = [
      'がんや難病に苦しむ患者を対象として、精緻な全ゲノム解析等を実施し、その結果をもとに、より効果のある個別化医療の提供を目',
      '指す。',
    ];
    expect(cleanText(lines)).toBe(
      'がんや難病に苦しむ患者を対象として、精緻な全ゲノム解析等を実施し、その結果をもとに、より効果のある個別化医療の提供を目指す。',
    );
  });
  it('joins across a blank line inside a sentence', () => {
    expect(
      cleanText(['効率的な医療提供体制の確保を図るため、医療機', '', '関は支援を受ける。']),
    ).toBe('効率的な医療提供体制の確保を図るため、医療機関は支援を受ける。');
  });
  it('keeps list items on their own lines and paragraphs apart', () => {
    const text = cleanText([
      '○ 生産性向上・職場環境整備支援',
      '・ 設備導入を',
      '支援する',
      '',
      '足元の経営状況に対応する。',
      '',
      '次の段落。',
    ]);
    expect(text).toBe(
      '○ 生産性向上・職場環境整備支援\n・ 設備導入を支援する\n\n足元の経営状況に対応する。\n\n次の段落。',
    );
  });
  it('keeps a | printed in the text; only a table row loses its cell borders', () => {
    expect(cleanText(['入力値A|Bを比較する。'])).toBe('入力値A|Bを比較する。');
    expect(cleanText(['| 健康診査 | 32.5億円 |'])).toBe('健康診査 32.5億円');
  });
  it('drops page numbers, Markdown debris and letter spacing', () => {
    expect(cleanText(['- **推進** の 対象。', '34', '| 表 | です |'])).toBe(
      '推進 の 対象。\n表 です',
    );
    expect(cleanText(['児 童 相 談 所 の 体 制'])).toBe('児童相談所の体制');
  });
  it('joins latin words with a space', () => {
    expect(cleanText(['Global Health', 'Fund の拠出'])).toBe('Global Health Fund の拠出');
  });
});

describe('joinVertical', () => {
  it('joins text printed one character per line', () => {
    expect(joinVertical(['日', '本', '医', '療', '研究'])).toEqual(['日本医療', '研究']);
    expect(joinVertical(['国', '本文'])).toEqual(['国', '本文']);
  });
});
