import { describe, expect, it } from 'vitest';
import { readEarlierSupplementary } from '../../src/pipeline/extract/steps/read-earlier.ts';

const request = { label: '令和7年度概算要求額', fiscal_year: 2025, kind: 'request' as const };

describe('readEarlierSupplementary', () => {
  it('reads the note on the amount line and on the note lines after it', () => {
    const lines = [
      '令和7年度概算要求額 2.5億円 (2.3億円) ※()内は前年度当初予算額 ※令和5年度補正予算額 21百万円',
      '',
      '※令和４年度第二次補正予算額 ３.０億円',
      '令和5年度補正予算額 4.5億円',
      '1 事業の目的',
    ];
    expect(readEarlierSupplementary(lines, 0, 4, request)).toEqual([
      { text: '令和5年度補正予算額 21百万円', yen: 21_000_000, fiscal_year: 2023, line: 1 },
      { text: '令和4年度第二次補正予算額 3.0億円', yen: 300_000_000, fiscal_year: 2022, line: 3 },
      { text: '令和5年度補正予算額 4.5億円', yen: 450_000_000, fiscal_year: 2023, line: 4 },
    ]);
  });

  it('ignores sentences, later lines, the same year, and supplementary budgets themselves', () => {
    const lines = [
      '令和7年度概算要求額 1.5億円（1百万円）',
      '令和5年度補正予算額で整備した設備を活用し、27億円を措置する。',
      '',
      '',
      '',
      '',
      '※令和5年度補正予算額27億円',
    ];
    expect(readEarlierSupplementary(lines, 0, 6, request)).toEqual([]);
    expect(
      readEarlierSupplementary(
        ['令和7年度概算要求額 1億円 ※令和7年度補正予算額 2億円'],
        0,
        0,
        request,
      ),
    ).toEqual([]);
    const supplementary = {
      label: '令和6年度補正予算案',
      fiscal_year: 2024,
      kind: 'supplementary' as const,
    };
    expect(
      readEarlierSupplementary(
        ['令和6年度補正予算案 5億円 ※令和5年度補正予算額 2億円'],
        0,
        0,
        supplementary,
      ),
    ).toEqual([]);
  });
});
