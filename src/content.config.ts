/**
 * Content collection of measures: one MDX file per measure, written by scripts/build.ts into
 * src/generated/measures/. The frontmatter is the whole record, checked by the same schema the
 * pipeline writes it with (src/schemas/measure.ts).
 */
import { defineCollection } from 'astro:content';
import { measureSchema } from './schemas/measure.ts';
import { GENERATED_MDX_DIR, generatedDir } from './schemas/generated.ts';
import { measuresLoader } from './site/measures-loader.ts';

const measures = defineCollection({
  // rendered once into the data store (src/site/measures-loader.ts says why not by @astrojs/mdx)
  loader: measuresLoader(`${generatedDir('.')}/${GENERATED_MDX_DIR}`),
  schema: measureSchema,
});

export const collections = { measures };
