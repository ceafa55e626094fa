/**
 * The metadata of one source document (content/sources/<file>.meta.yaml), checked with
 * file:line problems like every curated file (pipeline/load/curated.ts).
 */
import { z } from 'astro/zod';
import { isoDate } from './common.ts';
import { budgetKindSchema } from './measure.ts';

/** Document id: lowercase ASCII words joined by single hyphens, e.g. r7-gaisan. */
export const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const documentId = z
  .string()
  .regex(DOCUMENT_ID, 'must be lowercase ASCII letters, digits and single hyphens');
const NON_EMPTY = 'must be a non-empty string';
const text = z
  .string({ required_error: NON_EMPTY, invalid_type_error: NON_EMPTY })
  .trim()
  .min(1, NON_EMPTY);
const MAPPING = 'metadata must be a YAML mapping';
const YEAR = 'must be a year (integer)';
const year = z
  .number({ required_error: YEAR, invalid_type_error: YEAR })
  .int(YEAR)
  .min(1900, YEAR)
  .max(2200, YEAR);
/** An enum whose message lists the values it takes. */
const oneOf = <T extends [string, ...string[]]>(schema: z.ZodEnum<T>) =>
  z.enum(schema.options, {
    errorMap: () => ({ message: `must be one of ${schema.options.join(', ')}` }),
  });

/** Layout families (pipeline/extract/families/), one profile each. */
export const familyIdSchema = oneOf(z.enum(['hosei-form', 'hosei-free', 'gaisan', 'policy']));
export type FamilyId = z.infer<typeof familyIdSchema>;
const kind = oneOf(budgetKindSchema);

export const sourceBudgetSchema = z.object({
  /** The label as printed before a measure's figure, e.g. 令和6年度補正予算案. */
  label: text,
  /** The fiscal year the budget is for. */
  fiscal_year: year,
  /** The kind of budget the label names. */
  kind,
});

export const sourceMetaSchema = z
  .object(
    {
      /** Short ASCII id, used in URLs and ids (e.g. r3-hosei). */
      id: documentId,
      /** File name of the text, beside the metadata file. */
      file: text.refine(
        (f) => !f.includes('/') && !f.includes('\\') && !f.startsWith('.'),
        'must be a file name beside the metadata',
      ),
      /** The document's title as published. */
      title: text,
      /** Who published it (厚生労働省). */
      publisher: text,
      /** The fiscal year the document is about. */
      fiscal_year: year,
      /** The document's kind of budget (or policy). */
      kind,
      /** Publication date (YYYY-MM-DD), only once checked against the publisher's page; null when not known. */
      date: isoDate.nullable().default(null),
      /** Budget labels whose amount lines introduce a measure in this document. */
      budgets: z
        .array(sourceBudgetSchema, { required_error: 'must be a non-empty list' })
        .min(1, 'must be a non-empty list'),
      /** URL of the published original (the PDF on the publisher's site), only once a person has opened it. */
      url: z
        .string()
        .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL or null')
        .nullable()
        .default(null),
      /** The date a person last opened the URL and found the document there (YYYY-MM-DD). */
      url_checked: isoDate.nullable().default(null),
      /** Layout family (pipeline/extract/families); null: the default of its kind. */
      family: familyIdSchema.nullable().default(null), // or left out: the default of its kind
      /** The document's former id: its registry's ids carry over to this id, and the old URLs redirect. */
      renamed_from: documentId.optional(),
    },
    { required_error: MAPPING, invalid_type_error: MAPPING },
  )
  .refine((m) => (m.url === null) === (m.url_checked === null), {
    message: 'url and url_checked go together: record a URL only with the date it was checked',
    path: ['url_checked'],
  })
  .refine((m) => m.renamed_from !== m.id, {
    message: 'must be the former document id, not the id itself',
    path: ['renamed_from'],
  });
export type SourceMeta = z.infer<typeof sourceMetaSchema>;
