import { describe, expect, it } from 'vitest';
import { badgesOf, headingKind, isBureauLine, stripExtension } from '../../src/lib/lines.ts';
import { cleanTitle, readNameLabel, splitSubtitle, titleScore } from '../../src/lib/titles.ts';

describe('headingKind maps each family\'s headings onto the four sections', () => {
  it.each([
    ['① 施策の目的', 'purpose'],
    ['1 事業の目的', 'purpose'],
    ['１．目的', 'purpose'],
    ['③ 施策の概要', 'overview'],
    ['2 事業の概要・スキーム', 'overview'],
    ['【事業内容】', 'overview'],
    ['④ 施策のスキーム図、実施要件（対象、補助率等）等', 'scheme'],
    ['3 実施主体等', 'scheme'],
    ['3 事業スキーム・実施主体等', 'scheme'],
    ['⑤ 成果イメージ（経済効果、雇用の下支え・創出効果、波及プロセスを含む）', 'outcome'],
    ['4 事業実績', 'outcome'],
    ['（期待される効果）', 'outcome'],
    ['② 対策の柱との関係', 'other'],
  ])('%s → %s', (line, kind) => {
    expect(headingKind(line)).toBe(kind);
  });
  it('does not take text or field lines for headings', () => {
    expect(headingKind('実施主体：国')).toBeNull();
    expect(headingKind('がんや難病に苦しむ患者を対象として、精緻な全ゲノム解析等を実施し、その結果をもとに目的を果たす。')).toBeNull();
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
    expect(readNameLabel(' 施策名：ケアプランデータ連携システム構築事業')).toBe('ケアプランデータ連携システム構築事業');
    expect(readNameLabel('施策名：')).toBe('');
    expect(readNameLabel('本文')).toBeNull();
  });
  it('splits a trailing sub-name but keeps short qualifiers', () => {
    expect(splitSubtitle('診療報酬改定DX（施設基準の届出の電子化推進）')).toEqual({ title: '診療報酬改定DX', subtitle: '施設基準の届出の電子化推進' });
    expect(splitSubtitle('介護関連データ利活用に係る基盤構築事業（市町村分）').subtitle).toBeNull();
    expect(splitSubtitle('障害福祉分野の介護テクノロジー導入支援事業（仮称）').subtitle).toBeNull();
  });
  it('drops badges and programme labels from a title', () => {
    expect(cleanTitle('保健医療情報拡充システム開発事業（新規）')).toEqual({ title: '保健医療情報拡充システム開発事業', tags: ['新規'] });
    expect(cleanTitle('医薬品プロジェクト 創薬支援推進事業').title).toBe('創薬支援推進事業');
    expect(cleanTitle('児 童 相 談 所 等 に お け る Ｉ Ｃ Ｔ 化 推 進 事 業').title).toBe('児童相談所等におけるＩＣＴ化推進事業');
  });
  it('scores names above sentences and labels', () => {
    expect(titleScore('介護ロボット開発等加速化事業')).toBeGreaterThanOrEqual(3);
    expect(titleScore('がんや難病に苦しむ患者を対象として、精緻な全ゲノム解析等を実施する。')).toBeNull();
    expect(titleScore('○ 補助の対象者')).toBeNull();
    expect(titleScore('実施主体：社会保険診療報酬支払基金')).toBeNull();
  });
  it('reads badge lines', () => {
    expect(badgesOf('新規')).toEqual(['新規']);
    expect(badgesOf('拡充 **推進枠**')).toEqual(['拡充', '推進枠']);
    expect(badgesOf('新規モダリティ')).toBeNull();
  });
});
