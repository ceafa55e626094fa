/**
 * Vitest global setup of the "site" project: builds the whole site twice,
 * at the root and under the sub-path /sub/, once for all site and browser
 * tests. The builds run in a temporary copy of the project (node_modules
 * linked entry by entry, so Astro's and Vite's caches stay separate) with
 * the real sources and registry, a hostile source document, a fixture
 * document (hand-made records) with hostile text, and
 * a registry of a retired document (a tombstone and a moved id). The working
 * tree is not touched.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  buildOutputs,
  extractAll,
  liveUrls,
  loadCurated,
  loadRegistries,
  loadSources,
} from '../../src/pipeline/index.ts';
import { formatRegistry, parseRegistry } from '../../src/pipeline/ids/registry-file.ts';
import { writeGenerated } from '../../src/pipeline/write/generated.ts';
import { buildEnv, scratchProject } from '../../scripts/lib/scratch.ts';
import { HOSTILE_META, hostileDocument } from '../fixtures/hostile.ts';
import { fixtureDocument } from '../fixtures/records.ts';

export const BASE = '/sub/';
export const SITE = 'https://example.org';
/** The report address of the sub-path build. */
export const REPORT = 'https://tracker.example.net/issues/new?title={id}&body={url}';
const ROOT = resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  /** The temporary project (src/generated/ holds the data the site was built from). */
  tmp: string;
  /** dist/ built under BASE, with the public address SITE. */
  dist: string;
  /** dist/ built at '/', with no public address configured. */
  distRoot: string;
  /** The live measure named as the retired measure's successor. */
  successorId: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: BuiltSite;
  }
}

/**
 * `astro build` of the temporary project into `outDir` (relative to it).
 * The root build has no public address (SITE_URL unset), as a site whose
 * address is not configured yet; the sub-path build has SITE. Both builds
 * run at once, in two copies of the project: resolves when the build has
 * succeeded, rejects with its output when it failed.
 */
function astroBuild(tmp: string, base: string, outDir: string): Promise<void> {
  const site = base === '/' ? {} : { SITE_URL: SITE };
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', outDir],
    {
      cwd: tmp,
      env: buildEnv({ SITE_BASE: base, ...site }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build (${base}) failed:\n${output}`)),
    ),
  );
}

/** A registry for a document that is no longer among the sources: one tombstone with a successor, one moved id. */
function retiredRegistry(successor: string) {
  const text = formatRegistry({
    document: 'retired',
    title: '廃止された架空の予算資料',
    retired: '2026-04-01',
    note: 'テスト用: 資料がなくなった文書',
    successor: 'r6-hosei',
    next: 3,
    entries: [
      {
        id: 'retired-001',
        title: '廃止された架空の事業',
        untitled: false,
        amount: 'own 500000000',
        bureau: null,
        parent: null,
        purpose: '',
        status: 'live',
        successor,
      },
      {
        id: 'retired-002',
        title: '統合された架空の事業',
        untitled: false,
        amount: 'none',
        bureau: null,
        parent: null,
        purpose: '',
        status: 'live',
        moved_to: 'retired-001',
      },
    ],
  });
  const parsed = parseRegistry(text, 'registry/retired.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.loaded;
}

export default async function setup(project: TestProject) {
  const tmp = scratchProject(ROOT, 'site-');
  const registries = loadRegistries(join(ROOT, 'content/registry'));
  const successorId = registries[0]!.registry.entries[0]!.id;
  // the real sources plus a hostile document (test/fixtures/hostile.ts)
  const sources = join(tmp, 'sources');
  cpSync(join(ROOT, 'content/sources'), sources, { recursive: true });
  writeFileSync(join(sources, 'zz-hostile.meta.yaml'), JSON.stringify(HOSTILE_META));
  writeFileSync(join(sources, HOSTILE_META.file), hostileDocument());
  const extracted = extractAll(loadSources(sources).sources, [
    ...registries,
    retiredRegistry(successorId),
  ]);
  const fixture = fixtureDocument();
  const ids = { ...extracted.ids, urls: [...extracted.ids.urls, ...liveUrls(fixture.measures)] };
  const outputs = buildOutputs(
    [...extracted.results, fixture],
    ids,
    loadCurated(join(ROOT, 'content')),
  );
  writeGenerated(join(tmp, 'src/generated'), outputs);
  writeFileSync(join(tmp, 'summary.txt'), outputs.summary);
  // the sub-path build in a second copy with the same data: each build keeps its own .astro/
  // and Vite cache, so the two can run at once
  const tmpSub = scratchProject(ROOT, 'site-sub-');
  cpSync(join(tmp, 'src/generated'), join(tmpSub, 'src/generated'), { recursive: true });
  // the sub-path build is the deployed site: it has a report address too
  const config = join(tmpSub, 'content/site.yaml');
  const yaml = readFileSync(config, 'utf8');
  writeFileSync(
    config,
    /^report:.*$/mu.test(yaml)
      ? yaml.replace(/^report:.*$/mu, `report: ${REPORT}`)
      : `${yaml}\nreport: ${REPORT}\n`,
  );
  await Promise.all([astroBuild(tmpSub, BASE, 'dist'), astroBuild(tmp, '/', 'dist')]);
  project.provide('site', {
    tmp,
    dist: join(tmpSub, 'dist'),
    distRoot: join(tmp, 'dist'),
    successorId,
  });
  return () => {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(tmpSub, { recursive: true, force: true });
  };
}
