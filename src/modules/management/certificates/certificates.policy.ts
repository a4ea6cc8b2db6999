import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { enterpriseInScope, orgUnitInScope, type AnyScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/**
 * A certificate is visible wherever its holder's enterprise is in scope; to a unit leader, those of the people of his
 * unit and below (through the holder's unit, alias `e` the employee). Employees do not read the register.
 */
export function certificateVisibleTo(scope: AnyScope, alias = 'c', employeeAlias = 'e'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${enterpriseInScope(scope, `${alias}.enterprise_id`)} and ${orgUnitInScope(scope, `${employeeAlias}.enterprise_id`, `${employeeAlias}.org_unit_id`)})`;
}

export const CERTIFICATE_FILE_OWNER = 'certificate';

// The scan of a certificate is read by whoever reads the enterprise's certificates (the register's readers).
registerAttachmentOwner(CERTIFICATE_FILE_OWNER, {
  visibleTo: (viewer, link) => (viewer.scope.kind === 'enterprise' && viewer.scope.capacity === 'employee'
    ? sql<SqlBool>`false` : enterpriseInScope(viewer.scope, `${link}.enterprise_id`)),
});
