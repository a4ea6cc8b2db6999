import type { ModuleManifest } from '../../../platform/module';
import { accidentRoutes } from './accident.routes';
import { accidentsAuditNames, accidentsMessages } from './accidents.messages';
import { ACCIDENT_NOTIFICATION_KINDS, ACCIDENT_PERMISSIONS, ACCIDENT_ROLE_GRANTS } from './accidents.permissions';
import { ACCIDENT_RULES } from './accidents.rule-sets';
import { accidentsWorkbench } from './accidents.workbench';

/** Issue 14 §4, R-ACC-1…3: quick reports (快报), reporting up, grading, supplementary reports, alerts, the regulators' inbox, near misses, statistics. */
export const reportsManifest: ModuleManifest = {
  name: 'accidents.reports', routes: [accidentRoutes],
  permissions: ACCIDENT_PERMISSIONS, roleGrants: ACCIDENT_ROLE_GRANTS, notificationKinds: ACCIDENT_NOTIFICATION_KINDS,
  messages: accidentsMessages, auditEntities: accidentsAuditNames.entities, auditActions: accidentsAuditNames.actions,
  ruleSets: [ACCIDENT_RULES], workbench: accidentsWorkbench,
};
