import { describe, expect, it } from 'vitest';
import { parseRate, rateWords, shareWords } from '../../src/site/rates.ts';
import {
  budgetPhrase,
  firstSentence,
  perPeople,
  perPerson,
  priorChange,
  priorIsDash,
  leadSentences,
  type Population,
} from '../../src/site/lead.ts';
import { makeRecord } from '../fixtures/records.ts';

const POP: Population = { total: 123_802_000, as_of: '2024-10-01', source: '人口推計', url: null };
const words = (printed: string) => {
  const rate = parseRate(printed);
  return rate ? rateWords(rate) : null;
};

describe('subsidy rates in words', () => {
  it.each([
    ['10/10', '国が全額を負担'],
    ['１０／１０', '国が全額を負担'],
    ['1/2', '国が半分を負担（残りは事業の実施主体などが負担）'],
    ['50／100', '国が半分を負担（残りは事業の実施主体などが負担）'],
    ['2/3', '国が3分の2を負担（残りは事業の実施主体などが負担）'],
    ['３／４', '国が4分の3を負担（残りは事業の実施主体などが負担）'],
    ['定額', '国が一定額を支給'],
    ['定額（１０／１０相当）', '国が一定額を支給（費用の全額に当たる額）'],
    ['1/2相当定額', '国が一定額を支給（費用の半分に当たる額）'],
    ['国1/2、県1/4、受入事業所等1/4', '国が半分、県が4分の1、受入事業所等が4分の1を負担'],
    ['国：２／３、都道府県・市区町村：１／３', '国が3分の2、都道府県・市区町村が3分の1を負担'],
    ['10/10、1/2', '国が全額または半分を負担（内容により異なる）'],
    ['1/3（令和6年度）→1/2', '国が半分を負担（残りは事業の実施主体などが負担）'],
    ['2分の1', '国が半分を負担（残りは事業の実施主体などが負担）'],
  ])('%s → %s', (printed, expected) => {
    expect(words(printed)).toBe(expected);
  });

  it('finds no rate in text without one', () => {
    expect(parseRate('都道府県が実施')).toBeNull();
  });

  it('reduces fractions', () => {
    expect(shareWords(4, 8)).toBe('半分');
    expect(shareWords(6, 9)).toBe('3分の2');
  });
});

describe('perPerson', () => {
  it('rounds for reading', () => {
    expect(perPerson(82_800_000_000, POP.total).text).toBe('約670円');
    expect(perPerson(131_100_000_000, POP.total).text).toBe('約1,100円');
    expect(perPerson(7_900_000_000, POP.total).text).toBe('約64円');
    expect(perPerson(790_000_000, POP.total).text).toBe('約6.4円');
    expect(perPerson(59_000_000, POP.total).text).toBe('約0.5円');
    expect(perPerson(1_238_020_000, POP.total).text).toBe('10円');
  });
  it('refuses a population of zero', () => {
    expect(() => perPerson(1, 0)).toThrow(RangeError);
  });
});

describe('perPeople', () => {
  it('says it per person from 1 yen, per 10,000 or 1 million people below, and not at all below that', () => {
    expect(perPeople(82_800_000_000, POP.total)?.text).toBe('国民1人あたり約670円');
    // 5,000万円: 0.4 yen a person says nothing; 約4,000円 per 10,000 people does
    expect(perPeople(50_000_000, POP.total)).toEqual({
      people: 10_000,
      text: '国民1万人あたり約4,000円',
    });
    expect(perPeople(5_000, POP.total)).toEqual({
      people: 1_000_000,
      text: '国民100万人あたり約40円',
    });
    expect(perPeople(100, POP.total)).toBeNull();
  });
});

describe('priorChange', () => {
  it('gives the difference and percentage', () => {
    expect(priorChange(790_000_000, 500_000_000).text).toBe('+2.9億円（+58%）');
    expect(priorChange(900_000_000, 1_000_000_000).text).toBe('−1億円（−10%）');
    expect(priorChange(1_050_000_000, 1_000_000_000).text).toBe('+5,000万円（+5%）');
    expect(priorChange(5, 5).text).toBe('前年度と同額');
    expect(priorChange(5, 0).percent).toBeNull();
  });
  it('gives no percentage of a token prior figure: from ten times up or down, the amount only', () => {
    // the Gavi contribution: 1.5億円 against a printed prior of 1百万円
    expect(priorChange(150_000_000, 1_000_000)).toMatchObject({
      percent: null,
      text: '+約1.5億円',
    });
    expect(priorChange(100_000_000, 1_000_000_000).text).toBe('−9億円');
    expect(priorChange(900_000_000, 100_000_000).text).toBe('+8億円（+800%）');
  });
});

describe('leadSentences', () => {
  it('says how much, per person, for a supplementary budget', () => {
    expect(
      leadSentences(
        makeRecord({
          sections: {
            purpose: '医療機関を支援する。続き。',
            overview: '',
            scheme: '',
            outcome: '',
          },
        }),
        POP,
      ),
    ).toEqual([
      '令和6年度の補正予算案で828億円（国民1人あたり約670円）を計上しています。',
      '資料では、目的を「医療機関を支援する。」と説明しています。',
    ]);
  });

  it('quotes a purpose that quotes something with 『』 inside 「」', () => {
    const [, purpose] = leadSentences(
      makeRecord({
        sections: {
          purpose: '「改革工程」において、「必要な介護サービスを提供する」とされた。',
          overview: '',
          scheme: '',
          outcome: '',
        },
      }),
      POP,
    );
    expect(purpose).toBe(
      '資料では、目的を「『改革工程』において、『必要な介護サービスを提供する』とされた。」と説明しています。',
    );
  });

  it('compares a request with the prior year, or says there was none', () => {
    const budget = { label: '令和7年度概算要求額', fiscal_year: 2025, kind: 'request' as const };
    const withPrior = makeRecord({
      budget,
      amount: {
        yen: 790_000_000,
        kind: 'own',
        text: '7.9億円（5億円）',
        prior_yen: 500_000_000,
        fund: null,
      },
    });
    expect(leadSentences(withPrior, POP).slice(0, 2)).toEqual([
      '令和7年度予算の概算要求で7.9億円（国民1人あたり約6.4円）を求めています。',
      '前年度当初予算額（5億円）より2.9億円多い額です。',
    ]);
    const dash = makeRecord({
      budget,
      amount: { yen: 790_000_000, kind: 'own', text: '7.9億円 (ー)', prior_yen: null, fund: null },
    });
    expect(leadSentences(dash, POP)[1]).toBe('前年度の当初予算はありません。');
    // an earlier supplementary budget printed beside the amount is named, not taken as the prior
    const funded = makeRecord({
      ...dash,
      earlier_supplementary: [
        { text: '令和5年度補正予算額 3.4億円', yen: 340_000_000, fiscal_year: 2023, line: 12 },
      ],
    });
    expect(leadSentences(funded, POP)[1]).toBe(
      '前年度の当初予算はありませんが、令和5年度補正予算額 3.4億円が計上されていました。',
    );
    expect(priorIsDash('（一）')).toBe(true);
    expect(priorIsDash('（5億円）')).toBe(false);
  });

  it('explains part_of, 制度要求 and a missing figure', () => {
    const fund = makeRecord({
      amount: {
        yen: null,
        kind: 'part_of',
        text: '',
        prior_yen: null,
        fund: '地域医療介護総合確保基金の97億円',
      },
    });
    expect(leadSentences(fund, POP)[0]).toBe(
      '令和6年度の補正予算案に載っていますが、この施策だけの金額は示されていません。「地域医療介護総合確保基金の97億円」の一部から支出されます。',
    );
    const rule = makeRecord({
      amount: { yen: null, kind: 'none', text: '制度要求', prior_yen: null, fund: null },
    });
    expect(leadSentences(rule, POP)[0]).toMatch(/「制度要求」です。新しいお金を伴わず/);
    const none = makeRecord({
      amount: { yen: null, kind: 'none', text: '', prior_yen: null, fund: null },
    });
    expect(leadSentences(none, POP)[0]).toBe(
      '令和6年度の補正予算案の資料に載っていますが、金額の記載はありません。',
    );
  });

  it('leaves the per-person figure out without a population', () => {
    expect(leadSentences(makeRecord(), null)[0]).toBe(
      '令和6年度の補正予算案で828億円を計上しています。',
    );
  });
});

describe('budgetPhrase and firstSentence', () => {
  it('reads the budget label', () => {
    expect(budgetPhrase('令和６年度補正予算案')).toBe('令和6年度の補正予算案');
    expect(budgetPhrase('令和5年度予算案')).toBe('令和5年度の予算案');
    expect(budgetPhrase('その他')).toBe('その他');
  });
  it('drops leading labels and markers and cuts long sentences', () => {
    expect(firstSentence('＜背景＞ ○ 我が国では、患者数が少ない。次の文。')).toBe(
      '我が国では、患者数が少ない。',
    );
    expect(firstSentence('• 医師確保ガイドラインにおいて、調整を行う。')).toBe(
      '医師確保ガイドラインにおいて、調整を行う。',
    );
    expect([...firstSentence(`${'あ'.repeat(200)}。`)].length).toBe(91);
    expect(firstSentence('（各年3月卒）（資料出所）「就職状況調査」（厚労省）')).toBe('');
  });
});
