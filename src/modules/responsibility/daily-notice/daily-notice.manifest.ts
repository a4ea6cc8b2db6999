import type { ModuleManifest } from '../../../platform/module';
import { dailyNoticeAuditNames, dailyNoticeMessages } from './daily-notice.messages';
import { DAILY_NOTICE_PERMISSIONS, DAILY_NOTICE_ROLE_GRANTS } from './daily-notice.permissions';
import { dailyNoticeRoutes } from './daily-notice.routes';
import { DAILY_NOTICE_RULES } from './daily-notice.rule-sets';
import { dailyNoticeWorkbench } from './daily-notice.workbench';

/**
 * The daily safety-risk assessment and commitment notice (安全风险研判与承诺公告, R-COM-1 [cfg], issue 11 §6) of the
 * enterprises in the configured industries: the day's figures, the principal's signed commitment that posts it, the
 * month's history, the regulators' "who has posted today", and today's notice on the public commitment page.
 */
export const dailyNoticeManifest: ModuleManifest = {
  name: 'responsibility.daily-notice', routes: [dailyNoticeRoutes],
  permissions: DAILY_NOTICE_PERMISSIONS, roleGrants: DAILY_NOTICE_ROLE_GRANTS,
  messages: dailyNoticeMessages, auditEntities: dailyNoticeAuditNames.entities, auditActions: dailyNoticeAuditNames.actions,
  ruleSets: [DAILY_NOTICE_RULES], workbench: dailyNoticeWorkbench,
};
