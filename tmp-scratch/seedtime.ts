import { createPlatform } from '../src/app';
import { loadConfig } from '../src/platform/config';
const t0 = Date.now();
const p = await createPlatform(loadConfig({}, { dataDir: 'memory://', databaseUrl: '', seedDemo: true, logLevel: 'silent', jobsEnabled: false, webDist: '/none' }));
console.log('platform with demo', Date.now() - t0, 'ms');
await p.close();
