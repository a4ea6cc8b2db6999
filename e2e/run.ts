/**
 * `npm run test:e2e`: starts the real server on a free port with a fresh data directory (embedded engine; the first
 * start migrates and loads the demo district), runs the browser tests (e2e/*.e2e.ts) with Node's test runner against
 * it, and always stops the server. Screenshots land in e2e/screenshots/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, tail, tempDir } from './server';

const E2E_DIR = path.join(ROOT, 'e2e');
const SCREENSHOTS = path.join(E2E_DIR, 'screenshots');

async function main(): Promise<number> {
  if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    console.error('web/dist is missing: run `npm run build` first');
    return 1;
  }
  // `npm run test:e2e -- risk` runs only the files whose names contain "risk".
  const only = process.argv[2];
  const files = readdirSync(E2E_DIR).filter((f) => f.endsWith('.e2e.ts') && (!only || f.includes(only))).sort().map((f) => path.join('e2e', f));
  if (files.length === 0) {
    console.error('no e2e/*.e2e.ts files');
    return 1;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const data = tempDir('safeduty-e2e-');
  const logFile = path.join(data.dir, 'server.log');
  console.log(`starting the server (embedded engine, DATA_DIR=${data.dir}) …`);
  const server = await startServer({ env: { DATA_DIR: path.join(data.dir, 'data'), SEED_DEMO: 'true' }, logFile });
  console.log(`server healthy at ${server.url} after ${(server.readyMs / 1000).toFixed(1)} s`);
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, E2E_BASE_URL: server.url, E2E_SCREENSHOTS: SCREENSHOTS },
      });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (code !== 0) console.error(`\nlast lines of the server log (${logFile}):\n${tail(logFile)}`);
    return code;
  } finally {
    await server.stop();
    data.remove();
  }
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
