/**
 * `npx tsx bench/svg-upload.ts [--rounds 3]`: D3 — how long /api/health waits while hostile floor plans are refused.
 *
 * Starts the real server (embedded engine, fresh data directory, demo district), logs in as the demo safety manager
 * and, for each hostile SVG of up to 5 MB (the review's `<` flood, an element flood, a megabytes-long link ending in
 * `javascript:`, a 5 MB inline image with an event handler at the end, nesting past the depth cap), uploads it while
 * a second connection, on its own thread, requests /api/health back to back. Prints the upload's status and time and the health
 * latencies seen while it was in flight. Target: the slowest health answer within 100 ms.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { startServer, tempDir } from '../e2e/server';
import { percentile } from './load';
import { DEMO_PASSWORD } from '../src/seed/demo';

const { values } = parseArgs({ args: process.argv.slice(2), options: { rounds: { type: 'string', default: '3' } } });
const ROUNDS = Number(values.rounds);
const MAX = 5 * 1024 * 1024 - 4096;
const HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">';

const HOSTILE: Record<string, () => Buffer> = {
  'D3 reproduction, 200 KB of <': () => Buffer.from(HEAD + '<'.repeat(200_000)),
  '5 MB of <': () => Buffer.from(HEAD + '<'.repeat(MAX)),
  '5 MB of <g/> (element cap)': () => Buffer.from(HEAD + '<g/>'.repeat(MAX / 4)),
  '5 MB of nesting (depth cap)': () => Buffer.from(HEAD + '<g>'.repeat(MAX / 3)),
  '5 MB link ending in javascript:': () => Buffer.from(`${HEAD}<a href="${' '.repeat(MAX)}javascript:alert(1)"/></svg>`),
  '5 MB inline image, then onload': () => Buffer.from(`${HEAD}<image href="data:image/png;base64,${'A'.repeat(MAX)}" onload="alert(1)"/></svg>`),
  '5 MB of url(#a) in one attribute': () => Buffer.from(`${HEAD}<rect fill="${'url(#a) '.repeat(MAX / 8)}"/></svg>`),
};

async function login(base: string): Promise<{ cookie: string; csrf: string; enterpriseId: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'safety', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session='))?.split(';')[0];
  const body = (await res.json()) as { csrfToken: string; user: { scope: { enterpriseId: string | null } } };
  if (!cookie || !body.user.scope.enterpriseId) throw new Error('no session');
  return { cookie, csrf: body.csrfToken, enterpriseId: body.user.scope.enterpriseId };
}

/**
 * The health requests run on their own thread, so that what they measure is the server's answer, not this process
 * building and streaming a 5 MB upload on the same event loop.
 */
function healthPoller(base: string) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    let running = false;
    parentPort.on('message', async (msg) => {
      if (msg !== 'start') { running = false; return; }
      running = true;
      const latencies = [];
      while (running) {
        const t0 = performance.now();
        const res = await fetch(workerData.base + '/api/health');
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error('health: ' + res.status);
        latencies.push(performance.now() - t0);
      }
      parentPort.postMessage(latencies);
    });`, { eval: true, workerData: { base } });
  return {
    measure() {
      worker.postMessage('start');
      return {
        stop: () => new Promise<number[]>((resolve) => {
          worker.once('message', resolve);
          worker.postMessage('stop');
        }),
      };
    },
    close: () => worker.terminate(),
  };
}

async function main() {
  const data = tempDir('safeduty-bench-svg-');
  const server = await startServer({
    env: { DATA_DIR: path.join(data.dir, 'data'), SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' },
    logFile: path.join(data.dir, 'server.log'),
  });
  const base = server.url;
  let worst = 0;
  const poller = healthPoller(base);
  try {
    const s = await login(base);
    console.log('hostile SVG upload                   status  upload ms  health n  p50 ms  max ms');
    for (const [name, make] of Object.entries(HOSTILE)) {
      const bytes = make();
      for (let round = 0; round < ROUNDS; round++) {
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: 'image/svg+xml' }), 'hostile.svg');
        const poll = poller.measure();
        const t0 = performance.now();
        const up = await fetch(`${base}/api/v1/enterprises/${s.enterpriseId}/floor-plans`, {
          method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: form,
        }).then(async (r) => { await r.arrayBuffer(); return { status: r.status, ms: performance.now() - t0 }; });
        const latencies = await poll.stop();
        const sorted = Float64Array.from(latencies).sort();
        const max = sorted.length ? sorted[sorted.length - 1]! : 0;
        worst = Math.max(worst, max);
        console.log(`${name.padEnd(36)} ${String(up.status).padStart(6)} ${up.ms.toFixed(0).padStart(10)} ${String(sorted.length).padStart(9)} ${percentile(sorted, 50).toFixed(1).padStart(7)} ${max.toFixed(1).padStart(7)}`);
      }
    }
    console.log(`slowest /api/health during hostile uploads: ${worst.toFixed(1)} ms (target ≤ 100 ms)`);
  } finally {
    await poller.close();
    await server.stop();
    if (process.env.BENCH_KEEP_LOG) console.log(`server log: ${server.logFile}`);
    else data.remove();
  }
}

await main();
