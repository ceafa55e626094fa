/**
 * A build that changes everything or nothing. One build at a time holds the
 * checkout's lock (`.build/lock`); what a build replaces (src/generated,
 * dist/, registry files) is first moved aside into `.build/undo/`, and only
 * a build that finished marks itself committed. A build that fails is
 * rolled back at once; one that was killed (out of memory, a signal, a
 * power cut) is rolled back by the next build, which finds its stale lock.
 * So a failure at any moment leaves the previous registry, generated data
 * and dist/ exactly as they were.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const WORK_DIR = '.build';

export class LockedError extends Error {}

interface LockInfo {
  pid: number;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // a killed build whose parent has not reaped it yet (a zombie, state Z) is not running
  try {
    return !/^\d+ \(.*\) Z /u.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** What was replaced, to put back: `path` (relative to the root) was moved to `undo/<n>`, or did not exist. */
interface UndoRecord {
  path: string;
  backup: string | null;
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The lock's owner. A build that has just created the lock may not have
 * written it yet: an empty lock is read again for a while before it counts
 * as cut short (its build died while writing it).
 */
function readLock(file: string): LockInfo | null {
  for (let i = 0; i < 20; i++) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      pause(50);
    }
  }
  return null;
}

export class Transaction {
  readonly work: string;
  private readonly lockFile: string;
  private readonly undoDir: string;
  private readonly journal: string;
  private records: UndoRecord[] = [];
  /** What a stale lock told: a previous build stopped early, and what was put back. */
  readonly recovered: string[] = [];

  private constructor(readonly root: string) {
    this.work = join(root, WORK_DIR);
    this.lockFile = join(this.work, 'lock');
    this.undoDir = join(this.work, 'undo');
    this.journal = join(this.undoDir, 'journal.json');
  }

  /**
   * Take the checkout's lock, or throw LockedError when another build runs.
   * A lock left by a build that is no longer running is taken over, and
   * that build's changes are rolled back first.
   */
  static begin(root: string): Transaction {
    const t = new Transaction(root);
    mkdirSync(t.work, { recursive: true });
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const fd = openSync(t.lockFile, 'wx');
        writeSync(
          fd,
          JSON.stringify({
            pid: process.pid,
            started: new Date().toISOString(),
          } satisfies LockInfo),
        );
        closeSync(fd);
        t.rollBackLeftovers();
        return t;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const info = readLock(t.lockFile);
      if (info && info.pid !== process.pid && alive(info.pid)) {
        throw new LockedError(
          `another build is running in this checkout (pid ${info.pid}, started ${info.started}): wait for it to finish or stop it. ` +
            `(${relative(process.cwd(), t.lockFile) || t.lockFile} is removed when it ends.)`,
        );
      }
      // a stale lock: one build at a time takes it over (two builds that find it
      // together must not both remove it, or the second would remove the first's new lock)
      if (!t.takeOver(info)) pause(100);
    }
    throw new LockedError(`could not take the build lock ${t.lockFile}`);
  }

  /** Remove a stale lock, holding the takeover file meanwhile; false when another build is taking it over. */
  private takeOver(seen: LockInfo | null): boolean {
    const claim = `${this.lockFile}.takeover`;
    try {
      closeSync(openSync(claim, 'wx'));
    } catch {
      // another build holds the takeover; a takeover file left by a build killed while taking over expires
      try {
        if (Date.now() - statSync(claim).mtimeMs > 30_000) rmSync(claim, { force: true });
      } catch {
        /* gone meanwhile */
      }
      return false;
    }
    try {
      const now = readLock(this.lockFile);
      if (now === null || (seen !== null && now.pid === seen.pid && now.started === seen.started)) {
        if (now !== null || existsSync(this.lockFile)) {
          this.recovered.push(
            `a previous build${now ? ` (pid ${now.pid}, started ${now.started})` : ''} stopped before it finished`,
          );
        }
        rmSync(this.lockFile, { force: true });
      }
      return true;
    } finally {
      rmSync(claim, { force: true });
    }
  }

  /** Put back what an unfinished build replaced; remove what it staged. */
  private rollBackLeftovers(): void {
    if (existsSync(this.journal)) {
      const records = JSON.parse(readFileSync(this.journal, 'utf8')) as UndoRecord[];
      this.undo(records);
      this.recovered.push(
        `put back ${records.map((r) => r.path).join(', ')} as they were before it`,
      );
    }
    for (const name of existsSync(this.work) ? readdirSync(this.work) : []) {
      if (!name.startsWith('lock')) rmSync(join(this.work, name), { recursive: true, force: true });
    }
  }

  private undo(records: readonly UndoRecord[]): void {
    for (const r of [...records].reverse()) {
      const target = join(this.root, r.path);
      if (r.backup === null) {
        rmSync(target, { recursive: true, force: true });
      } else if (existsSync(join(this.undoDir, r.backup))) {
        rmSync(target, { recursive: true, force: true });
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(this.undoDir, r.backup), target);
      }
    }
  }

  /** A fresh staging path under .build/ (same file system as the root, so a rename is atomic). */
  stage(name: string): string {
    const p = join(this.work, 'stage', name);
    rmSync(p, { recursive: true, force: true });
    mkdirSync(dirname(p), { recursive: true });
    return p;
  }

  /**
   * Replace `path` (relative to the root: a file or a directory) by the
   * staged `from`, keeping the old one to put back until commit.
   */
  replace(path: string, from: string): void {
    mkdirSync(this.undoDir, { recursive: true });
    const target = join(this.root, path);
    const backup = existsSync(target) ? String(this.records.length) : null;
    this.records.push({ path, backup });
    // the journal is written before anything moves: a kill after this line is rolled back
    writeFileSync(this.journal, JSON.stringify(this.records));
    if (backup !== null) renameSync(target, join(this.undoDir, backup));
    mkdirSync(dirname(target), { recursive: true });
    renameSync(from, target);
  }

  /** Replace the file `path` with `content`, staged first. */
  writeFile(path: string, content: string): void {
    const staged = this.stage(`files/${this.records.length}`);
    writeFileSync(staged, content);
    this.replace(path, staged);
  }

  /** The build finished: drop what was kept to put back, and release the lock. */
  commit(): void {
    rmSync(this.journal, { force: true });
    rmSync(this.undoDir, { recursive: true, force: true });
    this.release();
  }

  /** The build failed: put everything back as it was, and release the lock. */
  rollBack(): void {
    this.undo(this.records);
    rmSync(this.journal, { force: true });
    this.release();
  }

  private release(): void {
    for (const name of existsSync(this.work) ? readdirSync(this.work) : []) {
      if (!name.startsWith('lock')) rmSync(join(this.work, name), { recursive: true, force: true });
    }
    rmSync(this.lockFile, { force: true });
  }
}
