// Runs after `npm install` / `npm ci`: builds the web app so `npm start` serves it on a fresh clone.
// SKIP_WEB_BUILD=1 skips it (CI builds once, later, with `npm run build`). A clone without web/ installs fine.
import { buildWeb, webSourcesExist } from './ensure-web.mjs';

function main() {
  if (process.env.SKIP_WEB_BUILD === '1') {
    console.log('[web] SKIP_WEB_BUILD=1: not building the web app');
    return 0;
  }
  if (!webSourcesExist()) {
    console.log('[web] web/vite.config.ts not found: nothing to build');
    return 0;
  }
  return buildWeb();
}

process.exitCode = main();
