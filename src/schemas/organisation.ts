/** content/organisation.yaml: the ministry's bureaus (局, 部 …) and divisions (課, 室 …). */
import { z } from 'astro/zod';
import { listOf, slugSchema } from './common.ts';

export const divisionSchema = z.object({
  /** The division's name as printed. */
  name: z.string().min(1),
  /** URL slug, unique within its bureau. */
  slug: slugSchema,
  /** Its English name, where the ministry gives one. */
  english: z.string().nullable().default(null),
  /** Other printed forms of its name. */
  aliases: listOf(z.string().min(1)),
});
export type Division = z.infer<typeof divisionSchema>;

export const bureauSchema = z.object({
  /** The bureau's name as printed. */
  name: z.string().min(1),
  /** URL slug of its page (/bureaus/<slug>/). */
  slug: slugSchema,
  /** Its English name, where the ministry gives one. */
  english: z.string().nullable().default(null),
  /** Slug of the bureau it belongs to (a 部 within a 局), if any. */
  within: slugSchema.nullable().default(null),
  /** Other printed forms of its name. */
  aliases: listOf(z.string().min(1)),
  /** Its divisions. */
  divisions: listOf(divisionSchema),
});
export type Bureau = z.infer<typeof bureauSchema>;

export const organisationSchema = z.object({ bureaus: z.array(bureauSchema).min(1) });
export type Organisation = z.infer<typeof organisationSchema>;
