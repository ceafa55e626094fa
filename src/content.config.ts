/**
 * Content collection of measures: one MDX file per measure, written by scripts/build.ts into
 * src/generated/measures/. The frontmatter is the whole record, checked by the same schema the
 * pipeline writes it with (src/schemas/measure.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { measureSchema } from './schemas/measure.ts';
import { GENERATED_MDX_DIR, generatedDir } from './schemas/generated.ts';

const measures = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: `${generatedDir('.')}/${GENERATED_MDX_DIR}`,
    // The file name is the id, but take it from the record itself.
    generateId: ({ data }) => String(data.id),
  }),
  schema: measureSchema,
});

export const collections = { measures };
