import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The command the browser tests and the benchmark start the platform with (what `npm start` runs, minus npm). */
export const SERVER_COMMAND = ['--enable-source-maps', 'dist/server.mjs'];

let built = false;
/** `npm start` bundles src/ into dist/ first; so do the tests and the benchmark, once per run. */
function buildServer(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('server build failed');
  built = true;
}

export type RunningServer = {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  readyMs: number;
  logFile: string;
  stop: () => Promise<void>;
};

export type ServerOptions = {
  /** Environment for the server on top of a minimal base (PATH, HOME); PORT is chosen here. */
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Spawns the server on a free loopback port and resolves once GET /api/health answers 200.
 * The server's output goes to `logFile`; if it exits or stays unhealthy, the error carries the end of that log.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    // QR codes print this address (the server never takes it from a request's Host header).
    PUBLIC_BASE_URL: url,
    ...opts.env,
    PORT: String(port),
  };
  buildServer();
  const started = performance.now();
  // SERVER_NODE_ARGS go before the script, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server under a benchmark.
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...SERVER_COMMAND], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const gone = exited(child);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }
    await new Promise<void>((r) => log.end(() => r()));
  };

  const deadline = started + (opts.timeoutMs ?? 120_000);
  let exitedEarly = false;
  void gone.then(() => { exitedEarly = true; });
  while (performance.now() < deadline) {
    if (exitedEarly) {
      await stop();
      throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy:\n${tail(opts.logFile)}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        return { url, pid: child.pid!, readyMs: performance.now() - started, logFile: opts.logFile, stop };
      }
    } catch {
      // Not listening yet.
    }
    await sleep(25);
  }
  await stop();
  throw new Error(`server not healthy within ${opts.timeoutMs ?? 120_000} ms:\n${tail(opts.logFile)}`);
}
