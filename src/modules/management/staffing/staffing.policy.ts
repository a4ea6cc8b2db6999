import { sql, type SqlBool } from 'kysely';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/**
 * The documents of the safety organisation (set-up document, appointment documents, service contracts): attached to
 * the department (owner id = the enterprise), a safety officer's appointment or an engagement.
 */
export const STAFFING_FILE_OWNERS = { department: 'safety_department', staff: 'safety_staff', engagement: 'safety_service_engagement' } as const;
export type StaffingFileOwner = keyof typeof STAFFING_FILE_OWNERS;

// Whoever reads the organisation reads its documents: the enterprise's managers and the regulators in scope; not its
// unit leaders and employees, who do not read the organisation (staffing.permissions.ts).
const visible: Parameters<typeof registerAttachmentOwner>[1] = {
  visibleTo: (viewer, link) => (viewer.scope.kind === 'enterprise' && viewer.scope.capacity !== 'manager'
    ? sql<SqlBool>`false` : enterpriseInScope(viewer.scope, `${link}.enterprise_id`)),
};
for (const type of Object.values(STAFFING_FILE_OWNERS)) registerAttachmentOwner(type, visible);
