/**
 * scripts/extract.ts as a command: per-document errors, exit status, and
 * the files it writes (into a temporary project root, never the real one).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = join(ROOT, 'content/sources');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'extract-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(sources: string, root: string) {
  return spawnSync(process.execPath, [TSX, join(ROOT, 'scripts/extract.ts'), '--sources', sources, '--root', root], {
    encoding: 'utf8',
    timeout: 60_000,
  });
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
    expect(run(SOURCES, root).status).toBe(0);
    const first = readFileSync(join(root, 'src/generated/measures.json'), 'utf8');
    const firstDocs = readFileSync(join(root, 'src/generated/documents.json'), 'utf8');
    expect(run(SOURCES, root).status).toBe(0);
    expect(readFileSync(join(root, 'src/generated/measures.json'), 'utf8')).toBe(first);
    expect(readFileSync(join(root, 'src/generated/documents.json'), 'utf8')).toBe(firstDocs);
  });
});
