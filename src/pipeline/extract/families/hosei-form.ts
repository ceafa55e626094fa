/**
 * The supplementary budget's form sheet (令和6年度補正予算案の主要施策集): one page
 * per measure, `施策名：…` at the top (sometimes at the bottom, glued to the
 * extension line), a column of headings `① 施策の目的`, `③ 施策の概要`,
 * `④ 施策のスキーム図、実施要件（対象、補助率等）等`, `② 対策の柱との関係`,
 * `⑤ 成果イメージ（経済効果、雇用の下支え・創出効果、波及プロセスを含む）`, then the
 * boxes' texts (purpose, overview, outcome), then the amount, the division and
 * the ② check-mark table, and last the diagram of the ④ box.
 */
import { COMMON_HEADINGS } from '../rules/headings.ts';
import type { FamilyProfile } from './types.ts';

export const hoseiForm: FamilyProfile = {
  id: 'hosei-form',
  description: 'supplementary budget form sheets: 施策名, ①〜⑤ boxes, division with 内線',
  headings: COMMON_HEADINGS,
  headingForms: ['circled'],
  headingTails: [
    '（経済効果、雇用の下支え・創出効果、波及プロセスを含む）',
    '（対象、補助率等）等',
  ],
  // the ④ diagram box's text comes after the ⑤ outcome box's
  order: ['purpose', 'overview', 'outcome', 'scheme'],
  tail: 'scheme',
  headingColumns: true,
  headingsComplete: true,
  boxes: ['purpose', 'overview', 'scheme', 'outcome'],
  beforeAmount: 'outcome',
  lead: 'purpose',
  titles: ['amount-prefix', 'name-label', 'header-above', 'page-scan'],
  pagesAfterGaps: false,
  pageBreaks: true,
  region: 'page',
  prior: 'none',
};
