import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/auth/actor';
import { enterpriseInScope } from '../../../platform/db/scope';
import { registerAttachmentOwner } from '../../../platform/files/attachments';

/** Who is looking: the scope, and the account. */
export type Viewer = Pick<Actor, 'scope' | 'userId'>;

/** The attachments' owner types of an interview's and of a finding's files (records, evidence). */
export const INTERVIEW_FILE_OWNER = 'accident_interview';
export const FINDING_FILE_OWNER = 'accident_finding';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * Issue 14 §4–5: an accident's follow-up is read by the enterprise's managers (every accident and near miss of
 * theirs) and by the regulators of its enterprise (department by industry, subdistrict by place, the district), once
 * the accident has reached them (`regulators_received_at`): before the report up, it is the enterprise's own. Unit
 * leaders and employees see only the actions they own (followupActionVisibleTo). One rule for detail, lists and files.
 */
export function accidentVisibleTo(viewer: Viewer, alias = 'a'): RawBuilder<SqlBool> {
  const s = viewer.scope;
  const inScope = enterpriseInScope(s, `${alias}.enterprise_id`);
  if (s.kind === 'enterprise') return s.capacity === 'manager' ? inScope : sql<SqlBool>`false`;
  if (s.kind === 'institution') return sql<SqlBool>`false`;
  return sql<SqlBool>`(${inScope} and ${ref(alias, 'regulators_received_at')} is not null)`;
}

/** An action is seen with its accident, and by its owner (the employee behind the viewer's account). */
export function followupActionVisibleTo(viewer: Viewer, alias = 'x'): RawBuilder<SqlBool> {
  const s = viewer.scope;
  const owner = sql<SqlBool>`(${enterpriseInScope(s, `${alias}.enterprise_id`)} and ${ref(alias, 'owner_employee_id')} = (select vme.employee_id from users vme where vme.id = ${viewer.userId}))`;
  return sql<SqlBool>`(${owner} or exists (select 1 from accidents va where va.enterprise_id = ${ref(alias, 'enterprise_id')}
    and va.id = ${ref(alias, 'accident_id')} and ${accidentVisibleTo(viewer, 'va')}))`;
}

// An interview's files follow the accidents it covers; a finding's evidence follows its accident.
registerAttachmentOwner(INTERVIEW_FILE_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from accident_interview_accidents fia join accidents fa
    on fa.enterprise_id = fia.enterprise_id and fa.id = fia.accident_id
    where fia.enterprise_id = ${ref(link, 'enterprise_id')} and fia.interview_id = ${ref(link, 'owner_id')} and ${accidentVisibleTo(viewer, 'fa')})`,
});
registerAttachmentOwner(FINDING_FILE_OWNER, {
  visibleTo: (viewer, link) => sql<SqlBool>`exists (select 1 from accident_reporting_findings ff join accidents fa
    on fa.enterprise_id = ff.enterprise_id and fa.id = ff.accident_id
    where ff.enterprise_id = ${ref(link, 'enterprise_id')} and ff.id = ${ref(link, 'owner_id')} and ${accidentVisibleTo(viewer, 'fa')})`,
  lockOnLink: true,
});
