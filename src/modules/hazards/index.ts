import type { JobRunner } from '../../platform/jobs/runner';
import type { ModuleManifest } from '../../platform/module';
import { registerCheckJobs } from './checks/check.jobs';
import { checkRoutes } from './checks/check.routes';
import { registerHazardJobs } from './loop/hazard-escalation';
import { doubleReportRoutes } from './double-report/double-report.routes';
import { hazardStatsRoutes } from './stats/hazard-stats.routes';
import { hazardRoutes } from './loop/hazard.routes';
import { myReportsRoutes } from './loop/hazard-mine';
import { HAZARD_ESCALATION_RULES, HAZARD_POINTS_RULES, hazardRulesMessages } from './loop/hazard.rule-sets';
import { hazardsAuditNames, hazardsMessages, hazardsWorkbenchMessages } from './hazards.messages';
import { HAZARD_NOTIFICATION_KINDS, HAZARD_PERMISSIONS, HAZARD_ROLE_GRANTS } from './hazards.permissions';
import { CHECK_RULES } from './checks/check.rule-sets';
import { hazardsWorkbench } from './hazards.workbench';
import { DOUBLE_REPORT_OBLIGATIONS } from './double-report/double-report.obligations';

/** Hidden-hazard investigation (RULES.md §4): checks, the closed loop, statistics and the double report. */
export const hazardsModule: ModuleManifest = {
  name: 'hazards', routes: [hazardRoutes, myReportsRoutes, checkRoutes, hazardStatsRoutes, doubleReportRoutes],
  jobs: (jobs: JobRunner) => { registerCheckJobs(jobs); registerHazardJobs(jobs); },
  auditEntities: hazardsAuditNames.entities, auditActions: hazardsAuditNames.actions,
  ruleSets: [HAZARD_ESCALATION_RULES, HAZARD_POINTS_RULES, CHECK_RULES],
  messages: [hazardsMessages, hazardRulesMessages, hazardsWorkbenchMessages],
  permissions: HAZARD_PERMISSIONS, roleGrants: HAZARD_ROLE_GRANTS, notificationKinds: HAZARD_NOTIFICATION_KINDS,
  workbench: hazardsWorkbench,
  obligations: DOUBLE_REPORT_OBLIGATIONS,
};

// The public surface other modules use.
export { openHazardCounts } from './stats/open-hazards';
export { checkPlansCovering } from './checks/check-plans-covering';
// A hazard opened on another module's record by the platform (an overdue special-equipment inspection, issue 12 §5).
export { openHazardForRecord, type RecordHazardInput } from './loop/hazard-open';
// One hazard as the caller sees it (404 outside scope): another module checks a hazard it links to (issue 12 §6).
export { getHazard } from './loop/hazard.service';
