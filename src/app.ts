import { sql } from 'kysely';
import type { Config } from './platform/config';
import { openDatabase, type Database } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { buildApp, type RouteModule } from './platform/http/app';
import type { AppInstance, RouteInfo } from './platform/http/route';
import { JobRunner } from './platform/jobs/runner';
import { authRoutes } from './modules/accounts/auth.routes';
import { userRoutes } from './modules/accounts/user.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { notificationRoutes } from './modules/notifications/notification.routes';
import { employeeRoutes } from './modules/org/employee.routes';
import { enterpriseRoutes } from './modules/org/enterprise.routes';
import { orgUnitRoutes } from './modules/org/org-unit.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { riskRoutes } from './modules/risk/risk.routes';
import { hazardRoutes } from './modules/hazards/hazard.routes';
import { checkRoutes } from './modules/hazards/check.routes';
import { registerCheckJobs } from './modules/hazards/check.jobs';
import { hazardStatsRoutes } from './modules/hazards/hazard-stats.routes';
import { hazardReportRoutes } from './modules/hazards/hazard-report.routes';
import { registerHazardJobs } from './modules/hazards/hazard-escalation';
import { riskMapRoutes } from './modules/risk/risk-map.routes';
import { riskReportRoutes } from './modules/risk/risk-report.routes';
import { registerRiskJobs } from './modules/risk/risk-report.jobs';
import { registerPlatformJobs } from './platform/jobs/platform-jobs';
import { registerAccountJobs } from './modules/accounts/account.jobs';
import { seedDemo } from './seed/demo';

/** Every module's routes, mounted under /api/v1. A new module adds itself here. */
export const MODULES: RouteModule[] = [
  authRoutes, userRoutes, referenceRoutes, enterpriseRoutes, orgUnitRoutes, employeeRoutes, auditRoutes, notificationRoutes,
  riskRoutes, riskMapRoutes, riskReportRoutes,
  hazardRoutes,
  checkRoutes,
  hazardStatsRoutes, hazardReportRoutes,
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
export async function createPlatform(config: Config, opts: { now?: () => Date; database?: Database; logStream?: NodeJS.WritableStream } = {}): Promise<Platform> {
  const database = opts.database ?? await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  await migrate(database.pool);
  let seeded = false;
  if (config.seedDemo) {
    const any = await database.db.selectFrom('districts').select('id').limit(1).executeTakeFirst();
    if (!any) {
      await seedDemo(database.db, { idSecret: config.appSecret });
      seeded = true;
      // The embedded engine has no autovacuum: give the planner statistics after a bulk load.
      await sql`analyze`.execute(database.db);
    }
  }
  const jobs = new JobRunner(database.db, { pollMs: config.jobsPollMs, now: opts.now });
  registerPlatformJobs(jobs, database.engine);
  registerAccountJobs(jobs);
  registerCheckJobs(jobs);
  registerHazardJobs(jobs);
  registerRiskJobs(jobs);
  const now = opts.now ?? (() => new Date());
  const { app, routes } = await buildApp({ db: database.db, config, jobs, engine: database.engine, now }, MODULES, { logStream: opts.logStream });
  jobs.setLogger(app.log);
  return {
    app, routes, database, jobs, seeded,
    close: async () => {
      await jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
