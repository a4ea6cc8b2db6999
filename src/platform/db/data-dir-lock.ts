import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { t } from '../i18n/messages';

/*
 * D5: the embedded engine's data directory belongs to one process. Two servers (or a server and a CLI) on the same
 * directory each kept their own copy of the database in memory and lost acknowledged writes and issued codes twice
 * when one of them flushed over the other. The owner is recorded in a lock file created atomically (O_EXCL); it is
 * held for the life of the process and removed on close or exit. A lock left by a process that no longer runs on
 * this host (after a kill -9 or a power loss) is taken over.
 */

export const LOCK_FILE = 'safeduty.lock';

export type LockOwner = { pid: number; hostname: string; startedAt: string };

/** Another process holds the data directory; the message (zh-CN, then en-US) names it and what to do. */
export class DataDirLockedError extends Error {
  constructor(readonly file: string, readonly owner: LockOwner | null) {
    const params = {
      file, pid: owner?.pid ?? '?', host: owner?.hostname ?? '?', startedAt: owner?.startedAt ?? '?',
    };
    super(`${t('zh-CN', 'dataDir.locked', params)}\n${t('en-US', 'dataDir.locked', params)}`);
    this.name = 'DataDirLockedError';
  }
}

/** Lock files this process holds: a second open from the same process is refused too, and exit removes them. */
const heldHere = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const file of heldHere) removeQuietly(file);
  });
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}

/** Creates `file` with O_EXCL and writes the owner; false when it already exists. */
function createExclusive(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The recorded owner; null when the file is gone, empty or unreadable (a process may be writing it right now). */
export function readLockOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0 || typeof o.hostname !== 'string') return null;
    return { pid: o.pid, hostname: o.hostname, startedAt: String(o.startedAt ?? '') };
  } catch {
    return null;
  }
}

/** Whether a process with this pid runs here: signal 0 checks without signalling; EPERM means it runs as another user. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock is stale when its owner ran on this host and no longer runs. The owner's pid equal to ours, in a lock we do
 * not hold, is a former life of a process that got the same pid again (pid 1 in a restarted container). A lock from
 * another host (a shared volume) cannot be checked and is never taken over.
 */
function stale(owner: LockOwner): boolean {
  if (owner.hostname !== os.hostname()) return false;
  return owner.pid === process.pid || !running(owner.pid);
}

/**
 * Takes the data directory `dir` for this process; returns the release function. Throws DataDirLockedError when a
 * running process holds it.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(path.resolve(dir), LOCK_FILE);
  // The process's start (not a business time): shown to whoever finds the directory locked.
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date(performance.timeOrigin).toISOString() };
  if (heldHere.has(file)) throw new DataDirLockedError(file, me);
  if (!createExclusive(file, me)) takeOver(file, me);
  heldHere.add(file);
  installExitHook();
  return () => {
    if (heldHere.delete(file)) removeQuietly(file);
  };
}

/**
 * Replaces a stale lock. Two processes may find the same stale lock at once: the takeover itself is guarded by a
 * second O_EXCL file, and the lock is read again under that guard, so only one of them can win.
 */
function takeOver(file: string, me: LockOwner): void {
  const owner = readLockOwner(file);
  if (!owner || !stale(owner)) throw new DataDirLockedError(file, owner);
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, me)) throw new DataDirLockedError(file, readLockOwner(guard) ?? owner);
  try {
    const now = readLockOwner(file);
    // Gone or being written: someone else released or took it meanwhile; only an exclusive create may proceed.
    if (now === null) {
      if (!createExclusive(file, me)) throw new DataDirLockedError(file, readLockOwner(file));
      return;
    }
    if ((now.pid !== owner.pid || now.hostname !== owner.hostname || now.startedAt !== owner.startedAt)) {
      throw new DataDirLockedError(file, now);
    }
    removeQuietly(file);
    if (!createExclusive(file, me)) throw new DataDirLockedError(file, readLockOwner(file));
  } finally {
    removeQuietly(guard);
  }
}

/** For the server and the CLIs: a locked data directory ends the process with its message, not a stack trace. */
export function exitIfLocked(e: unknown): never {
  if (e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
