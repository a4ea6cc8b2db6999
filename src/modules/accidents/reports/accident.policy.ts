import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor, Scope } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

export type Viewer = Pick<Actor, 'scope' | 'userId'>;

/** The attachments' owner type of an accident's photos. */
export const ACCIDENT_FILE_OWNER = 'accident';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** The office a regulator acts for: his department or subdistrict; the district admin acts for the emergency department. */
export type Office = { kind: 'department' | 'subdistrict'; id: string };

/** The inbox rows of the viewer's office (for the district admin: every office of his district). */
export function officeRowsOf(scope: Scope, alias: string): RawBuilder<SqlBool> {
  switch (scope.kind) {
    case 'department': return sql<SqlBool>`(${ref(alias, 'office_kind')} = 'department' and ${ref(alias, 'office_id')} = ${scope.departmentId})`;
    case 'subdistrict': return sql<SqlBool>`(${ref(alias, 'office_kind')} = 'subdistrict' and ${ref(alias, 'office_id')} = ${scope.subdistrictId})`;
    case 'district': return enterpriseInScope(scope, `${alias}.enterprise_id`);
    default: return sql<SqlBool>`false`;
  }
}

/**
 * Issue 14 §4: who sees an accident report. The enterprise's managers see all of its reports and near misses; a unit
 * leader those of his units and those he filed; an employee those he filed. A regulator sees an accident (never a near
 * miss) once it was reported up, in his scope or sent to his office (the emergency department receives every
 * accident of the district, whatever the industry). Institutions see none. The one rule for detail, lists, stats, files.
 */
export function accidentVisibleTo(viewer: Viewer, alias = 'a'): RawBuilder<SqlBool> {
  const s = viewer.scope;
  const inScope = enterpriseInScope(s, `${alias}.enterprise_id`);
  switch (s.kind) {
    case 'enterprise': {
      if (s.capacity === 'manager') return inScope;
      const mine = sql<SqlBool>`${ref(alias, 'reported_by')} = ${viewer.userId}`;
      if (s.capacity === 'employee') return sql<SqlBool>`(${inScope} and ${mine})`;
      const unit = sql<SqlBool>`exists (select 1 from org_units vou where vou.enterprise_id = ${ref(alias, 'enterprise_id')}
        and vou.id = ${ref(alias, 'org_unit_id')} and vou.path like ${`${s.unitPath ?? '/none/'}%`})`;
      return sql<SqlBool>`(${inScope} and (${mine} or ${unit}))`;
    }
    case 'district': case 'department': case 'subdistrict': {
      const up = sql<SqlBool>`(${ref(alias, 'kind')} = 'accident' and ${ref(alias, 'regulators_received_at')} is not null)`;
      const sent = sql<SqlBool>`exists (select 1 from accident_recipients var where var.enterprise_id = ${ref(alias, 'enterprise_id')}
        and var.accident_id = ${ref(alias, 'id')} and ${officeRowsOf(s, 'var')})`;
      return sql<SqlBool>`(${up} and (${inScope} or ${sent}))`;
    }
    default: return sql<SqlBool>`false`;
  }
}

// An accident's photos follow the accident.
registerAttachmentOwner(ACCIDENT_FILE_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from accidents a where a.enterprise_id = ${ref(link, 'enterprise_id')}
    and a.id = ${ref(link, 'owner_id')} and ${accidentVisibleTo(viewer, 'a')})`,
  lockOnLink: true,
});
