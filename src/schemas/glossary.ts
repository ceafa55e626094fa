/** content/glossary.yaml: official terms with a plain explanation and a source. */
import { z } from 'astro/zod';
import { listOf, slugSchema } from './common.ts';

export const glossaryTermSchema = z.object({
  /** The term as the documents print it. */
  term: z.string().min(1),
  /** URL slug of its entry (/glossary/#<slug>). */
  slug: slugSchema,
  /** Its reading in hiragana. */
  reading: z.string().regex(/^[\p{Script=Hiragana}ー・ ]+$/u, 'must be hiragana'),
  /** Other printed forms that mean the same. */
  aliases: listOf(z.string().min(1)),
  /** Longer words in which the term is not meant (定額 in 一定額). */
  not_in: z.array(z.string().min(1)).default([]),
  /** One line shown where the term first occurs on a page. */
  short: z
    .string()
    .min(1)
    .refine((s) => [...s].length <= 60, 'must be at most 60 characters'),
  /** The plain explanation on the glossary page. */
  plain: z.string().min(1),
  /** Where the explanation comes from. */
  source: z.object({ title: z.string().min(1), url: z.string().url().nullable().default(null) }),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const glossaryFileSchema = z.object({ terms: z.array(glossaryTermSchema).min(1) });
