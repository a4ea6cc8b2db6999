import type { ModuleManifest } from '../../platform/module';
import { employeeRoutes } from './employee.routes';
import { ENTERPRISE_ATTRIBUTE_RULES } from './enterprise-attributes.rule-sets';
import { enterpriseRoutes } from './enterprise.routes';
import { orgUnitRoutes } from './org-unit.routes';
import { orgAuditNames, orgMessages } from './org.messages';

/** Enterprises, their org trees and posts, and their employees. */
export const orgModule: ModuleManifest = {
  name: 'org', routes: [enterpriseRoutes, orgUnitRoutes, employeeRoutes], messages: orgMessages,
  auditEntities: orgAuditNames.entities, auditActions: orgAuditNames.actions,
  notificationKinds: { 'employee.import': ['员工导入', 'Employee import'] },
  ruleSets: [ENTERPRISE_ATTRIBUTE_RULES],
  uniqueFields: {
    enterprises_credit_code_key: { path: 'body.creditCode', message: 'validation.creditCode.duplicate' },
    employees_enterprise_id_id_number_hash_key: { path: 'body.idNumber', message: 'validation.idNumber.duplicate' },
  },
};

// The public surface other modules use.
export { postVisibleTo } from './post.policy';
export { unitPathLabel } from './org-unit.repository';
export { resolvePost, splitPosts, unitIndex, unitPathNames, type PostNode, type UnitIndex } from './employee.excel';
// RULES.md §8: the enterprise attributes the rules read, derived (pure) and loaded (for one enterprise or a scope).
export {
  deriveEnterpriseAttributes, keyIndustryBasis, sizeClassOf, SIZE_CLASSES, SIZE_SECTORS,
  type EnterpriseAttributeRules, type EnterpriseAttributes, type EnterpriseFacts, type KeyIndustryBasis, type SizeClass, type SizeSector,
} from './enterprise-attributes';
export { ENTERPRISE_ATTRIBUTE_RULES, type EnterpriseAttributeRuleSet } from './enterprise-attributes.rule-sets';
export { enterpriseAttributesIn, enterpriseAttributesOf, type EnterpriseAttributeRecord } from './enterprise-attributes.service';
export { keyIndustryWhere } from './enterprise-attributes.repository';
// Issue 11 §9: other modules hear of an enterprise's status change (leaving 'suspended' is a resumption) in its transaction.
export { onEnterpriseStatusChange, type EnterpriseStatusChange, type EnterpriseStatusListener } from './enterprise-status';
// Issue 13 §2, R-TRN-2: the certificates module registers who may be put on which post; org asks it on every assignment.
export { setPostAssignmentGuard, type AssignedPerson, type AssignmentReason, type AssignmentRefusal, type PostAssignmentGuard } from './post-assignment';
// ID numbers as the roster keeps them (a keyed hash): the certificates import finds its holders by them.
export { hashIdNumber, isValidIdNumber, normalizeIdNumber } from './id-number';
