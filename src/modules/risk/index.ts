import type { ModuleManifest } from '../../platform/module';
import { riskMapRoutes } from './risk-map.routes';
import { registerRiskJobs } from './risk-report.jobs';
import { riskReportRoutes } from './risk-report.routes';
import { riskRoutes } from './risk.routes';

/** Risk grading and control (RULES.md §3). */
export const riskModule: ModuleManifest = {
  name: 'risk', routes: [riskRoutes, riskMapRoutes, riskReportRoutes], jobs: registerRiskJobs,
  auditEntities: ['risk_point', 'floor_plan', 'rule_set', 'risk_annual_report', 'subdistrict_risk_report', 'post'],
};
