import { createPlatform } from './app';
import { loadConfig } from './platform/config';

const config = loadConfig();
const platform = await createPlatform(config);
const { app } = platform;
if (platform.seeded) app.log.warn('demo data loaded: the demo accounts have published passwords; never use this database in production (D15)');
await app.listen({ port: config.port, host: config.host });
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
