import type { ModuleManifest } from '../../platform/module';
import { employeeRoutes } from './employee.routes';
import { enterpriseRoutes } from './enterprise.routes';
import { orgUnitRoutes } from './org-unit.routes';
import { orgAuditNames, orgMessages } from './org.messages';

/** Enterprises, their org trees and posts, and their employees. */
export const orgModule: ModuleManifest = {
  name: 'org', routes: [enterpriseRoutes, orgUnitRoutes, employeeRoutes], messages: orgMessages,
  auditEntities: orgAuditNames.entities, auditActions: orgAuditNames.actions,
  notificationKinds: { 'employee.import': ['员工导入', 'Employee import'] },
};

// The public surface other modules use.
export { postVisibleTo } from './post.policy';
export { resolvePost, splitPosts, unitIndex, unitPathNames, type PostNode, type UnitIndex } from './employee.excel';
