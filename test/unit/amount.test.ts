import { describe, expect, it } from 'vitest';
import { parseAmountExpression, parseFigure } from '../../src/pipeline/extract/rules/amounts.ts';

describe('parseFigure', () => {
  it.each([
    ['２４億円', 2_400_000_000],
    ['１，６６５億円', 166_500_000_000],
    ['3.9億円', 390_000_000],
    ['２．１億円', 210_000_000],
    ['７２百万円', 72_000_000],
    ['54.3百万円', 54_300_000],
    ['190,800千円', 190_800_000],
    ['2,989万円', 29_890_000],
    ['２１６ 億円', 21_600_000_000],
    ['1兆2,000億円', 1_200_000_000_000],
    ['約106億円', 10_600_000_000],
    ['0.7億円', 70_000_000],
    ['500円', 500],
  ])('%s → %d yen', (text, yen) => {
    expect(parseFigure(text)).toBe(yen);
  });

  it('returns null without a figure', () => {
    expect(parseFigure('制度要求')).toBeNull();
    expect(parseFigure('億円')).toBeNull();
  });
});

describe('parseAmountExpression', () => {
  it('reads a supplementary amount after the label', () => {
    expect(parseAmountExpression('：５５８億円】', false)).toMatchObject({
      kind: 'own',
      yen: 55_800_000_000,
      prior_yen: null,
    });
  });

  it('reads the prior-year figure of a budget request', () => {
    const a = parseAmountExpression(' 1.4億円 (30百万円) ※()内は前年度当初予算額', true)!;
    expect(a).toMatchObject({
      kind: 'own',
      yen: 140_000_000,
      prior_yen: 30_000_000,
      text: '1.4億円 (30百万円)',
    });
  });

  it.each(['(ー)', '（-）', '(一)', '(－)', '（-億円）', '(一千万円)', '(一億円)'])(
    'treats %s as no prior figure',
    (paren) => {
      const a = parseAmountExpression(` 7.9億円 ${paren} ※()内は前年度当初予算額`, true)!;
      expect(a.yen).toBe(790_000_000);
      expect(a.prior_yen).toBeNull();
      expect(a.text).toContain(paren);
    },
  );

  it('does not read a parenthesised breakdown as a prior figure in a supplementary budget', () => {
    const a = parseAmountExpression(
      ' ５０９億円（保育所等整備交付金：４３０億円、保育対策総合支援事業費補助金：８０億円）',
      false,
    )!;
    expect(a).toMatchObject({ yen: 50_900_000_000, prior_yen: null });
  });

  it('reads …の内数 as part_of with the fund named', () => {
    const a = parseAmountExpression(
      ' 地域医療介護総合確保基金（介護従事者確保分）97億円の内数（97億円の内数）',
      true,
    )!;
    expect(a.kind).toBe('part_of');
    expect(a.yen).toBeNull();
    expect(a.fund).toBe('地域医療介護総合確保基金（介護従事者確保分）97億円');
    expect(a.prior_yen).toBeNull();
  });

  it('reads a fund whose figure is in brackets', () => {
    const a = parseAmountExpression(
      '：新型コロナウイルス感染症セーフティネット強化交付金（59億円）の内数',
      false,
    )!;
    expect(a.kind).toBe('part_of');
    expect(a.fund).toBe('新型コロナウイルス感染症セーフティネット強化交付金（59億円）');
  });

  it('reads 制度要求, also letter-spaced, as no money', () => {
    expect(parseAmountExpression('： 制度要求', false)).toMatchObject({
      kind: 'none',
      yen: null,
      text: '制度要求',
    });
    expect(parseAmountExpression(' ： 制 度 要 求', false)).toMatchObject({
      kind: 'none',
      yen: null,
    });
    expect(parseAmountExpression(' 制度要求（公共職業訓練、求職者支援訓練）', false)!.text).toBe(
      '制度要求（公共職業訓練、求職者支援訓練）',
    );
  });

  it('keeps 事項要求 in the printed text and still reads the prior figure', () => {
    const a = parseAmountExpression(
      ' 12億円+事項要求（国土強靭化分）（12億円）※（）内は前年度当初予算額',
      true,
    )!;
    expect(a).toMatchObject({ yen: 1_200_000_000, prior_yen: 1_200_000_000 });
    expect(a.text).toContain('事項要求');
  });

  it('returns null when no amount follows', () => {
    expect(parseAmountExpression('の拡充内容＞', false)).toBeNull();
  });
});

describe('odd amount forms', () => {
  it.each([
    ['：約1,000億円', 'own', 100_000_000_000, /approximate/],
    ['：１０億円程度', 'own', 1_000_000_000, /approximate/],
    ['：▲5億円', 'none', null, /decrease/],
    ['：△3億円', 'none', null, /decrease/],
    ['：10～20億円', 'none', null, /range/],
    ['：10億～20億円', 'none', null, /range/],
    ['：999999999999999億円', 'none', null, /larger than any budget/],
    [' x9億円', 'none', null, /glued to letters/],
  ] as const)('%s → %s, reported', (raw, kind, yen, issue) => {
    const a = parseAmountExpression(raw, false)!;
    expect(a.kind).toBe(kind);
    expect(a.yen).toBe(yen);
    expect(a.issue).toMatch(issue);
  });

  it('reports nothing for a plain figure', () => {
    expect(parseAmountExpression('：828億円', false)!.issue).toBeUndefined();
  });
});
