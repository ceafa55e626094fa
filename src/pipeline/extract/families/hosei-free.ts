/**
 * The supplementary budget's free-form pages (令和3年度補正予算案の主要施策): one
 * or more pages per measure, the title usually the page's first line (few
 * `施策名` labels), headings of many forms (`① 施策の目的`, `１．事業目的`,
 * `【事業内容】`, `［ 趣 旨 ］`) or none, the amount `令和３年度補正予算案：２４億円`
 * anywhere on the page.
 */
import { ALL_FORMS, COMMON_HEADINGS } from '../rules/headings.ts';
import type { FamilyProfile } from './types.ts';

export const hoseiFree: FamilyProfile = {
  id: 'hosei-free',
  description: 'supplementary budget free-form pages: title first, varied or no headings',
  headings: COMMON_HEADINGS,
  headingForms: ALL_FORMS,
  headingTails: [
    '（経済効果、雇用の下支え・創出効果、波及プロセスを含む）',
    '（対象、補助率等）等',
  ],
  order: ['purpose', 'overview', 'scheme', 'outcome'],
  tail: null,
  headingColumns: true,
  headingsComplete: false,
  boxes: [],
  beforeAmount: null,
  lead: 'purpose',
  titles: ['amount-prefix', 'name-label', 'header-above', 'page-scan'],
  pagesAfterGaps: true,
  pageBreaks: true,
  region: 'page',
  prior: 'none',
};
