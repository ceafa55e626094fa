/** Reading content/registry/: every registry file, checked (pipeline/ids/registry-file.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../schemas/problem.ts';
import { parseRegistry, type LoadedRegistry } from '../ids/registry-file.ts';
import { CuratedError } from './checked-yaml.ts';

/**
 * Read every *.yaml registry file in `dir` (a missing directory is an empty
 * registry). Any problem throws a CuratedError: without a sound registry the
 * ids of a document cannot be kept, so the build must stop.
 */
export function loadRegistries(dir: string, label = dir): LoadedRegistry[] {
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  const loaded: LoadedRegistry[] = [];
  for (const name of readdirSync(dir)
    // _programs.yaml and other files led by _ are not document registries (ids never start with _)
    .filter((n) => n.endsWith('.yaml') && !n.startsWith('_'))
    .sort()) {
    const file = `${label.replace(/\/+$/, '')}/${name}`;
    const result = parseRegistry(readFileSync(join(dir, name), 'utf8'), file);
    if (result.ok) loaded.push(result.loaded);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new CuratedError(problems);
  return loaded;
}
