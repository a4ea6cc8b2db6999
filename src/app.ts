import { sql } from 'kysely';
import type { Config } from './platform/config';
import { openDatabase, type Database } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { buildApp } from './platform/http/app';
import type { AppInstance, RouteInfo } from './platform/http/route';
import { JobRunner } from './platform/jobs/runner';
import { installModules, type ModuleManifest } from './platform/module';
import { registerPlatformJobs } from './platform/jobs/platform-jobs';
import { registerAlertJobs } from './platform/alerts';
import { rulesModule } from './platform/rules';
import { signaturesModule, startSignatures } from './platform/signatures';
import { calendarModule, seedWorkCalendarFromPackage } from './platform/calendar';
import { accountsModule } from './modules/accounts';
import { auditModule } from './modules/audit';
import { exportsModule } from './modules/exports';
import { hazardsModule } from './modules/hazards';
import { notificationsModule } from './modules/notifications';
import { obligationsModule } from './modules/obligations';
import { orgModule } from './modules/org';
import { referenceModule } from './modules/reference';
import { responsibilityModules } from './modules/responsibility';
import { managementModules } from './modules/management';
import { emergencyModules } from './modules/emergency';
import { accidentModules } from './modules/accidents';
import { riskModule } from './modules/risk';
import { workbenchModule } from './modules/workbench';
import { assertDemoComplete, seedDemo } from './seed/demo';

/** Every module, in mounting order. A new module adds its manifest here (src/platform/module.ts). */
export const MODULES: readonly ModuleManifest[] = [
  accountsModule, referenceModule, orgModule, auditModule, notificationsModule, rulesModule, calendarModule, signaturesModule,
  riskModule,
  hazardsModule,
  obligationsModule,
  ...responsibilityModules,
  ...managementModules,
  ...emergencyModules,
  ...accidentModules,
  exportsModule,
  workbenchModule,
];

export type Platform = {
  app: AppInstance;
  routes: RouteInfo[];
  database: Database;
  jobs: JobRunner;
  seeded: boolean;
  close: () => Promise<void>;
};

/** Opens the database, migrates, loads demo data into an empty database if configured, and builds the app. */
export async function createPlatform(config: Config, opts: { now?: () => Date; database?: Database; logStream?: NodeJS.WritableStream; modules?: readonly ModuleManifest[] } = {}): Promise<Platform> {
  const now = opts.now ?? (() => new Date());
  const database = opts.database ?? await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  await migrate(database.pool);
  // Issue 11 §1: the packaged official calendar for the years any database lacks (one select when it has them).
  await seedWorkCalendarFromPackage(database.db, now());
  // The modules' permissions, messages, rule-sets and duties are known before anything acts, the demo seed included.
  const mounted = installModules(opts.modules ?? MODULES);
  let seeded = false;
  if (config.seedDemo) {
    const any = await database.db.selectFrom('districts').select('id').limit(1).executeTakeFirst();
    if (any) await assertDemoComplete(database.db, config.databaseUrl ? 'the database (DATABASE_URL)' : `the data directory ${config.dataDir}`);
    else {
      await seedDemo(database.db, { idSecret: config.appSecret, now: now() });
      seeded = true;
      // The embedded engine has no autovacuum: give the planner statistics after a bulk load.
      await sql`analyze`.execute(database.db);
    }
  }
  // Issue 11: employees registered without the keyed hash of their last four ID characters get it now.
  await startSignatures(database.db, config.appSecret);
  const jobs = new JobRunner(database.db, { pollMs: config.jobsPollMs, now });
  registerPlatformJobs(jobs, database.engine);
  for (const register of mounted.jobs) register(jobs);
  const { app, routes } = await buildApp({ db: database.db, config, jobs, engine: database.engine, now }, mounted.routes, { logStream: opts.logStream });
  jobs.setLogger(app.log);
  // Issue 14: alerts leave the browser through the configured driver (README "Alerts").
  registerAlertJobs(jobs, config, app.log);
  // Issue 14: on PostgreSQL the instances' bells hear each other (LISTEN/NOTIFY); the embedded engine is one process.
  const closeBells = database.engine === 'postgres' ? await jobs.bells.acrossInstances(database.db, database.pool.options, app.log) : null;
  return {
    app, routes, database, jobs, seeded,
    close: async () => {
      await jobs.stop();
      await app.close();
      await closeBells?.();
      await database.close();
    },
  };
}
