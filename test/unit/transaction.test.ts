import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LockedError, Transaction } from '../../src/pipeline/write/transaction.ts';

const roots: string[] = [];
function root(): string {
  const r = mkdtempSync(join(tmpdir(), 'tx-'));
  roots.push(r);
  mkdirSync(join(r, 'dist'));
  writeFileSync(join(r, 'dist/index.html'), 'old site');
  mkdirSync(join(r, 'content/registry'), { recursive: true });
  writeFileSync(join(r, 'content/registry/a.yaml'), 'old registry');
  return r;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** Stage a new dist and registry and swap both in, without committing (a build killed right after). */
function swapBoth(t: Transaction, r: string): void {
  const dist = t.stage('dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), 'new site');
  t.replace('dist', dist);
  t.writeFile('content/registry/a.yaml', 'new registry');
  t.writeFile('content/registry/b.yaml', 'a new file');
  expect(readFileSync(join(r, 'dist/index.html'), 'utf8')).toBe('new site');
}

describe('Transaction', () => {
  it('keeps what it replaced when committed', () => {
    const r = root();
    const t = Transaction.begin(r);
    swapBoth(t, r);
    t.commit();
    expect(readFileSync(join(r, 'dist/index.html'), 'utf8')).toBe('new site');
    expect(readFileSync(join(r, 'content/registry/a.yaml'), 'utf8')).toBe('new registry');
    expect(existsSync(join(r, '.build/lock'))).toBe(false);
  });

  it('puts everything back when rolled back', () => {
    const r = root();
    const t = Transaction.begin(r);
    swapBoth(t, r);
    t.rollBack();
    expect(readFileSync(join(r, 'dist/index.html'), 'utf8')).toBe('old site');
    expect(readFileSync(join(r, 'content/registry/a.yaml'), 'utf8')).toBe('old registry');
    expect(existsSync(join(r, 'content/registry/b.yaml'))).toBe(false);
  });

  it('rolls back a build that was killed (its lock left behind) when the next build begins', () => {
    const r = root();
    swapBoth(Transaction.begin(r), r); // never committed: as if killed here
    const next = Transaction.begin(r);
    expect(next.recovered.join('\n')).toMatch(
      /a previous build \(pid \d+, started .+\) stopped before it finished/u,
    );
    expect(next.recovered.join('\n')).toMatch(
      /put back dist, content\/registry\/a\.yaml, content\/registry\/b\.yaml/u,
    );
    expect(readFileSync(join(r, 'dist/index.html'), 'utf8')).toBe('old site');
    expect(readFileSync(join(r, 'content/registry/a.yaml'), 'utf8')).toBe('old registry');
    expect(existsSync(join(r, 'content/registry/b.yaml'))).toBe(false);
    next.commit();
  });

  it('refuses to begin while another live process holds the lock', async () => {
    const r = root();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      mkdirSync(join(r, '.build'), { recursive: true });
      writeFileSync(
        join(r, '.build/lock'),
        JSON.stringify({ pid: sleeper.pid, started: '2026-12-01T00:00:00.000Z' }),
      );
      expect(() => Transaction.begin(r)).toThrow(LockedError);
      expect(() => Transaction.begin(r)).toThrow(
        new RegExp(`another build is running in this checkout \\(pid ${sleeper.pid}`, 'u'),
      );
    } finally {
      sleeper.kill();
    }
    await new Promise((done) => sleeper.on('exit', done));
    // once it has ended, its lock is stale and taken over
    const t = Transaction.begin(r);
    expect(t.recovered[0]).toMatch(/stopped before it finished/u);
    t.commit();
  });
});
