/**
 * Fault injection: the URL contract survives every ordinary mistake and
 * fault. A scratch copy of the project is built once (the baseline); then
 * each fault is applied, the build runs (in this process for the faults that
 * stop before Astro, one of them also through the CLI), and the test asserts the
 * exit code, the `file:line` message, and that content/registry/,
 * src/generated/ and dist/ are byte-identical to the baseline (so no live
 * id turned gone). Then the kills: during extraction and during the Astro
 * build, followed by two builds started together, of which one refuses and
 * the other recovers and builds the same site again. Prints the fault table.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build as runBuild } from '../../scripts/build.ts';
import { buildEnv, scratchProject } from '../../scripts/lib/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const table: string[] = [];
/**
 * The documents the suite builds: the three smallest of the real ones (with
 * their registries and their lines of the ledger), so that each of its
 * builds is quick. Every fault is about the build, not about a document.
 */
const DOCUMENTS = ['r3-hosei', 'r4-digiden', 'r4-zensedai'];

/** Leave only the sources, registries and ledger lines of `keep` in the project `root`. */
function keepDocuments(root: string, keep: readonly string[]): void {
  const sources = join(root, 'content/sources');
  const dropped: string[] = [];
  for (const name of readdirSync(sources).filter((n) => n.endsWith('.meta.yaml'))) {
    const meta = readFileSync(join(sources, name), 'utf8');
    const id = /^id: (.+)$/mu.exec(meta)![1]!.trim();
    if (keep.includes(id)) continue;
    dropped.push(id);
    rmSync(join(sources, name));
    rmSync(join(sources, /^file: (.+)$/mu.exec(meta)![1]!.trim()));
    rmSync(join(root, 'content/registry', `${id}.yaml`));
  }
  const ledger = join(root, 'content/registry/published.txt');
  const mentions = (line: string) =>
    dropped.some((id) => new RegExp(`(?:^|[\\s/-])${id}(?:[-/.\\s]|$)`, 'u').test(line));
  writeFileSync(
    ledger,
    readFileSync(ledger, 'utf8')
      .split('\n')
      .filter((line) => !mentions(line))
      .join('\n'),
  );
}

// the scratch copy, made when the file is collected (every path below is inside it)
const dir = scratchProject(ROOT, 'faults-', ['src/content/measures']);
keepDocuments(dir, DOCUMENTS);

function build(args: string[] = [], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [TSX, 'scripts/build.ts', ...args], {
    cwd: dir,
    env: buildEnv(extra),
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 1 << 26,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/**
 * The same build, called in this process (`build` of scripts/build.ts, which
 * the CLI calls): for the faults that stop before Astro, without a tsx start
 * per fault. Its log and error lines are collected as the CLI prints them,
 * with the scratch copy as the working directory and `extra` in the environment.
 */
function buildHere(extra: Record<string, string> = {}) {
  const env = Object.keys(extra).map((k) => [k, process.env[k]] as const);
  Object.assign(process.env, extra);
  const cwd = process.cwd();
  process.chdir(dir);
  const out: string[] = [];
  const err: string[] = [];
  const errors = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
    err.push(a.join(' '));
  });
  try {
    const status = runBuild(dir, { allowRemovals: false, dataOnly: false }, (l) => out.push(l));
    return { status, out: out.join('\n'), err: err.join('\n') };
  } finally {
    errors.mockRestore();
    process.chdir(cwd);
    for (const [k, v] of env)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

function start(args: string[] = []): ChildProcess {
  return spawn(process.execPath, [TSX, 'scripts/build.ts', ...args], {
    cwd: dir,
    env: buildEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(
  child: ChildProcess,
): Promise<{ status: number | null; signal: string | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((done) =>
    child.on('close', (status, signal) => done({ status, signal, out, err })),
  );
}

function files(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((n) => {
    const p = join(root, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Hash of every file under `sub`, by path. */
function tree(sub: string): Record<string, string> {
  const root = join(dir, sub);
  return Object.fromEntries(
    files(root).map((f) => [
      relative(root, f),
      createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16),
    ]),
  );
}

const snapshot = () => ({
  registry: tree('content/registry'),
  generated: tree('src/generated'),
  dist: tree('dist'),
});
let baseline: ReturnType<typeof snapshot>;

const sources = join(dir, 'content/sources');
const metaOf = (id: string) =>
  readdirSync(sources).find(
    (n) =>
      n.endsWith('.meta.yaml') && readFileSync(join(sources, n), 'utf8').includes(`\nid: ${id}\n`),
  )!;
const textOf = (id: string) =>
  /^file: (.+)$/m.exec(readFileSync(join(sources, metaOf(id)), 'utf8'))![1]!.trim();

/** Change a file for one test; the returned function puts it back. */
function change(path: string, edit: (old: Buffer) => Buffer | string | null): () => void {
  const file = join(dir, path);
  const old = readFileSync(file);
  const next = edit(old);
  if (next === null) unlinkSync(file);
  else writeFileSync(file, next);
  return () => writeFileSync(file, old);
}

function add(path: string, content: string | Buffer): () => void {
  writeFileSync(join(dir, path), content);
  return () => unlinkSync(join(dir, path));
}

function record(fault: string, r: { status: number | null; err: string }, changed: string): void {
  const message =
    r.err.split('\n').find((l) => l.trim() !== '' && !l.startsWith('build stopped')) ?? '';
  table.push(
    `| ${fault} | ${r.status} | ${message.replace(/\|/gu, '\\|').slice(0, 160)} | ${changed} |`,
  );
}

/** What differs from `before` (default: the baseline build): nothing, or the trees that changed. */
function unchanged(before = baseline): string {
  const now = snapshot();
  const differs = (['registry', 'generated', 'dist'] as const).filter(
    (k) => JSON.stringify(now[k]) !== JSON.stringify(before[k]),
  );
  return differs.length === 0 ? 'nothing' : differs.join(', ');
}

beforeAll(() => {
  const r = build();
  if (r.status !== 0) throw new Error(`baseline build failed:\n${r.out}\n${r.err}`);
  baseline = snapshot();
  expect(Object.keys(baseline.dist).length).toBeGreaterThan(100);
}, 600_000);

afterAll(() => {
  console.log(
    ['| fault | exit | first message | what changed |', '|---|---|---|---|', ...table].join('\n'),
  );
  rmSync(dir, { recursive: true, force: true });
});

interface Fault {
  name: string;
  apply: () => () => void;
  message: RegExp;
  env?: Record<string, string>;
  /** Run through the CLI (`tsx scripts/build.ts`, its exit code and stderr) rather than in this process. */
  cli?: true;
}

const FAULTS: Fault[] = [
  {
    name: 'YAML typo in a metadata file',
    apply: () =>
      change(`content/sources/${metaOf('r3-hosei')}`, (b) =>
        b.toString().replace('budgets:', 'budgets: ['),
      ),
    message: /^00\d_\w+\.meta\.yaml:\d+: invalid YAML/m,
    cli: true,
  },
  {
    name: 'a required field missing',
    apply: () =>
      change(`content/sources/${metaOf('r3-hosei')}`, (b) =>
        b.toString().replace(/^title: .*\n/m, ''),
      ),
    message: /\.meta\.yaml:\d+: title: must be a non-empty string/,
  },
  {
    name: 'a budget label that matches nothing',
    apply: () =>
      change(`content/sources/${metaOf('r3-hosei')}`, (b) =>
        b.toString().replace(/label: 令和3年度補正予算案/u, 'label: 令和9年度補正予算案'),
      ),
    message: /^000_\w+\.txt: no measure found/m,
  },
  {
    name: 'an empty text',
    apply: () => change(`content/sources/${textOf('r3-hosei')}`, () => ''),
    message: /^000_\w+\.txt: empty/m,
  },
  {
    name: 'a binary text',
    apply: () =>
      change(`content/sources/${textOf('r3-hosei')}`, () =>
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      ),
    message: /^000_\w+\.txt: binary, not text: a NUL byte at offset 8/m,
  },
  {
    name: 'damaged UTF-8 (a cut character)',
    apply: () =>
      change(`content/sources/${textOf('r3-hosei')}`, (b) =>
        Buffer.concat([b.subarray(0, 1000), Buffer.from([0xe3, 0x81]), b.subarray(1000)]),
      ),
    message: /^000_\w+\.txt: UTF-8 with \d+ invalid bytes?, the first at offset \d+/m,
  },
  {
    name: 'an encoding that is none of UTF-8, UTF-16, Shift_JIS',
    apply: () =>
      change(`content/sources/${textOf('r4-digiden')}`, (b) =>
        Buffer.concat([Buffer.from([0x41, 0x81, 0x7f]), b.subarray(0, 20).map(() => 0x80)]),
      ),
    message: /neither UTF-8, UTF-16 \(with a BOM\) nor Shift_JIS: byte 1 \(0x81\)/,
  },
  {
    name: 'file: with the wrong case',
    apply: () =>
      change(`content/sources/${metaOf('r3-hosei')}`, (b) =>
        b.toString().replace(/^file: (.+)$/m, (_, f: string) => `file: ${f.toUpperCase()}`),
      ),
    message:
      /\.meta\.yaml:\d+: text file "000_\w+\.TXT" not found; there is "000_\w+\.txt" \(file names are case-sensitive\)/,
  },
  {
    name: 'a second document with the same id, sorting first',
    apply: () =>
      add('content/sources/000-copy.meta.yaml', readFileSync(join(sources, metaOf('r3-hosei')))),
    message:
      /\.meta\.yaml:\d+: id "r3-hosei" is already used by 000-copy\.meta\.yaml: two documents cannot share an id/,
  },
  {
    name: 'a document id renamed without renamed_from',
    apply: () =>
      change(`content/sources/${metaOf('r4-digiden')}`, (b) =>
        b.toString().replace('\nid: r4-digiden\n', '\nid: r4-digital\n'),
      ),
    message: /registry\/r4-digiden\.yaml:1: document r4-digiden has 1 registered ids but no source/,
  },
  {
    name: 'a source file deleted',
    apply: () => change(`content/sources/${textOf('r4-zensedai')}`, () => null),
    message: /\.meta\.yaml:\d+: text file "004_\w+\.txt" not found/,
  },
  {
    name: 'the last registry entry deleted and next lowered',
    apply: () =>
      change('content/registry/r4-zensedai.yaml', (b) =>
        b
          .toString()
          .replace(/ {2}- id: r4-zensedai-003\n(?: {4}.*\n)+$/u, '')
          .replace('next: 4', 'next: 3'),
      ),
    message:
      /registry\/r4-zensedai\.yaml: id r4-zensedai-003 was published \(content\/registry\/published\.txt:\d+\) but is no longer in the registry \(nor its alias r4-zensedai-[0-9a-f]{8}\)/,
  },
  {
    name: "an entry's aliases removed",
    apply: () =>
      change('content/registry/r3-hosei.yaml', (b) =>
        b
          .toString()
          .replace(
            /( {2}- id: r3-hosei-001\n(?: {4}(?!aliases).*\n)*) {4}aliases:\n(?: {6}- .*\n)+/u,
            '$1',
          ),
      ),
    message:
      /registry\/r3-hosei\.yaml:\d+: alias r3-hosei-[0-9a-f]{8} of r3-hosei-001 was published .* but is no longer listed/,
  },
  {
    name: "an alias that is another measure's id",
    apply: () =>
      change('content/registry/r4-zensedai.yaml', (b) =>
        b
          .toString()
          .replace(
            /( {2}- id: r4-zensedai-001\n(?: {4}.*\n)*? {4}aliases:\n)/u,
            '$1      - r3-hosei-001\n',
          ),
      ),
    message:
      /registry\/r4-zensedai\.yaml:\d+: alias r3-hosei-001 would have the same URL as the id registered at content\/registry\/r3-hosei\.yaml:\d+/,
  },
  {
    name: 'a registry file deleted',
    apply: () => change('content/registry/r4-zensedai.yaml', () => null),
    message:
      /registry\/r4-zensedai\.yaml: the registry of document r4-zensedai is missing, but \d+ of its ids and aliases were published/,
  },
  {
    name: 'half of a text cut off (most of its measures lost)',
    apply: () =>
      change(`content/sources/${textOf('r3-hosei')}`, (b) =>
        b.toString().split('\n').slice(0, 1000).join('\n'),
      ),
    message:
      /registry\/r3-hosei\.yaml: this build would turn \d+ of the \d+ live ids of r3-hosei into tombstones \(more than 10 %\)/,
  },
  {
    name: 'more measures than the build can hold',
    apply: () =>
      change('content/site.yaml', (b) =>
        b.toString().replace(/^max_measures: \d+$/mu, 'max_measures: 10'),
      ),
    message: /^\d+ measures found, more than this build accepts \(max_measures: 10(?!\d)/m,
  },
  {
    name: 'SITE_URL=javascript:alert(1)//',
    apply: () => () => {},
    env: { SITE_URL: 'javascript:alert(1)//' },
    message: /^SITE_URL: url "javascript:alert\(1\)\/\/" must be http or https/m,
  },
  {
    name: 'SITE_URL with a path and a different SITE_BASE',
    apply: () => () => {},
    env: { SITE_URL: 'https://example.org/sub/', SITE_BASE: '/other/' },
    message: /SITE_URL has the path \/sub\/ but SITE_BASE says \/other\//,
  },
  {
    name: 'SITE_BASE="/a b/"',
    apply: () => () => {},
    env: { SITE_BASE: '/a b/' },
    message: /SITE_BASE: base "\/a b\/" has a segment "a b"/,
  },
  {
    name: 'SITE_BASE="../x/"',
    apply: () => () => {},
    env: { SITE_BASE: '../x/' },
    message: /SITE_BASE: base "\.\.\/x\/" must start with \//,
  },
];

describe('a fault never touches the URL contract', () => {
  it.each(FAULTS.map((f) => [f.name, f] as const))(
    '%s: non-zero exit, file:line message, registry, generated data and dist/ unchanged',
    (_name, fault) => {
      const undo = fault.apply();
      try {
        // a fault in a registry file changes it; the build must change nothing more
        const before = snapshot();
        const r = fault.cli ? build([], fault.env) : buildHere(fault.env);
        const changed = unchanged(before);
        record(fault.name, r, changed);
        expect(r.status, r.out + r.err).not.toBe(0);
        expect(r.err).toMatch(fault.message);
        expect(r.err).toMatch(
          /build stopped: content\/registry\/, src\/generated\/ and dist\/ are unchanged/,
        );
        expect(changed).toBe('nothing');
      } finally {
        undo();
      }
    },
  );

  it('a build that runs out of memory in Astro leaves everything as it was', () => {
    // a heap Astro cannot build the site in; extraction still fits
    const r = build([], { NODE_OPTIONS: '--max-old-space-size=50' });
    const changed = unchanged();
    record('out of memory (a 50 MB heap)', r, changed);
    expect(r.status).not.toBe(0);
    expect(r.err).toMatch(/^astro build (?:was stopped by SIGABRT|ran out of memory)/mu);
    expect(changed).toBe('nothing');
    expect(existsSync(join(dir, '.build/lock'))).toBe(false);
  }, 300_000);

  it('a build killed during extraction leaves everything as it was', async () => {
    const child = start();
    const done = finished(child);
    while (!existsSync(join(dir, '.build/lock'))) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-child.pid!, 'SIGKILL');
    const r = await done;
    const changed = unchanged();
    record(
      'killed (SIGKILL) during extraction',
      { status: r.status ?? 137, err: `killed by ${r.signal}` },
      changed,
    );
    expect(r.signal).toBe('SIGKILL');
    expect(changed).toBe('nothing');
  }, 120_000);

  it('a build killed during the Astro build leaves everything as it was', async () => {
    const child = start();
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const done = finished(child);
    // wait until Astro renders the pages into the staging directory
    while (!out.includes('generating static routes') && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(child.exitCode, 'the build ended before it could be killed').toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(-child.pid!, 'SIGKILL');
    const r = await done;
    const changed = unchanged();
    record(
      'killed (SIGKILL) during the Astro build',
      { status: r.status ?? 137, err: `killed by ${r.signal}` },
      changed,
    );
    expect(r.signal).toBe('SIGKILL');
    expect(changed).toBe('nothing');
  }, 300_000);

  it('of two builds started together one refuses, the other recovers the killed build and builds the same site again, byte for byte (determinism)', async () => {
    const [a, b] = [start(), start()];
    const results = await Promise.all([finished(a), finished(b)]);
    const refused = results.filter((r) => r.status === 1);
    const built = results.filter((r) => r.status === 0);
    const changed = unchanged();
    for (const r of results)
      record(
        r.status === 0 ? 'two builds at once: the one that ran' : 'two builds at once: the second',
        {
          status: r.status,
          err: r.err || r.out.split('\n').find((l) => l.startsWith('recovered')) || '',
        },
        changed,
      );
    expect(refused).toHaveLength(1);
    expect(refused[0]!.err).toMatch(
      /^build refused: another build is running in this checkout \(pid \d+/m,
    );
    expect(built).toHaveLength(1);
    expect(built[0]!.out).toMatch(/^recovered: a previous build .*stopped before it finished/m);
    expect(changed).toBe('nothing');
    expect(readdirSync(join(dir, '.build'))).toEqual([]);
  }, 600_000);
});

describe('what a build is told to do keeps every URL answering', () => {
  // one build for both instructions: r4-zensedai retired, r4-digiden renamed to r5-digiden
  let r: ReturnType<typeof build>;
  let csvs: string[] = [];
  beforeAll(() => {
    csvs = Object.keys(baseline.dist).filter((f) =>
      /^data\/charts\/.*r4-zensedai.*\.csv$/u.test(f),
    );
    const retiredText = textOf('r4-zensedai');
    rmSync(join(sources, metaOf('r4-zensedai')));
    rmSync(join(sources, retiredText));
    const registry = join(dir, 'content/registry/r4-zensedai.yaml');
    writeFileSync(
      registry,
      readFileSync(registry, 'utf8').replace(
        '\nnext:',
        '\nretired: 2026-12-01\nnote: テストのため資料の掲載を終えた\nsuccessor: r3-hosei\nnext:',
      ),
    );
    const meta = join(sources, metaOf('r4-digiden'));
    writeFileSync(
      meta,
      readFileSync(meta, 'utf8').replace(
        '\nid: r4-digiden\n',
        '\nid: r5-digiden\nrenamed_from: r4-digiden\n',
      ),
    );
    r = build();
    record(
      'retired: <date> in one registry, its source removed; renamed_from: <old id> in another document (allowed)',
      {
        status: r.status,
        err: r.err || r.out.split('\n').find((l) => l.startsWith('tombstones')) || '',
      },
      'measure, budget and source pages of the retired document became tombstones; old ids of the renamed one redirect',
    );
  }, 300_000);

  it('retiring a document: its measures, budget and source pages become tombstones, its data files keep answering', () => {
    expect(csvs.length).toBeGreaterThan(0);
    expect(r.status, r.out + r.err).toBe(0);
    const page = (p: string) => readFileSync(join(dir, 'dist', p, 'index.html'), 'utf8');
    expect(page('/budgets/r4-zensedai/')).toContain(
      'この予算資料は、現在このサイトでは扱っていません。',
    );
    expect(page('/budgets/r4-zensedai/')).toContain('全世代型社会保障構築会議');
    expect(page('/budgets/r4-zensedai/')).toContain('href="/budgets/r3-hosei/"');
    expect(page('/sources/r4-zensedai/')).toContain('id="L789"');
    expect(page('/measures/r4-zensedai-001/')).toContain(
      '現在このサイトが扱う予算資料には掲載されていません',
    );
    for (const f of csvs) expect(existsSync(join(dir, 'dist', f)), f).toBe(true);
    const urls = JSON.parse(readFileSync(join(dir, 'dist/data/urls.json'), 'utf8')) as {
      ids: { id: string; status: string }[];
    };
    expect(urls.ids.find((u) => u.id === 'r4-zensedai-001')?.status).toBe('gone');
  });

  it('renaming a document id with renamed_from: every old URL redirects to the same measure under the new id', () => {
    expect(r.status, r.out + r.err).toBe(0);
    const fresh = readFileSync(join(dir, 'content/registry/r5-digiden.yaml'), 'utf8');
    expect(fresh).toMatch(/- id: r5-digiden-001\n/u);
    expect(readFileSync(join(dir, 'content/registry/r4-digiden.yaml'), 'utf8')).toMatch(
      /^renamed_to: r5-digiden$/mu,
    );
    const urls = JSON.parse(readFileSync(join(dir, 'dist/data/urls.json'), 'utf8')) as {
      ids: { id: string; status: string; redirect_to: string | null }[];
    };
    for (const n of ['001']) {
      expect(urls.ids.find((u) => u.id === `r4-digiden-${n}`)).toMatchObject({
        status: 'moved',
        redirect_to: `/measures/r5-digiden-${n}/`,
      });
      expect(urls.ids.find((u) => u.id === `r5-digiden-${n}`)?.status).toBe('live');
    }
    expect(readFileSync(join(dir, 'dist/_redirects'), 'utf8')).toContain(
      '/measures/r4-digiden-001/ /measures/r5-digiden-001/ 301',
    );
    expect(readFileSync(join(dir, 'dist/budgets/r4-digiden/index.html'), 'utf8')).toContain(
      'この予算資料のページは新しいURLに移りました。',
    );
  });
});
