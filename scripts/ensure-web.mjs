// Used by `npm start`: builds the web app when web/dist is missing (a fresh clone installed with SKIP_WEB_BUILD=1,
// or a clone whose install ran before web/ existed). Otherwise it does nothing, so start-up stays fast.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const viteConfig = path.join(root, 'web', 'vite.config.ts');
const builtIndex = path.join(root, 'web', 'dist', 'index.html');

export function webSourcesExist() {
  return existsSync(viteConfig);
}

/** Runs `vite build` for the web app; returns the exit status (0 on success). */
export function buildWeb() {
  const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(viteBin)) {
    console.error('[web] vite is not installed: run `npm install` first');
    return 1;
  }
  console.log('[web] building web/dist …');
  const started = Date.now();
  const result = spawnSync(process.execPath, [viteBin, 'build', '--config', viteConfig, '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  const status = result.status ?? 1;
  if (status === 0) console.log(`[web] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status;
}

function main() {
  if (existsSync(builtIndex)) return 0;
  if (!webSourcesExist()) {
    console.warn('[web] web/ is missing: serving the API only');
    return 0;
  }
  return buildWeb();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
