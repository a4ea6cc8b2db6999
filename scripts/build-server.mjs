// Bundles the server's own TypeScript (src/) into dist/server.mjs with esbuild; npm packages stay external and load
// natively. `npm start` runs it (about 0.2 s) so the server starts without a TypeScript loader in the way.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(root, 'src/server.ts'), path.join(root, 'src/cli/migrate.ts'), path.join(root, 'src/cli/audit-verify.ts'),
    // The SVG check's worker thread (src/platform/files/svg.ts finds dist/svg.worker.mjs).
    path.join(root, 'src/platform/files/svg.worker.ts')],
  outdir: path.join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
