import type { ModuleManifest } from '../../platform/module';
import { riskCardAckRoutes } from './cards/risk-card-ack.routes';
import { riskMapRoutes } from './map/risk-map.routes';
import { registerRiskJobs } from './report/risk-report.jobs';
import { RISK_REPORT_OBLIGATIONS } from './report/risk-report.obligations';
import { riskReportRoutes } from './report/risk-report.routes';
import { riskWorkbench } from './report/risk-report.service';
import { riskRoutes } from './points/risk-point.routes';
import { riskAuditNames, riskMessages, riskWorkbenchMessages } from './risk.messages';
import { RISK_PERMISSIONS, RISK_ROLE_GRANTS } from './risk.permissions';
import { RISK_RULES, riskRulesMessages } from './rules/risk-rules';

/** Risk grading and control (RULES.md §3). */
export const riskModule: ModuleManifest = {
  name: 'risk', routes: [riskRoutes, riskMapRoutes, riskReportRoutes, riskCardAckRoutes], jobs: registerRiskJobs, obligations: RISK_REPORT_OBLIGATIONS,
  auditEntities: riskAuditNames.entities, auditActions: riskAuditNames.actions,
  ruleSets: [RISK_RULES], messages: [riskMessages, riskRulesMessages, riskWorkbenchMessages],
  permissions: RISK_PERMISSIONS, roleGrants: RISK_ROLE_GRANTS, notificationKinds: { risk: ['风险管控', 'Risk control'] },
  workbench: riskWorkbench,
  uniqueFields: { risk_points_enterprise_id_code_key: { path: 'body.code', message: 'validation.risk.codeTaken' } },
};

// The public surface other modules use.
export { riskPointVisibleTo } from './points/risk-point.policy';
export { checkItemsFor, markAccidentAtPoint, riskSummaryFor } from './points/risk-point.service';
export { postOfCardToken, postRiskCardPoints } from './cards/post-card-points';
