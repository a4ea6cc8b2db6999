import { verifyAuditChain } from '../platform/audit/audit';
import { loadConfig } from '../platform/config';
import { exitIfLocked } from '../platform/db/data-dir-lock';
import { openDatabase } from '../platform/db/database';

// `npm run audit:verify`: walks the audit hash chains (one per enterprise, one for the platform) and prints every row where it breaks. Exit code 1 if broken.
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 }).catch(exitIfLocked);
const report = await verifyAuditChain(database.db, { maxProblems: 1000 });
await database.close();
if (report.ok) {
  console.log(`audit chains intact: ${report.checked} rows in ${report.chains} chains, last seq ${report.lastSeq}`);
} else {
  console.log(`audit chain BROKEN: ${report.problems.length} problem(s) in ${report.checked} rows, ${report.chains} chains`);
  for (const p of report.problems) console.log(`  seq ${p.seq} (chain ${p.chain}): ${p.reason}`);
  process.exitCode = 1;
}
