/**
 * The budget request's 事業概要 pages (令和7年度概算要求の主要事項): badges
 * (`新規` `拡充` `推進枠`), the title, the division with `(内線…)`, then
 * `令和7年度概算要求額 7.9億円 (ー) ※()内は前年度当初予算額` (the parenthesised figure
 * is the prior year's initial budget), then `1 事業の目的`, `2 事業の概要・スキーム`,
 * `3 実施主体等`, `4 事業実績`, mostly in order.
 */
import { ALL_FORMS, COMMON_HEADINGS } from '../rules/headings.ts';
import type { FamilyProfile } from './types.ts';

export const gaisan: FamilyProfile = {
  id: 'gaisan',
  description:
    'budget request pages: badges, title, division, amount with prior year, numbered headings',
  headings: COMMON_HEADINGS,
  headingForms: ALL_FORMS,
  headingTails: [],
  order: ['purpose', 'overview', 'scheme', 'outcome'],
  tail: null,
  headingColumns: false,
  headingsComplete: true,
  boxes: [],
  beforeAmount: null,
  lead: 'purpose',
  titles: ['table-column', 'amount-prefix', 'name-label', 'header-above', 'page-scan'],
  pagesAfterGaps: false,
  // the request booklet's text came with list markup: its lines beginning with a space are
  // nested list items (` - ・…`), and no page break or page number survives in it
  pageBreaks: false,
  region: 'header-above',
  prior: 'parenthesised',
};
