/**
 * scripts/extract.ts as a command: per-document errors, exit status, and
 * the files it writes (into a temporary project root, never the real one).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = join(ROOT, 'content/sources');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'extract-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(sources: string, root: string, content?: string) {
  const extra = content === undefined ? [] : ['--content', content];
  return spawnSync(process.execPath, [TSX, join(ROOT, 'scripts/extract.ts'), '--sources', sources, '--root', root, ...extra], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** A content folder with the real sources and curated files, and the registry passed through `edit`. */
function contentWith(name: string, edit: (file: string, text: string) => string): string {
  const content = join(tmp, name);
  mkdirSync(join(content, 'registry'), { recursive: true });
  cpSync(SOURCES, join(content, 'sources'), { recursive: true });
  for (const f of ['organisation.yaml', 'tags.yaml', 'cross-budget.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
  for (const f of readdirSync(join(ROOT, 'content/registry'))) {
    writeFileSync(join(content, 'registry', f), edit(f, readFileSync(join(ROOT, 'content/registry', f), 'utf8')));
  }
  return content;
}

describe('npm run extract', () => {
  it('skips a broken document, reports it on one line, writes the rest and succeeds', () => {
    const sources = join(tmp, 'mixed');
    const root = join(tmp, 'root');
    mkdirSync(sources);
    const metaFile = readdirSync(SOURCES).find((n) => n.endsWith('.meta.yaml'))!;
    const meta = readFileSync(join(SOURCES, metaFile), 'utf8');
    const textFile = /^file: (.+)$/m.exec(meta)![1]!.trim();
    copyFileSync(join(SOURCES, metaFile), join(sources, metaFile));
    copyFileSync(join(SOURCES, textFile), join(sources, textFile));
    writeFileSync(join(sources, 'zz-broken.meta.yaml'), 'id: broken\nfile: nothing.txt\n');
    mkdirSync(join(root, 'src/content/measures'), { recursive: true });
    writeFileSync(join(root, 'src/content/measures/stale.mdx'), 'old');

    const result = run(sources, root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^zz-broken\.meta\.yaml: "title" must be a non-empty string; .+$/m);
    expect(result.stdout).toMatch(/total: \d+ measures in 1 documents/);

    const records = JSON.parse(readFileSync(join(root, 'src/generated/measures.json'), 'utf8')) as { id: string }[];
    const files = readdirSync(join(root, 'src/content/measures')).sort();
    expect(files).toEqual(records.map((r) => `${r.id}.mdx`).sort());
    expect(existsSync(join(root, 'src/generated/documents.json'))).toBe(true);
  });

  it('exits non-zero when no document can be read', () => {
    const sources = join(tmp, 'broken');
    mkdirSync(sources);
    writeFileSync(join(sources, 'a.meta.yaml'), ': : :\n');
    const result = run(sources, join(tmp, 'root2'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^a\.meta\.yaml: /m);
    expect(result.stderr).toMatch(/no document could be read/);
    expect(existsSync(join(tmp, 'root2/src/generated/measures.json'))).toBe(false);
  });

  it('writes the same bytes on a second run', () => {
    const root = join(tmp, 'twice');
    const content = contentWith('twice-content', (_f, text) => text);
    expect(run(SOURCES, root, content).status).toBe(0);
    const first = readFileSync(join(root, 'src/generated/measures.json'), 'utf8');
    const firstDocs = readFileSync(join(root, 'src/generated/documents.json'), 'utf8');
    expect(run(SOURCES, root, content).status).toBe(0);
    expect(readFileSync(join(root, 'src/generated/measures.json'), 'utf8')).toBe(first);
    expect(readFileSync(join(root, 'src/generated/documents.json'), 'utf8')).toBe(firstDocs);
  });

  it('stops with the file and line when an id was deleted from the registry, and writes nothing', () => {
    const content = contentWith('deleted', (f, text) => (f === 'r6-hosei.yaml' ? text.replace(/  - id: r6-hosei-002\n(?: {4}.*\n)+/, '') : text));
    const root = join(tmp, 'root-deleted');
    const result = run(join(content, 'sources'), root, content);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/registry\/r6-hosei\.yaml:\d+: id r6-hosei-002 was removed from the registry/);
    expect(result.stderr).toMatch(/build stopped/);
    expect(existsSync(join(root, 'src/generated/measures.json'))).toBe(false);
  });

  it('stops when two ids would share a URL', () => {
    // give r7-gaisan-001 the id of a measure of another document as its alias
    const content = contentWith('clash', (f, text) => (f === 'r7-gaisan.yaml' ? text.replace(/(  - id: r7-gaisan-001\n(?: {4}.*\n)*? {6}- )r7-gaisan-[0-9a-f]{8}/, '$1r6-hosei-001') : text));
    const result = run(join(content, 'sources'), join(tmp, 'root-clash'), content);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/registry\/r7-gaisan\.yaml:\d+: alias r6-hosei-001 would have the same URL as the id registered at .*registry\/r6-hosei\.yaml:\d+/);
  });

  it('writes a tombstone into the registry when a measure disappears, and keeps it', () => {
    const content = contentWith('gone', (_f, text) => text);
    const sourcesDir = join(content, 'sources');
    const metaFile = readdirSync(sourcesDir).find((n) => n.endsWith('.meta.yaml') && readFileSync(join(sourcesDir, n), 'utf8').includes('id: r4-zensedai'))!;
    const textFile = /^file: (.+)$/m.exec(readFileSync(join(sourcesDir, metaFile), 'utf8'))![1]!.trim();
    const text = readFileSync(join(sourcesDir, textFile), 'utf8');
    // drop the last measure's title and amount lines
    const registry = readFileSync(join(content, 'registry/r4-zensedai.yaml'), 'utf8');
    const lastTitle = [...registry.matchAll(/^    title: (.+)$/gm)].pop()![1]!;
    writeFileSync(join(sourcesDir, textFile), text.split('\n').filter((l) => !l.includes(lastTitle) && !/令和[5５]年度予算案/.test(l)).join('\n'));
    const result = run(sourcesDir, join(tmp, 'root-gone'), content);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/is no longer in the documents: its page becomes a tombstone/);
    expect(readFileSync(join(content, 'registry/r4-zensedai.yaml'), 'utf8')).toMatch(/status: gone/);
    const urls = JSON.parse(readFileSync(join(tmp, 'root-gone/src/generated/urls.json'), 'utf8')) as { status: string }[];
    expect(urls.some((u) => u.status === 'gone')).toBe(true);
  });
});
