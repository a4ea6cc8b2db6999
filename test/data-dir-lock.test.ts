import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DataDirLockedError, LOCK_FILE, lockDataDir, readLockOwner } from '../src/platform/db/data-dir-lock';
import { openDatabase } from '../src/platform/db/database';

// D5: one process per embedded data directory.

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'safeduty-lock-'));
  dirs.push(d);
  return d;
};
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** The pid of a process that has just exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('a second open of an embedded data directory is refused, naming the holder; after close it opens again', async () => {
  const dir = tempDir();
  const first = await openDatabase({ databaseUrl: '', dataDir: dir, poolSize: 1 });
  const lock = path.join(dir, LOCK_FILE);
  assert.deepEqual(readLockOwner(lock), { pid: process.pid, hostname: os.hostname(), startedAt: new Date(performance.timeOrigin).toISOString() });
  await assert.rejects(openDatabase({ databaseUrl: '', dataDir: dir, poolSize: 1 }), (e: unknown) => {
    assert.ok(e instanceof DataDirLockedError);
    assert.equal(e.owner?.pid, process.pid);
    assert.match(e.message, new RegExp(`pid ${process.pid} `));
    assert.ok(e.message.includes(lock), 'the message names the lock file');
    return true;
  });
  await first.close();
  assert.equal(existsSync(lock), false, 'close removes the lock');
  const again = await openDatabase({ databaseUrl: '', dataDir: dir, poolSize: 1 });
  await again.close();
});

test('a CLI refuses a data directory another process holds, with a message naming its pid', async () => {
  const dir = tempDir();
  const release = lockDataDir(dir);
  try {
    const cli = spawn(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'), env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    cli.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(err, new RegExp(`进程号 ${process.pid}`));
    assert.match(err, new RegExp(`pid ${process.pid} `));
    assert.equal(existsSync(path.join(dir, 'pg')), false, 'the refused CLI did not touch the database files');
  } finally {
    release();
  }
});

test('a lock left by a process that no longer runs is taken over; one from a live process or another host is not', () => {
  const dir = tempDir();
  const lock = path.join(dir, LOCK_FILE);
  const dead = deadPid();
  writeFileSync(lock, JSON.stringify({ pid: dead, hostname: os.hostname(), startedAt: '2026-12-01T00:00:00.000Z' }));
  const release = lockDataDir(dir);
  assert.equal(readLockOwner(lock)?.pid, process.pid);
  assert.throws(() => lockDataDir(dir), DataDirLockedError, 'the same process cannot take it twice');
  release();
  assert.equal(existsSync(lock), false);

  // The parent of this test process is alive: its lock stands.
  writeFileSync(lock, JSON.stringify({ pid: process.ppid, hostname: os.hostname(), startedAt: 'x' }));
  assert.throws(() => lockDataDir(dir), (e: unknown) => e instanceof DataDirLockedError && e.owner?.pid === process.ppid);
  // A lock from another host cannot be checked from here and is never taken over.
  writeFileSync(lock, JSON.stringify({ pid: dead, hostname: `${os.hostname()}-elsewhere`, startedAt: 'x' }));
  assert.throws(() => lockDataDir(dir), DataDirLockedError);
  // Unreadable (a process still writing it): refused, not deleted.
  writeFileSync(lock, '');
  assert.throws(() => lockDataDir(dir), DataDirLockedError);
  assert.equal(readFileSync(lock, 'utf8'), '');
});
