import { describe, expect, it } from 'vitest';
import { collapseLetterSpacing, foldWidth, titleKey } from '../../src/lib/normalise.ts';

describe('foldWidth', () => {
  it('folds full-width ASCII one character for one', () => {
    const s = '令和３年度補正予算案：１，６６５億円　ＤＭＡＴ';
    const f = foldWidth(s);
    expect(f).toBe('令和3年度補正予算案:1,665億円 DMAT');
    expect(f.length).toBe(s.length);
  });
  it('leaves circled numbers alone (unlike NFKC)', () => {
    expect(foldWidth('①施策の目的')).toBe('①施策の目的');
  });
});

describe('collapseLetterSpacing', () => {
  it('joins letter-spaced words', () => {
    expect(collapseLetterSpacing('児 童 相 談 所 等 に お け る Ｉ Ｃ Ｔ 化 推 進 事 業')).toBe(
      '児童相談所等におけるＩＣＴ化推進事業',
    );
    expect(collapseLetterSpacing('【 補 正 ５ ０ 億 円 】')).toBe('【補正５０億円】');
  });
  it('keeps ordinary spaces between words', () => {
    expect(collapseLetterSpacing('医政局 研究開発政策課')).toBe('医政局 研究開発政策課');
  });
});

describe('titleKey', () => {
  it('matches titles across widths, spaces and brackets', () => {
    expect(titleKey('【紹介予定派遣を活用した研修・就労支援】')).toBe(
      titleKey('紹介予定派遣を活用した 研修・就労支援'),
    );
    expect(titleKey('診療報酬改定ＤＸ')).toBe(titleKey('診療報酬改定DX'));
  });
});
