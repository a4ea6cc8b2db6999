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
  uniqueFields: {
    enterprises_credit_code_key: { path: 'body.creditCode', message: 'validation.creditCode.duplicate' },
    employees_enterprise_id_id_number_hash_key: { path: 'body.idNumber', message: 'validation.idNumber.duplicate' },
  },
};

// The public surface other modules use.
export { postVisibleTo } from './post.policy';
export { unitPathLabel } from './org-unit.repository';
export { resolvePost, splitPosts, unitIndex, unitPathNames, type PostNode, type UnitIndex } from './employee.excel';
