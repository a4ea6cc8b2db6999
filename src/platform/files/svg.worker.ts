import { parentPort } from 'node:worker_threads';
import { checkSvgHere } from './svg';

/** D3: the SVG check's own thread (svg.ts `checkSvg`): one message in, one verdict out, in order. */
parentPort?.on('message', (m: { id: number; data: Uint8Array }) => {
  void checkSvgHere(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength))
    .catch(() => ({ ok: false as const, reason: 'invalid' as const }))
    .then((verdict) => parentPort?.postMessage({ id: m.id, verdict }));
});
