/** content/readings.yaml: readings (furigana) for words the analyser reads wrongly. */
import { z } from 'astro/zod';

export const readingsSchema = z.object({
  /** Word → its reading in hiragana. */
  readings: z.record(
    z.string(),
    z.string().regex(/^[\p{Script=Hiragana}ー]+$/u, 'must be hiragana'),
  ),
});
export type Readings = z.infer<typeof readingsSchema>;
