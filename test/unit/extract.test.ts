import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extract/index.ts';
import type { Budget, SourceMeta } from '../../src/pipeline/types.ts';

const meta = (budget: Budget): SourceMeta => ({
  id: 'test',
  file: 'test.txt',
  title: 'テスト資料',
  publisher: '厚生労働省',
  fiscal_year: budget.fiscal_year,
  kind: budget.kind,
  date: null,
  budgets: [budget],
  url: null,
  url_checked: null,
  family: null,
});
const SUPPLEMENTARY = meta({
  label: '令和6年度補正予算案',
  fiscal_year: 2024,
  kind: 'supplementary',
});
const REQUEST = meta({ label: '令和7年度概算要求額', fiscal_year: 2025, kind: 'request' });

describe('extractDocument: supplementary budget with 施策名 labels and a package', () => {
  const text = [
    ' 施策名：医療機関の緊急的な支援パッケージ',
    '① 施策の目的',
    '医療提供体制を確保する。',
    '令和６年度補正予算案 1,311億円',
    '医政局医療経営支援課（内線2672）',
    ' 施策名：医療機関の緊急的な支援パッケージ',
    '（生産性向上・職場環境整備等事業）',
    '① 施策の目的',
    '生産性向上の取組を支援する。',
    '令和６年度補正予算案 828億円',
    ' 施策名：医療機関の緊急的な支援パッケージ',
    '（産科・小児科医療確保事業）',
    '① 施策の目的',
    '分娩減少に対応する。',
    '【令和６年度補正予算案の主な実施内容】',
    '令和６年度補正予算案 483億円 医政局地域医療計画課',
  ].join('\n');
  const r = extractDocument(text, SUPPLEMENTARY);

  it('finds one measure per amount line, with titles, sub-names and amounts', () => {
    expect(r.measures.map((m) => [m.title, m.subtitle, m.amount.yen])).toEqual([
      ['医療機関の緊急的な支援パッケージ', null, 131_100_000_000],
      ['医療機関の緊急的な支援パッケージ', '生産性向上・職場環境整備等事業', 82_800_000_000],
      ['医療機関の緊急的な支援パッケージ', '産科・小児科医療確保事業', 48_300_000_000],
    ]);
  });
  it('makes the sub-measures children of the package', () => {
    expect(r.parentIndex).toEqual([null, 0, 0]);
  });
  it('names a sub-measure by its own sub-name, the package by its printed name', () => {
    expect(r.measures.map((m) => m.name)).toEqual([
      '医療機関の緊急的な支援パッケージ',
      '生産性向上・職場環境整備等事業',
      '産科・小児科医療確保事業',
    ]);
  });
  it('reads bureaus without extension numbers, purposes and source lines', () => {
    expect(r.measures[0]!.bureau).toBe('医政局医療経営支援課');
    expect(r.measures[2]!.bureau).toBe('医政局地域医療計画課');
    expect(r.measures[1]!.sections.purpose).toBe('生産性向上の取組を支援する。');
    expect(r.measures[1]!.source.lines).toEqual([6, 10]);
    expect(r.measures[0]!.budget).toEqual({
      label: '令和6年度補正予算案',
      fiscal_year: 2024,
      kind: 'supplementary',
    });
  });
  it('lists a label that is only mentioned, and does not make it a measure', () => {
    expect(r.unattributed).toEqual([{ line: 15, text: '【令和６年度補正予算案の主な実施内容】' }]);
  });
});

describe('extractDocument: budget request layout', () => {
  const text = [
    '○有望なシーズの実用化の促進',
    '新規',
    '推進枠',
    '新規モダリティ対応ヒト初回投与試験体制整備等事業',
    '医政局研究開発政策課',
    '(内線4165)',
    '令和7年度概算要求額 7.9億円 (ー) ※()内は前年度当初予算額',
    '1 事業の目的',
    '○日本の創薬力向上のため、体制強化を行う。',
    '2 事業の概要・スキーム',
    '仕様設計を行う。',
    '3 実施主体等',
    '補助率：10／10',
    '拡充',
    '介護テクノロジー導入支援事業（地域医療介護総合確保基金（介護従事者確保分））',
    '老健局高齢者支援課 (內線3875)',
    '令和7年度概算要求額 地域医療介護総合確保基金（介護従事者確保分）97億円の内数（97億円の内数）',
    '1 事業の目的',
    '介護人材を確保する。',
  ].join('\n');
  const r = extractDocument(text, REQUEST);

  it('reads badges, title, bureau, amount and prior amount', () => {
    const [a, b] = r.measures;
    expect(a).toMatchObject({
      title: '新規モダリティ対応ヒト初回投与試験体制整備等事業',
      bureau: '医政局研究開発政策課',
      tags: ['新規', '推進枠'],
    });
    expect(a!.amount).toMatchObject({ kind: 'own', yen: 790_000_000, prior_yen: null });
    expect(b).toMatchObject({
      title: '介護テクノロジー導入支援事業',
      subtitle: '地域医療介護総合確保基金（介護従事者確保分）',
      bureau: '老健局高齢者支援課',
      tags: ['拡充'],
    });
    expect(b!.amount).toMatchObject({
      kind: 'part_of',
      yen: null,
      fund: '地域医療介護総合確保基金（介護従事者確保分）97億円',
    });
  });
  it('starts each measure at its header and maps its sections', () => {
    expect(r.measures[0]!.source.lines).toEqual([2, 13]);
    expect(r.measures[0]!.sections).toEqual({
      purpose: '○日本の創薬力向上のため、体制強化を行う。',
      overview: '仕様設計を行う。',
      scheme: '補助率：10／10',
      outcome: '',
    });
    expect(r.measures[1]!.sections.purpose).toBe('介護人材を確保する。');
  });
});

describe('extractDocument: no title printed', () => {
  it('derives a title from the purpose and reports it', () => {
    const text = [
      '令和7年度概算要求額 58百万円 (一) ※()内は前年度当初予算額',
      '1 事業の目的',
      'ヘルパーの魅力を発信する。',
    ].join('\n');
    const r = extractDocument(text, REQUEST);
    expect(r.measures[0]).toMatchObject({
      title: 'ヘルパーの魅力の発信に関する施策',
      name: 'ヘルパーの魅力の発信に関する施策',
      untitled: true,
    });
    expect(r.problems).toEqual([
      {
        code: 'untitled',
        severity: 'warning',
        file: 'test.txt',
        line: 1,
        message: expect.stringContaining('no title printed'),
      },
    ]);
  });

  it('names an untitled contribution by the body it pays', () => {
    const text = [
      '令和7年度概算要求額 1.5億円 (1百万円) ※()内は前年度当初予算額',
      '1 事業の目的',
      'Gaviへの拠出を通じて、Gaviが行う活動を支援する。',
      '3 実施主体等',
      '拠出先:Gaviワクチンアライアンス',
    ].join('\n');
    expect(extractDocument(text, REQUEST).measures[0]).toMatchObject({
      name: 'Gaviワクチンアライアンスへの拠出金',
      untitled: true,
    });
  });
});

describe('extractDocument: bureaus, names and pots as printed on the form sheets', () => {
  it('reads a division block whole: the bureau above, several divisions, an extension glued to the amount', () => {
    const text = [
      ' 施策名：介護人材確保の総合対策',
      '① 施策の目的',
      '介護人材を確保する。',
      '令和６年度補正予算案 1,103億円',
      '老健局',
      '高齢者支援課（内線3997）',
      '',
      '認知症施策・地域介護推進課（（内線3983）',
      ' 施策名：自殺対策の強化',
      '① 施策の目的',
      '自殺を防ぐ。',
      '社会・援護局総務課',
      '自殺対策推進室',
      '（内線2279）令和６年度補正予算案 20億円',
    ].join('\n');
    const r = extractDocument(text, SUPPLEMENTARY);
    expect(r.measures.map((m) => m.bureau)).toEqual([
      '老健局高齢者支援課、認知症施策・地域介護推進課',
      '社会・援護局総務課自殺対策推進室',
    ]);
  });
  it('joins a 施策名 broken over two lines and takes no extension number for a sub-name', () => {
    const text = [
      ' 施策名：認知症基本法に基づく都道府県・市町村の',
      '認知症施策推進計画の策定支援事業',
      '（内線3973）',
      '① 施策の目的',
      '計画の策定を支援する。',
      '令和６年度補正予算案 1.3億円',
    ].join('\n');
    const [m] = extractDocument(text, SUPPLEMENTARY).measures;
    expect(m).toMatchObject({
      title: '認知症基本法に基づく都道府県・市町村の認知症施策推進計画の策定支援事業',
      subtitle: null,
    });
  });
  it('files a 内数 measure under the measure whose own amount is the pot, not one that prints the figure as its prior year', () => {
    const text = [
      'DMAT体制整備事業',
      '医政局地域医療計画課（内線2550）',
      '令和7年度概算要求額 9.2億円（8.0億円）※()内は前年度当初予算額',
      '1 事業の目的',
      '災害医療を確保する。',
      '外国人介護人材の相談窓口',
      '社会・援護局福祉基盤課（内線2894）',
      '令和7年度概算要求額 8.0億円の内数（5.6億円）※()内は前年度当初予算額',
      '1 事業の目的',
      '外国人介護人材を支援する。',
    ].join('\n');
    const r = extractDocument(text, REQUEST);
    expect(r.measures[1]!.amount).toMatchObject({ kind: 'part_of' });
    expect(r.parentIndex).toEqual([null, null]);
  });
});

describe('extractDocument: a free-form page with labels of its own', () => {
  const FREE: SourceMeta = { ...SUPPLEMENTARY, family: 'hosei-free' };
  const page = [
    '子育て支援の拡充について',
    '',
    '【目的】',
    '子育て世帯の負担を軽減するため、保育の受け皿を拡大する。',
    '',
    '具体的には、保育所の整備に要する費用を補助する。',
    '',
    '【対象事業場】',
    '以下の要件をすべて満たす施設',
    '・定員20人以上であること',
    '',
    '【補助率】',
    '国3/4、市町村1/4',
    '',
    '令和6年度補正予算案：10億円',
  ];
  it('ends the text a section heading owns at a bracketed label of the page, and takes 具体的には as the overview', () => {
    const m = extractDocument(page.join('\n'), FREE).measures[0]!;
    expect(m.sections.purpose).toBe('子育て世帯の負担を軽減するため、保育の受け皿を拡大する。');
    expect(m.sections.overview).toBe('具体的には、保育所の整備に要する費用を補助する。');
    expect(m.sections.scheme).toContain('【補助率】');
    expect(m.sections.purpose).not.toContain('定員20人以上');
  });
});

describe('extractDocument: a free-form measure of several pages', () => {
  const FREE: SourceMeta = { ...SUPPLEMENTARY, family: 'hosei-free' };
  const text = [
    ' 介護職員の研修支援事業',
    '',
    '介護職員の研修を支援する。',
    '',
    '令和6年度補正予算案：5億円',
    ' 人材確保等支援助成金（テレワークコース）の概要',
    '',
    ' 良質なテレワークの導入・定着が必要。',
    '',
    ' 評価期間（３か月）に１回以上テレワークを実施する',
    '',
    ' 就業規則等に、テレワークに関する制度を規定',
    'することが必要',
    '',
    '令和6年度補正予算案：制度要求',
  ].join('\n');
  it("takes the name opening the pages after the previous measure's amount, not a broken sentence on the amount's page", () => {
    const ms = extractDocument(text, FREE).measures;
    expect(ms.map((m) => m.title)).toEqual([
      '介護職員の研修支援事業',
      '人材確保等支援助成金（テレワークコース）の概要',
    ]);
    expect(ms[1]!.sections.purpose).toContain('良質なテレワーク');
  });
});
