import { sql, type SqlBool } from 'kysely';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** The owner type a floor plan's image is attached under, in the attachments store. */
export const PLAN_FILE = 'floor_plan';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * R-RISK-1: the floor plans are the whole enterprise's site (every unit works on the one map), so a plan's image is
 * seen by whoever has the enterprise in scope, as the plan list is (issue 8 §3: the file follows its record).
 */
registerAttachmentOwner(PLAN_FILE, {
  visibleTo: (_viewer, link) => sql<SqlBool>`exists (select 1 from floor_plans vf where vf.enterprise_id = ${ref(link, 'enterprise_id')}
    and vf.id = ${ref(link, 'owner_id')})`,
});
