/** content/population.yaml: the population figure per-person amounts are divided by. */
import { z } from 'astro/zod';

export const populationSchema = z.object({
  /** Number of inhabitants. */
  total: z.number().int().positive(),
  /** The date the figure is for (YYYY-MM-DD). */
  as_of: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]),
  /** Who publishes it. */
  source: z.string().min(1),
  /** Where it is published. */
  url: z.string().url().nullable().default(null),
});
export type Population = z.infer<typeof populationSchema>;
