/**
 * Scratch copies of the project, for the benchmark and the test suites that
 * build a whole site: the checkout's files without what a build makes
 * (dist/, src/generated/, caches), and a node_modules/ of links to the
 * checkout's packages, entry by entry, so each copy keeps its own Vite and
 * Astro caches (node_modules/.vite, .astro/).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** What a build or a developer makes, never copied. */
const MADE = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.build',
  '.git',
  '.cache',
  'src/generated',
]);

/** Link every package of `from`/node_modules into `to`/node_modules. */
export function linkNodeModules(from: string, to: string): void {
  mkdirSync(join(to, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(from, 'node_modules')))
    if (!name.startsWith('.'))
      symlinkSync(join(from, 'node_modules', name), join(to, 'node_modules', name));
}

/**
 * A new temporary copy of the project at `root` (prefix names the folder in
 * the system's temporary directory). `skip` leaves out more top-level or
 * nested paths, relative to `root`.
 */
export function scratchProject(root: string, prefix: string, skip: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const left = new Set([...MADE, ...skip]);
  for (const name of readdirSync(root)) {
    if (left.has(name)) continue;
    cpSync(join(root, name), join(dir, name), {
      recursive: true,
      filter: (from) => !left.has(relative(root, from)),
    });
  }
  linkNodeModules(root, dir);
  return dir;
}

/** What Vitest puts in the environment that Astro would take over its own config (NODE_ENV=test, BASE_URL …). */
const VITEST_KEYS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);

/**
 * The environment for a build a test or benchmark starts: this process's
 * without Vitest's keys and without what a developer may have set for their
 * own builds (SITE_URL, SITE_BASE, NODE_OPTIONS), no telemetry, then `extra`.
 */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const own = new Set([...VITEST_KEYS, 'SITE_URL', 'SITE_BASE', 'NODE_OPTIONS']);
  return {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !own.has(k) && !k.startsWith('VITEST')),
    ),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}
