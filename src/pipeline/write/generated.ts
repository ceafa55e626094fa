/**
 * The generated data as one directory, src/generated/: the MDX of every
 * measure (measures/<id>.mdx, the content collection) and the JSON the pages
 * read. Written whole into a staging directory and swapped in at once, so
 * the MDX and the JSON are never out of step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outputs } from './outputs.ts';
import {
  checkGenerated,
  GENERATED,
  GENERATED_MDX_DIR,
  type GeneratedKey,
} from '../../schemas/generated.ts';

/** The JSON files of src/generated/, by file name, each checked against its schema first. */
export function generatedJson(outputs: Outputs): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(GENERATED) as GeneratedKey[]).map((key) => {
      const json = outputs.generated[key];
      checkGenerated(key, JSON.parse(json));
      return [GENERATED[key].file, json];
    }),
  );
}

/** Write the whole generated directory into `dir` (which must not exist yet, or be empty). */
export function writeGenerated(dir: string, outputs: Outputs): void {
  mkdirSync(join(dir, GENERATED_MDX_DIR), { recursive: true });
  for (const { file, content } of outputs.mdx)
    writeFileSync(join(dir, GENERATED_MDX_DIR, file), content);
  for (const [name, content] of Object.entries(generatedJson(outputs)))
    writeFileSync(join(dir, name), content);
}
