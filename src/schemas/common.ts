/** Small building blocks shared by the schemas. */
import { z } from 'astro/zod';

/** URL slug: lowercase ASCII words joined by single hyphens, starting with a letter (health-policy). */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'must be lowercase ASCII words joined by single hyphens');

/** An id of a measure or document: lowercase ASCII letters, digits and single hyphens (r7-gaisan-119). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'must be lowercase ASCII letters, digits and single hyphens');

/** A YAML list that may be written empty (`aliases:`): null reads as []. */
export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .nullable()
    .default([])
    .transform((v) => v ?? []);

/** A date written as text or as a YAML date: always YYYY-MM-DD text. */
export const dateText = z.union([
  z.string().min(1),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

/** A calendar date checked to be YYYY-MM-DD (written as text or as a YAML date). */
export const isoDate = dateText.refine(
  (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)),
  'must be a date written YYYY-MM-DD',
);
