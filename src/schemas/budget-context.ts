/**
 * content/budget-context.yaml: figures of the ministry's whole budget (一般会計, 特別会計)
 * that give a document's booklet total its context. No source document prints them, so each
 * one is curated with where it was published and when a person checked it; pages show them
 * beside the booklet total, never added to it.
 */
import { z } from 'astro/zod';
import { idSchema, isoDate, listOf } from './common.ts';

const text = z.string().trim().min(1, 'must be a non-empty string');

/** The account a figure is of. */
export const accountSchema = z.enum(['一般会計', '特別会計'], {
  errorMap: () => ({ message: 'must be one of 一般会計, 特別会計' }),
});

export const contextFigureSchema = z
  .object({
    /** The document (content/sources/*.meta.yaml id) whose total this figure puts in context. */
    document: idSchema,
    /** What the figure is, as the source names it (厚生労働省所管 令和7年度概算要求額). */
    label: text,
    /** The account. */
    account: accountSchema,
    /** The figure in yen, as published (a whole number). */
    yen: z.number().int().positive(),
    /** Who published it and where (e.g. 財務省「令和7年度概算要求の概要」). */
    source: text,
    /** The address of the published source, once a person has opened it. */
    url: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL')
      .nullable()
      .default(null),
    /** The date the source was published. */
    published: isoDate,
    /** The date a person last checked the figure against the source. */
    checked: isoDate,
  })
  .strict();
export type ContextFigure = z.infer<typeof contextFigureSchema>;

export const budgetContextSchema = z
  .object({
    /** The recorded figures (none yet is a valid file). */
    figures: listOf(contextFigureSchema),
  })
  .strict();
