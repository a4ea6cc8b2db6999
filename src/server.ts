import { createPlatform } from './app';
import { warmSvgCheck } from './platform/files/svg';
import { loadConfig } from './platform/config';
import { exitIfLocked } from './platform/db/data-dir-lock';

const config = loadConfig();
// D5: a second start on the same data directory stops here, with the holder's pid, before it migrates anything.
const platform = await createPlatform(config).catch(exitIfLocked);
const { app } = platform;
if (platform.seeded) app.log.warn('demo data loaded: the demo accounts have published passwords; never use this database in production (D15)');
await app.listen({ port: config.port, host: config.host });
// D3: the SVG check's thread, started before the first floor plan arrives.
warmSvgCheck();
app.log.info({ port: config.port, engine: platform.database.engine }, 'listening');
if (config.jobsEnabled) platform.jobs.start();

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    platform.close().then(() => process.exit(0), (err: unknown) => {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  });
}
