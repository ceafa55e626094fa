/**
 * The document families and how a document's metadata chooses one: its
 * `family` field, or else the default of its kind.
 */
import type { BudgetKind } from '../../types.ts';
import { gaisan } from './gaisan.ts';
import { hoseiForm } from './hosei-form.ts';
import { hoseiFree } from './hosei-free.ts';
import { policy } from './policy.ts';
import type { FamilyId, FamilyProfile } from './types.ts';

export const FAMILIES: Readonly<Record<FamilyId, FamilyProfile>> = {
  'hosei-form': hoseiForm,
  'hosei-free': hoseiFree,
  gaisan,
  policy,
};

/** The family of a document whose metadata names none. */
export const DEFAULT_FAMILY: Readonly<Record<BudgetKind, FamilyId>> = {
  supplementary: 'hosei-form',
  request: 'gaisan',
  initial: 'gaisan',
  policy: 'policy',
};

export function familyOf(meta: { kind: BudgetKind; family?: FamilyId | null }): FamilyProfile {
  return FAMILIES[meta.family ?? DEFAULT_FAMILY[meta.kind]];
}

export type { FamilyId, FamilyProfile } from './types.ts';
