/** src/generated/urls.json: every id ever registered with its status, the URL contract. */
import { z } from 'astro/zod';
import { amountSchema } from './measure.ts';

/** live: the measure's page; moved: a redirect to another id; gone: a tombstone. */
export const urlStatusSchema = z.enum(['live', 'moved', 'gone']);
export type UrlStatus = z.infer<typeof urlStatusSchema>;

export const urlEntrySchema = z
  .object({
    /** The id. */
    id: z.string(),
    /** Its page's path, without the deployment base. */
    path: z.string().startsWith('/'),
    status: urlStatusSchema,
    /** Source document id the id belongs to. */
    document: z.string(),
    /** Current title (live), or the title last seen (gone, moved). */
    title: z.string(),
    /** moved: the id it redirects to, after following every move. */
    target: z.string().nullable(),
    /** gone: the id of the measure that replaces it, when one is known. */
    successor: z.string().nullable(),
    /** gone: the amount last seen. */
    amount: amountSchema.pick({ kind: true, yen: true, fund: true }).strict().nullable(),
  })
  .strict();
export type UrlEntry = z.infer<typeof urlEntrySchema>;
