import http from 'node:http';
/** The load loops every benchmark drives its requests with. */

/** Every loop stops at the deadline or when all loops together have sent this many requests. */
const MAX_REQUESTS = 5_000_000;

export type Load = { requests: number; errors: number; seconds: number; rate: number; p50: number; p95: number; p99: number };

export function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** `connections` loops, each with its own index, until the deadline or the request cap; latencies in milliseconds. */
/**
 * Runs `op` on `connections` loops for `seconds`. Closed loop by default (each loop sends its next request when the
 * last one answers). With `rate` (requests/s over all loops) each loop keeps a schedule instead, and a latency is
 * counted from the request's scheduled time, so a slow answer that delays the next request is not hidden.
 */
export async function drive(connections: number, seconds: number, op: (loop: number) => Promise<boolean>, rate?: number): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  let requests = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const interval = rate ? (connections * 1000) / rate : 0;
  const loop = async (i: number) => {
    let next = start + (interval * i) / connections;
    while (performance.now() < deadline && requests < MAX_REQUESTS) {
      if (interval) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (next >= deadline) break;
      }
      requests++;
      const t0 = interval ? next : performance.now();
      next += interval;
      let ok = false;
      try {
        ok = await op(i);
      } catch {
        ok = false;
      }
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  const elapsed = (performance.now() - start) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return { requests, errors, seconds: elapsed, rate: requests / elapsed, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}


/** One HTTP request on a keep-alive agent: its status and body text (a bench's client, no framework in the way). */
export function request(agent: http.Agent, url: URL, method: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
