import { describe, expect, it } from 'vitest';
import {
  describePackageSum,
  budgetKindLabel,
  formatAmountShort,
  setTotalLabel,
  formatFiscalYear,
  formatLineRange,
  formatYen,
  formatYenExact,
  formatYenCho,
  formatDate,
} from '../../src/lib/format.ts';

describe('formatYen', () => {
  it.each([
    [82_800_000_000, '828億円'],
    [131_100_000_000, '1,311億円'],
    [390_000_000, '3.9億円'],
    [100_000_000, '1億円'],
    [1_000_000_000_000, '10,000億円'],
    [72_000_000, '7,200万円'],
    [12_345_000, '1,234.5万円'],
    [10_000, '1万円'],
    [5_000, '5,000円'],
    [0, '0円'],
  ])('%d → %s (exact)', (yen, text) => {
    expect(formatYen(yen)).toBe(text);
  });

  it.each([
    [123_456_789, '約1.2億円'],
    [395_000_000, '約4億円'],
    [12_345_678, '約1,234.6万円'],
    [99_999_999, '約1億円'],
    [1_311_000_000_001, '約13,110億円'],
  ])('%d → %s (rounded, marked 約)', (yen, text) => {
    expect(formatYen(yen)).toBe(text);
  });

  it('rejects non-finite numbers', () => {
    expect(() => formatYen(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatYenCho and formatDate', () => {
  it('gives whole-budget figures in 兆円, smaller ones as formatYen does', () => {
    expect(formatYenCho(33_816_100_000_000)).toBe('約33.8兆円');
    expect(formatYenCho(2_000_000_000_000)).toBe('2兆円');
    expect(formatYenCho(999_900_000_000)).toBe('9,999億円');
  });
  it('writes dates in Japanese and refuses other forms', () => {
    expect(formatDate('2024-08-30')).toBe('2024年8月30日');
    expect(() => formatDate('2024/08/30')).toThrow(RangeError);
  });
});

describe('formatYenExact', () => {
  it('groups digits', () => {
    expect(formatYenExact(82_800_000_000)).toBe('82,800,000,000円');
    expect(formatYenExact(0)).toBe('0円');
  });
});

describe('formatAmountShort', () => {
  it('covers the three amount kinds', () => {
    expect(formatAmountShort({ kind: 'own', yen: 390_000_000, fund: null })).toBe('3.9億円');
    expect(
      formatAmountShort({ kind: 'part_of', yen: null, fund: '地域医療介護総合確保基金' }),
    ).toBe('地域医療介護総合確保基金の内数');
    expect(formatAmountShort({ kind: 'part_of', yen: null, fund: null })).toBe('他の予算の内数');
    expect(formatAmountShort({ kind: 'none', yen: null, fund: null })).toBe('記載なし');
  });
});

describe('labels', () => {
  it('names budget kinds in Japanese', () => {
    expect(budgetKindLabel('supplementary')).toBe('補正予算');
    expect(budgetKindLabel('request')).toBe('概算要求');
  });

  it('gives the Japanese era year', () => {
    expect(formatFiscalYear(2024)).toBe('令和6年度（2024年度）');
    expect(formatFiscalYear(2019)).toBe('令和元年度（2019年度）');
    expect(formatFiscalYear(2018)).toBe('平成30年度（2018年度）');
  });

  it('formats line ranges', () => {
    expect(formatLineRange([84, 154])).toBe('行 84–154');
    expect(formatLineRange([7, 7])).toBe('行 7');
  });
});

describe('describePackageSum', () => {
  const base = { own_yen: 1_000_000_000, children_own_yen: 1_000_000_000, children_other_count: 0 };
  it('says when the sub-measures add up, and by how much they differ when not', () => {
    expect(describePackageSum({ ...base, difference: 0 })).toBe(
      '内訳の金額の合計は、この施策の金額（10億円）と一致します。',
    );
    expect(
      describePackageSum({ ...base, children_own_yen: 920_000_000, difference: 80_000_000 }),
    ).toMatch(
      /^内訳の金額の合計（920,000,000円）は、この施策の金額（1,000,000,000円）より80,000,000円少なく/,
    );
    expect(
      describePackageSum({ ...base, children_own_yen: 1_100_000_000, difference: -100_000_000 }),
    ).toMatch(/100,000,000円多く/);
  });
  it('says why the sums cannot be compared', () => {
    expect(describePackageSum({ ...base, own_yen: null, difference: null })).toMatch(
      /金額は資料に示されていない/,
    );
    expect(describePackageSum({ ...base, children_other_count: 2, difference: null })).toMatch(
      /^内訳のうち2件は/,
    );
  });
});

describe('setTotalLabel', () => {
  it("names a total's set: the booklet's measures, or a policy document's related budgets", () => {
    expect(setTotalLabel('request', '令和7年度概算要求額')).toBe(
      'この資料に載っている施策の合計（令和7年度概算要求額）',
    );
    expect(setTotalLabel('policy', '令和5年度予算案')).toBe(
      '関連する予算として載っている施策の合計（令和5年度予算案）',
    );
  });
});
