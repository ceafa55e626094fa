/**
 * Content collection of measures: one MDX file per MeasureRecord, written by
 * scripts/build.ts into src/generated/measures/. The frontmatter is the whole record; this schema
 * mirrors src/lib/types.ts and the assertions below keep the two in step.
 */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import type { MeasureRecord } from './lib/types.ts';
import { generatedDir } from './pipeline/write/outputs.ts';

const budgetKind = z.enum(['supplementary', 'request', 'initial', 'policy']);
const lineNumber = z.number().int().positive();
const located = z.object({ text: z.string(), line: lineNumber }).nullable();

export const measureSchema = z.object({
  id: z.string().min(1),
  url: z.string().startsWith('/'),
  title: z.string().min(1),
  name: z.string().min(1),
  untitled: z.boolean(),
  subtitle: z.string().nullable(),
  parent: z.string().nullable(),
  children: z.array(z.string()),
  budget: z.object({ label: z.string(), fiscal_year: z.number().int(), kind: budgetKind }),
  amount: z.object({
    yen: z.number().int().nonnegative().nullable(),
    kind: z.enum(['own', 'part_of', 'none']),
    text: z.string(),
    prior_yen: z.number().int().nonnegative().nullable(),
    fund: z.string().nullable(),
  }),
  bureau: z.string().nullable(),
  tags: z.array(z.string()),
  sections: z.object({ purpose: z.string(), overview: z.string(), scheme: z.string(), outcome: z.string() }),
  details: z.object({ implementer: located, target: located, rate: located }),
  source: z.object({ document: z.string(), lines: z.tuple([lineNumber, lineNumber]) }),
  title_line: lineNumber.nullable(),
  amount_line: lineNumber.nullable(),
});

// Compile-time check that the schema and the MeasureRecord type agree.
type SchemaRecord = z.infer<typeof measureSchema>;
const _schemaMatchesType: (r: SchemaRecord) => MeasureRecord = (r) => r;
const _typeMatchesSchema: (r: MeasureRecord) => SchemaRecord = (r) => r;
void _schemaMatchesType;
void _typeMatchesSchema;

const measures = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: `${generatedDir('.')}/measures`,
    // The file name is the id, but take it from the record itself.
    generateId: ({ data }) => String(data.id),
  }),
  schema: measureSchema,
});

export const collections = { measures };
