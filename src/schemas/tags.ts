/** content/tags.yaml: the badges printed beside titles (新規, 拡充 …), each with a page. */
import { z } from 'astro/zod';
import { listOf, slugSchema } from './common.ts';

export const tagSchema = z.object({
  /** The badge as printed. */
  name: z.string().min(1),
  /** URL slug of its page (/tags/<slug>/). */
  slug: slugSchema,
  /** Other printed forms of the same badge. */
  aliases: listOf(z.string().min(1)),
  /** What the badge means, in plain words. */
  description: z.string().min(1),
});
export type TagDef = z.infer<typeof tagSchema>;

export const tagsFileSchema = z.object({ tags: z.array(tagSchema) });
