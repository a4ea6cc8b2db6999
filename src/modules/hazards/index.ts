import type { JobRunner } from '../../platform/jobs/runner';
import type { ModuleManifest } from '../../platform/module';
import { registerCheckJobs } from './check.jobs';
import { checkRoutes } from './check.routes';
import { registerHazardJobs } from './hazard-escalation';
import { hazardReportRoutes } from './hazard-report.routes';
import { hazardStatsRoutes } from './hazard-stats.routes';
import { hazardRoutes } from './hazard.routes';

/** Hidden-hazard investigation (RULES.md §4): checks, the closed loop, statistics and the double report. */
export const hazardsModule: ModuleManifest = {
  name: 'hazards', routes: [hazardRoutes, checkRoutes, hazardStatsRoutes, hazardReportRoutes],
  jobs: (jobs: JobRunner) => { registerCheckJobs(jobs); registerHazardJobs(jobs); },
  auditEntities: ['hazard', 'checklist', 'check_plan', 'check_task', 'enterprise_check_item', 'hazard_report'],
};
