import { sql, type SqlBool } from 'kysely';
import { registerAttachmentOwner } from '../../../platform/files/attachments';
import { enterpriseInScope } from '../../../platform/db/scope';

/** The owner type of a version's attached files (the scanned, signed original; a PDF of the text). */
export const VERSION_FILE_OWNER = 'document_version';

// R-DOC-1 "人人知晓": a version's files are read by whoever reads the library (the enterprise's people and its
// regulators in scope) and by the person asked to acknowledge that version.
registerAttachmentOwner(VERSION_FILE_OWNER, {
  visibleTo: (viewer, link) => (viewer.scope.kind === 'enterprise' && viewer.scope.capacity === 'employee'
    ? sql<SqlBool>`exists (select 1 from document_acks da where da.enterprise_id = ${sql.ref(`${link}.enterprise_id`)}
        and da.version_id = ${sql.ref(`${link}.owner_id`)} and da.employee_id = ${viewer.scope.employeeId})`
    : enterpriseInScope(viewer.scope, `${link}.enterprise_id`)),
});
