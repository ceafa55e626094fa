/**
 * Policy documents (a council's report, a policy direction) with a few
 * measure pages among policy pages: the measure's page holds its budget line
 * (`令和５年度予算案 35百万円（15百万円）`, `…（59億円）の内数`, or the label alone); the
 * pages after it are policy context, not the measure.
 */
import { ALL_FORMS, COMMON_HEADINGS } from '../rules/headings.ts';
import type { FamilyProfile } from './types.ts';

export const policy: FamilyProfile = {
  id: 'policy',
  description: 'policy documents with a few measure pages among policy pages',
  headings: COMMON_HEADINGS,
  headingForms: ALL_FORMS,
  headingTails: [],
  order: ['purpose', 'overview', 'scheme', 'outcome'],
  tail: null,
  headingsComplete: false,
  boxes: [],
  beforeAmount: null,
  lead: 'purpose',
  titles: ['amount-prefix', 'name-label', 'header-above', 'page-scan'],
  pagesAfterGaps: true,
  region: 'page-bounded',
  prior: 'parenthesised',
};
