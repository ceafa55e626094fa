/** content/cross-budget.yaml: decisions on whether measures of two budgets are one program. */
import { z } from 'astro/zod';
import { idSchema, listOf } from './common.ts';

const idPair = z.tuple([idSchema, idSchema]);

export const crossBudgetSchema = z.object({
  /** Pairs of ids that are the same program in two budgets (linked). */
  same: listOf(idPair),
  /** Pairs that look alike but are different programs (never linked). */
  different: listOf(idPair),
});
export type CrossBudgetLinks = z.infer<typeof crossBudgetSchema>;
