/**
 * Policy documents (a council's report, a policy direction) with a few
 * measure pages among policy pages: the measure's page holds its budget line
 * (`令和５年度予算案 35百万円（15百万円）`, `…（59億円）の内数`, or the label alone); the
 * pages after it are policy context, not the measure.
 */
import { hoseiFree } from './hosei-free.ts';
import type { FamilyProfile } from './types.ts';

/** A measure page of a policy document reads like a free-form page, bounded by its page. */
export const policy: FamilyProfile = {
  ...hoseiFree,
  id: 'policy',
  description: 'policy documents with a few measure pages among policy pages',
  headingTails: [],
  region: 'page-bounded',
  prior: 'parenthesised',
};
