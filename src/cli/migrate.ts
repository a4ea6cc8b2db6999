import { loadConfig } from '../platform/config';
import { exitIfLocked } from '../platform/db/data-dir-lock';
import { openDatabase } from '../platform/db/database';
import { migrate } from '../platform/db/migrate';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 }).catch(exitIfLocked);
const { applied } = await migrate(database.pool);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await database.close();
