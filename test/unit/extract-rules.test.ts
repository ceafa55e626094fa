import { describe, expect, it } from 'vitest';
import { badgesOf } from '../../src/pipeline/extract/rules/badges.ts';
import { isBureauLine, isDivisionLine } from '../../src/pipeline/extract/rules/bureau.ts';
import { cleanText } from '../../src/pipeline/extract/rules/clean-text.ts';
import {
  isBoxName,
  isBoxRow,
  isDebrisLine,
  isFlowStep,
} from '../../src/pipeline/extract/rules/debris.ts';
import { stripExtension } from '../../src/pipeline/extract/rules/extension.ts';
import {
  COMMON_HEADINGS,
  headingCore,
  looksLikeHeading,
  readHeadings,
} from '../../src/pipeline/extract/rules/headings.ts';
import {
  cleanTitle,
  readNameLabel,
  splitSubtitle,
  titleScore,
} from '../../src/pipeline/extract/rules/titles.ts';

const kinds = (line: string) =>
  readHeadings(line, COMMON_HEADINGS)?.headings.map((h) => h.kinds.join('+') || 'none') ?? null;

describe('headings: every printed form of the five documents', () => {
  it.each([
    ['① 施策の目的', ['purpose']],
    ['1 事業の目的', ['purpose']],
    ['１．目的', ['purpose']],
    ['［ 趣 旨 ］', ['purpose']],
    ['【要旨】', ['purpose']],
    ['▋事業目的', ['purpose']],
    ['③ 施策の概要', ['overview']],
    ['2 事業の概要', ['overview']],
    ['【事業内容】', ['overview']],
    ['事業の概要等', ['overview']],
    ['2 事業の概要・スキーム', ['overview+scheme']],
    ['2 事業の概要・スキーム・実施主体等', ['overview+scheme']],
    ['2 事業の概要・事業スキーム・実施主体等', ['overview+scheme']],
    ['2 事業の概要・スキーム・実施主体・事業実績', ['overview+scheme+outcome']],
    ['1 事業の目的・概要', ['purpose+overview']],
    ['③④ 施策の概要、施策のスキーム図、実施要件（対象、補助率等）等', ['overview+scheme']],
    ['③④ 施策の概要、スキーム図、実施要件（対象、補助率等）等', ['overview+scheme']],
    ['④ 施策のスキーム図、実施要件（対象、補助率等）等', ['scheme']],
    ['④ 施策のスキーム図、実施要件', ['scheme']],
    ['○ 施 策 の ス キ ー ム', ['scheme']],
    ['３．事業スキーム', ['scheme']],
    ['3 実施主体等', ['scheme']],
    ['3 事業スキーム・実施主体等', ['scheme']],
    ['３．施策の実施要件等', ['scheme']],
    ['【施策のイメージ（実施要件等）】', ['scheme']],
    ['【スキーム・実施主体】', ['scheme']],
    ['④ 施策のスキーム図、実施要件、成果イメージ', ['scheme+outcome']],
    ['⑤ 成果イメージ（経済効果、雇用の下支え・創出効果、波及プロセスを含む）', ['outcome']],
    ['⑤ 成果イメージ（経済効果、雇用の下支', ['outcome']],
    [
      '⑤ 施策の対象・成果イメージ（経済効果、雇用の下支え・創出効果、波及プロセスを含む）',
      ['outcome'],
    ],
    ['⑤ 対象・成果イメージ（経済効果、雇用の下支え・創出効果、波及プロセスを含む）', ['outcome']],
    ['4 事業実績', ['outcome']],
    ['4 事業実績等', ['outcome']],
    ['2 見直しの内容', ['overview']],
    ['1 事業拡充の目的', ['purpose']],
    ['3 実施主体・事業内容等', ['scheme+overview']],
    ['2 事業の概要・スキーム、3 実施主体等', ['overview+scheme', 'scheme']],
    ['（期待される効果）', ['outcome']],
    ['② 対策の柱との関係', ['none']],
    ['① 施策の目的 ② 対策の柱との関係', ['purpose', 'none']],
    ['③ 施策の概要 ④ 施策のスキーム図、実施要件（対象、補助率等）等', ['overview', 'scheme']],
    ['【事業内容】 【事業スキーム等】', ['overview', 'scheme']],
  ])('%s', (line, want) => {
    expect(kinds(line)).toEqual(want);
  });

  it('reads a heading glued after the last words of a box, keeping those words as text', () => {
    const found = readHeadings('・発電機 ⑤ 成果イメージ（経済効果、雇用の下支', COMMON_HEADINGS);
    expect(found?.before).toBe('・発電機');
    expect(found?.headings.map((h) => h.kinds)).toEqual([['outcome']]);
  });

  it('keeps a fact label that stands alone (its value follows) as text of the scheme', () => {
    expect(readHeadings('【実施主体】', COMMON_HEADINGS)?.headings[0]).toMatchObject({
      kinds: ['scheme'],
      keepLabel: true,
    });
    expect(readHeadings('3 実施主体', COMMON_HEADINGS)?.headings[0]).toMatchObject({
      kinds: ['scheme'],
      keepLabel: false,
    });
  });

  it('does not take text, facts with values or policy headings for section headings', () => {
    expect(kinds('実施主体：国')).toBeNull();
    expect(kinds('【実施主体】 都道府県・指定都市・中核市')).toBeNull();
    expect(
      kinds(
        'がんや難病に苦しむ患者を対象として、精緻な全ゲノム解析等を実施し、その結果をもとに目的を果たす。',
      ),
    ).toBeNull();
    expect(kinds('１．こども・子育て支援の充実')).toBeNull();
    expect(kinds('① 研修施設での人材育成支援')).toBeNull();
  });

  it('reduces a printed heading to its core label', () => {
    expect(headingCore('③④ 施策の概要、スキーム図、実施要件（対象、補助率等）等')).toBe(
      '施策の概要、スキーム図、実施要件',
    );
    expect(headingCore('［ 趣 旨 ］')).toBe('趣旨');
  });

  it('notices heading-like lines of no known form', () => {
    expect(looksLikeHeading('【事業の成果】')).toBe(true);
    expect(looksLikeHeading('① 施策の目的')).toBe(true);
    expect(looksLikeHeading('① 研修施設での人材育成支援')).toBe(false);
    expect(looksLikeHeading('③ 実績報告書を提出')).toBe(false);
    expect(looksLikeHeading('【実施主体】 民間事業者')).toBe(false);
  });
});

describe('layout debris', () => {
  it.each([
    '2',
    '（内線2672）',
    '（内線）２２９０',
    'Ⅰ Ⅱ Ⅲ',
    '〇',
    '【計数整理の結果、異同を生ずることがある。】',
    '※一般会計 1.9億円',
    '※令和5年度補正予算額27億円',
    '（施策のスキーム図の例）',
    '登園管理システムのイメージ',
    '＜サイトイメージ＞',
    ' Ⅳ.医療・介護ＤＸ等の推進・・・・・・・・・・・・・・・・・・・・・59',
    '外国人介護福祉士就労研修導入・指導事業 1.2億円 (0.9億円) ※()内は前年度当初予算額',
  ])('%s', (line) => {
    expect(isDebrisLine(line)).toBe(true);
  });
  it('keeps ordinary text', () => {
    expect(isDebrisLine('○ ICT機器の導入による業務の効率化')).toBe(false);
    expect(isDebrisLine('補助率１／２')).toBe(false);
    expect(isDebrisLine('○ 地域のイメージを高める取組の支援')).toBe(false);
  });
  it('recognises the responsible division and extension lines', () => {
    expect(isDivisionLine('医政局医療経営支援課（内線2672）')).toBe(true);
    expect(isDivisionLine('雇用政策課労働移動支援室、')).toBe(true);
    expect(
      isDivisionLine(
        '（内線2550,2665,8048）施策名：人口減少や医療機関の経営状況の急変に対応する緊急的な支援パッケージ',
      ),
    ).toBe(true);
    expect(isDivisionLine('医療機関')).toBe(false);
    // a sentence broken after 課 or 部 is text, not a division
    expect(
      isDivisionLine(
        '地域住民が日常生活を営み、あらゆる分野の活動に参加する機会が確保される上での各般の課',
      ),
    ).toBe(false);
    expect(isDivisionLine('事業主等の行う職業訓練に係る訓練経費や訓練期間中の賃金の一部')).toBe(
      false,
    );
    expect(isDivisionLine('健康・生活衛生局がん・疾病対策課')).toBe(true);
    expect(isDebrisLine('計上所管：厚生労働省')).toBe(true);
  });
  it('recognises rows of diagram box names and flow steps', () => {
    expect(isBoxRow('都 道 府 県厚 生 労 働 省 医 療 機 関')).toBe(true);
    expect(isBoxRow('国 研究者等')).toBe(true);
    expect(isBoxRow('補助金')).toBe(false);
    // several names side by side are a row; one name, or one list of names, is a box's label
    expect(isBoxRow('民 間 事 業 者')).toBe(true);
    expect(isBoxRow('都道府県厚生労働省医療機関')).toBe(true);
    expect(isBoxRow('厚生労働省')).toBe(false);
    expect(isBoxRow('都道府県、指定都市、中核市')).toBe(false);
    expect(isBoxName('事業所等')).toBe(true);
    expect(isBoxName('国 研究者等')).toBe(false);
    expect(cleanText(['厚生労働省', 'モデル事業を実施する'])).toBe(
      '厚生労働省\nモデル事業を実施する',
    );
    expect(isFlowStep('Ⅱ 交付決定')).toBe(true);
    expect(isFlowStep('①申請（計画提出） ②交付申請')).toBe(true);
    expect(isFlowStep('Ⅰ 医療機関は都道府県に交付申請し、都道府県は国に所要額を交付申請')).toBe(
      false,
    );
  });
});

describe('bureau lines', () => {
  it('recognises divisions with and without extension numbers', () => {
    expect(isBureauLine('医政局研究開発政策課')).toBe(true);
    expect(isBureauLine('健康・生活衛生局 がん・疾病対策課（内線4607）')).toBe(true);
    expect(isBureauLine('医政局参事官（特定医薬品開発支援・医療情報担当）付医療情報室')).toBe(true);
    expect(isBureauLine('新規モダリティ対応ヒト初回投与試験体制整備等事業')).toBe(false);
    expect(isBureauLine('医療機関')).toBe(false);
  });
  it('removes extension numbers in their printed forms', () => {
    expect(stripExtension('医政局医療経営支援課（内線2672）')).toBe('医政局医療経営支援課');
    expect(stripExtension('老健局高齡者支援課 (內線3875)')).toBe('老健局高齡者支援課');
    expect(stripExtension('認知症施策・地域介護推進課（3986）')).toBe('認知症施策・地域介護推進課');
  });
});

describe('titles', () => {
  it('reads 施策名 labels, also empty ones', () => {
    expect(readNameLabel(' 施策名：ケアプランデータ連携システム構築事業')).toBe(
      'ケアプランデータ連携システム構築事業',
    );
    expect(readNameLabel('施策名：')).toBe('');
    expect(readNameLabel('本文')).toBeNull();
  });
  it('splits a trailing sub-name but keeps short qualifiers', () => {
    expect(splitSubtitle('診療報酬改定DX（施設基準の届出の電子化推進）')).toEqual({
      title: '診療報酬改定DX',
      subtitle: '施設基準の届出の電子化推進',
    });
    expect(splitSubtitle('介護関連データ利活用に係る基盤構築事業（市町村分）').subtitle).toBeNull();
    expect(splitSubtitle('障害福祉分野の介護テクノロジー導入支援事業（仮称）').subtitle).toBeNull();
  });
  it('drops badges and programme labels from a title', () => {
    expect(cleanTitle('保健医療情報拡充システム開発事業（新規）')).toEqual({
      title: '保健医療情報拡充システム開発事業',
      tags: ['新規'],
    });
    expect(cleanTitle('医薬品プロジェクト 創薬支援推進事業').title).toBe('創薬支援推進事業');
    expect(cleanTitle('児 童 相 談 所 等 に お け る Ｉ Ｃ Ｔ 化 推 進 事 業').title).toBe(
      '児童相談所等におけるＩＣＴ化推進事業',
    );
  });
  it('scores names above sentences and labels', () => {
    expect(titleScore('介護ロボット開発等加速化事業')).toBeGreaterThanOrEqual(3);
    expect(
      titleScore('がんや難病に苦しむ患者を対象として、精緻な全ゲノム解析等を実施する。'),
    ).toBeNull();
    expect(titleScore('○ 補助の対象者')).toBeNull();
    expect(titleScore('実施主体：社会保険診療報酬支払基金')).toBeNull();
    // a figure's caption is no name
    expect(titleScore('子ども見守りサービスのイメージ')).toBeNull();
    // letter-spaced latin letters are one word, not three spaces
    expect(titleScore('保育所等における I C T化の推進')).not.toBeNull();
    expect(cleanTitle('保育所等における I C T化の推進').title).toBe('保育所等におけるICT化の推進');
    expect(cleanTitle('WHO UHC ナレッジハブ').title).toBe('WHO UHC ナレッジハブ');
  });
  it('reads badge lines', () => {
    expect(badgesOf('新規')).toEqual(['新規']);
    expect(badgesOf('拡充 **推進枠**')).toEqual(['拡充', '推進枠']);
    expect(badgesOf('新規モダリティ')).toBeNull();
  });
});
